package bot

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/mentorbot/mentorbot/meeting"
)

// optHours is a member's working hours ("9-18", "9h30-17h", "10-16
// mon-thu"), on an offer, a request and the profile.
var optHours = Option{Name: "hours", French: "heures", Aliases: []string{"horaires"}, Type: OptText, MaxLength: meeting.MaxHoursLen}

// profileCommand is /mentor profile: the member's time zone and working
// hours, which meeting times are found within, and their years of
// experience, which offers and requests set too (Member.Years).
func profileCommand() CommandSpec {
	return CommandSpec{Name: "profile", Form: true, run: runProfile, Options: []Option{optTZ, optHours, optYears}}
}

// meetCommand is /mentor meet: three new meeting times for a pair.
func meetCommand() CommandSpec {
	return CommandSpec{Name: "meet", Positional: "pair", run: runMeet, Options: []Option{
		{Name: "pair", French: "binôme", Type: OptText, MaxLength: 80, NamesMember: true},
	}}
}

// profileForm is the profile's form, prefilled with the member's time
// zone and hours: what /mentor profile opens, and the home's "Set my time
// zone and hours" button.
func profileForm(lang Lang, me Member) *Form {
	f := &Form{Command: "profile", Title: T(lang, "form.profile.title"), Submit: T(lang, "form.submit")}
	values := map[string]string{"tz": me.TZ, "hours": hoursValue(lang, me.Hours)}
	for _, o := range profileCommand().Options {
		if o.Name == optYears.Name {
			continue // the form is the zone and the hours; offers and requests ask the years
		}
		f.Fields = append(f.Fields, FormField{
			Name: o.Name, Label: T(lang, "label."+o.Name), Placeholder: clip(T(lang, o.HelpKey()), 100),
			Value: values[o.Name], MaxLength: o.MaxLength,
		})
	}
	return f
}

// applyHours copies the hours option into the member's profile.
func applyHours(in *Invocation, m *Member) error {
	v := strings.TrimSpace(in.Text("hours"))
	if v == "" {
		return nil
	}
	h, err := meeting.ParseHours(v)
	if err != nil {
		return hoursError(err, v)
	}
	m.Hours = h
	return nil
}

// hoursError turns ParseHours's refusal into a sentence.
func hoursError(err error, v string) error {
	code := meeting.ErrFormat
	var he *meeting.HoursError
	if errors.As(err, &he) {
		code = he.Code
	}
	return &Error{Code: EINVALID, Key: "err.hours." + code, Args: []string{"value", clip(v, 40)}, Field: "hours", Err: err}
}

// zoneToOffer gives the member's offer, if they have one, the time zone
// and the years of experience of their profile: the matcher reads an
// offer's zone and years, and one member has one zone, however it was set
// (an offer, /mentor profile, the introduction's menu), and one number of
// years.
func (b *Bot) zoneToOffer(ctx context.Context, m Member) error {
	o, err := b.store.offers.GetOffer(ctx, m.ID)
	if ErrorCode(err) == ENOTFOUND || (err == nil && (o.TZ == m.TZ || m.TZ == "") && o.Years == m.Years) {
		return nil
	}
	if err != nil {
		return err
	}
	if m.TZ != "" {
		o.TZ = m.TZ
	}
	o.Years, o.Keys = m.Years, topicKeys(o.Topics...)
	return b.store.offers.SaveOffer(ctx, o)
}

// runProfile saves the member's time zone and hours, or shows them.
func runProfile(ctx context.Context, b *Bot, in *Invocation) (Reply, error) {
	m := in.Me
	if len(in.Values) == 0 {
		return Reply{Message: profileMessage(in.Lang, "profile.current", m, b.memberLoc(ctx, m))}, nil
	}
	if err := applyProfile(in, &m); err != nil {
		return Reply{}, err
	}
	if profileChanged(m, in.Me) {
		if err := b.store.members.SaveMember(ctx, m); err != nil {
			return Reply{}, err
		}
		if err := b.zoneToOffer(ctx, m); err != nil {
			return Reply{}, err
		}
	}
	msg := profileMessage(in.Lang, "profile.saved", m, b.memberLoc(ctx, m))
	if in.Text("tz") == "" && in.Text("hours") == "" {
		// Only the years: a sentence about "these hours" would speak of
		// hours the member did not give.
		msg.Text = T(in.Lang, "profile.saved_years")
	}
	return Reply{Message: msg}, nil
}

// profileZone is a member's time zone as the profile, the offer and the
// home show it: theirs, or the one assumed for meeting times until they
// give one (assumed: the workspace's, UTC unless set).
func profileZone(lang Lang, m Member, assumed *time.Location) string {
	if m.TZ != "" {
		return tzText(m.TZ)
	}
	return T(lang, "profile.tz_assumed", "zone", locText(orUTC(assumed)))
}

// orUTC is loc, UTC if nil.
func orUTC(loc *time.Location) *time.Location {
	if loc == nil {
		return time.UTC
	}
	return loc
}

// profileMessage shows a member's time zone, hours and years. A member
// who gave no zone is told the one meeting times are found in meanwhile
// (assumed: the workspace's, UTC unless set), and how to give theirs.
func profileMessage(lang Lang, key string, m Member, assumed *time.Location) Message {
	tz := profileZone(lang, m, assumed)
	text := ""
	if key != "" {
		text = T(lang, key)
	}
	if m.TZ == "" && key != "" {
		text = T(lang, key+"_no_tz", "zone", locText(orUTC(assumed)))
	}
	fields := []Field{
		{Label: T(lang, "field.tz"), Value: tz},
		{Label: T(lang, "field.hours"), Value: hoursText(lang, m.Hours)},
	}
	if m.Years > 0 && key != "" {
		// The home gives the years with the offer or the request.
		fields = append(fields, Field{Label: T(lang, "field.years"), Value: itoa(m.Years)})
	}
	return Message{Text: text, Fields: fields}
}

// hoursText writes working hours for a reader: "9:00–18:00, Monday to
// Friday", « de 9 h à 18 h, du lundi au vendredi ».
func hoursText(lang Lang, h meeting.Hours) string {
	n := h.Norm()
	days := T(lang, "hours.weekdays")
	if n.Days != meeting.Weekdays {
		runs := dayRuns(n.Days)
		var names []string
		for _, r := range runs {
			for i := r[0]; i <= r[1]; i++ {
				names = append(names, T(lang, "hours.day"+itoa(mondayFirst[i])))
			}
		}
		days = andList(lang, names)
		if len(runs) == 1 && len(names) >= 3 {
			// Days in a row read as a span: « du lundi au jeudi ».
			days = T(lang, "hours.day_range", "from", names[0], "to", names[len(names)-1])
		}
	}
	return T(lang, "hours.text", "from", minutesClock(lang, n.From), "to", minutesClock(lang, n.To), "days", days)
}

// mondayFirst are the weekdays (time.Weekday numbers) in the order the
// bot lists them, Monday first.
var mondayFirst = [7]int{1, 2, 3, 4, 5, 6, 0}

// dayRuns splits days into runs of days in a row, Monday first: each the
// first and last index in mondayFirst.
func dayRuns(days meeting.Days) [][2]int {
	var runs [][2]int
	for i := 0; i < len(mondayFirst); i++ {
		if days&(1<<mondayFirst[i]) == 0 {
			continue
		}
		j := i
		for j+1 < len(mondayFirst) && days&(1<<mondayFirst[j+1]) != 0 {
			j++
		}
		runs = append(runs, [2]int{i, j})
		i = j
	}
	return runs
}

// minutesClock writes minutes after midnight as clockIn does.
func minutesClock(lang Lang, m int) string {
	if lang != French {
		return meeting.Clock(m)
	}
	s := itoa(m/60) + "\u00a0h"
	if m%60 != 0 {
		s += "\u00a0" + meeting.Clock(m)[len(itoa(m/60))+1:]
	}
	return s
}
