package bot

// Temporary stand-ins for what other helpers build in parallel (meeting
// slots, goals, pause until a date, the profile form). The home calls
// them; the lead deletes this file when their branches are merged.

import (
	"context"
	"time"
)

// nextMeeting is the pair's next agreed meeting; zero: none agreed yet.
func (b *Bot) nextMeeting(ctx context.Context, pair Pair) (time.Time, error) {
	return time.Time{}, nil
}

// profileForm is the "Set my time zone and hours" form.
func profileForm(lang Lang, me Member) *Form {
	return &Form{Command: "profile", Title: "Profile", Submit: T(lang, "form.submit"), Fields: []FormField{
		{Name: "tz", Label: "Time zone", Value: me.TZ, MaxLength: 64},
		{Name: "hours", Label: "Hours", MaxLength: 20},
	}}
}
