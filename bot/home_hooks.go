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

// GoalProgress is where a goal stands.
type GoalProgress string

// Goal progress.
const (
	GoalNotStarted GoalProgress = "not-started"
	GoalInProgress GoalProgress = "in-progress"
	GoalDone       GoalProgress = "done"
)

// Goal is one of a pair's goals.
type Goal struct {
	ID       string
	By       MemberID
	Text     string
	Progress GoalProgress
	Updated  time.Time
}

// pairGoals are the pair's goals.
func (b *Bot) pairGoals(ctx context.Context, pair Pair) ([]Goal, error) {
	return nil, nil
}

// pausedUntil is when the member's pause ends; zero: not paused until a date.
func (b *Bot) pausedUntil(ctx context.Context, m MemberID) (time.Time, error) {
	return time.Time{}, nil
}

// profileForm is the "Set my time zone and hours" form.
func profileForm(lang Lang, me Member) *Form {
	return &Form{Command: "profile", Title: "Profile", Submit: T(lang, "form.submit"), Fields: []FormField{
		{Name: "tz", Label: "Time zone", Value: me.TZ, MaxLength: 64},
		{Name: "hours", Label: "Hours", MaxLength: 20},
	}}
}
