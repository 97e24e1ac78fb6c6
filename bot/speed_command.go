package bot

import (
	"context"
	"net/url"
	"slices"
	"strings"
	"time"
)

// Bounds of an event's shape.
const (
	speedMaxRounds  = 12
	speedMaxMinutes = 120
	speedMaxName    = 80
	// speedMaxAhead is how far ahead an event may be opened.
	speedMaxAhead = 366 * 24 * time.Hour
)

// speedCommand is the row of the command table that opens an event:
// /mentor admin event "Speed mentoring 12 mars" rounds:4 minutes:15
// start:2027-03-12T18:00 [video:https://...] [channel:#general].
func speedCommand() CommandSpec {
	return CommandSpec{Name: "admin event", Admin: true, Positional: "name", run: runAdminEvent, parseError: eventsVerb, Options: []Option{
		{Name: "name", French: "nom", Type: OptText, MaxLength: speedMaxName, Required: true, Help: "opt.event_name"},
		{Name: "rounds", French: "tours", Type: OptInt, Min: 1, Max: speedMaxRounds, Required: true, Help: "opt.event_rounds"},
		{Name: "minutes", Type: OptInt, Min: 3, Max: speedMaxMinutes, Required: true, Help: "opt.event_minutes"},
		{Name: "start", French: "début", Aliases: []string{"debut"}, Type: OptText, MaxLength: 40, Required: true, Help: "opt.event_start", Label: "event_start"},
		{Name: "video", French: "visio", Aliases: []string{"vidéo"}, Type: OptText, MaxLength: 300, Help: "opt.event_video"},
		{Name: "channel", French: "canal", Aliases: []string{"salon"}, Type: OptChannel, MaxLength: 100, Help: "opt.event_channel"},
		{Name: "program", French: "programme", Type: OptText, MaxLength: MaxProgramNameLen + 2, Help: "opt.event_program"},
		// The same choices as admin announce's lang: (admin.go).
		{Name: "lang", French: "langue", Type: OptChoice, Choices: append(langNames(), langBoth), Help: "opt.event_lang",
			ChoiceFrench: map[string]string{langBoth: "les-deux"}, ChoiceAliases: map[string][]string{langBoth: {"bilingual", "bilingue", "deux"}}},
	}}
}

// runAdminEvent opens an event: it stores it with its round jobs, then
// posts the registration message in the channel named, or else in the
// managers' channel, in the workspace's language, another, or both
// (lang:both), as admin announce posts; posted in the workspace's
// language, not the manager's, the reply says so and how to change it.
func runAdminEvent(ctx context.Context, b *Bot, in *Invocation) (Reply, error) {
	t := in.Member.Tenant()
	s := b.settings(ctx, t)
	e := SpeedEvent{Name: strings.TrimSpace(in.Text("name")), Rounds: in.Int("rounds", 0), Minutes: in.Int("minutes", 0), TZ: s.TZ, By: in.Member, Created: b.clock.Now().UTC()}
	start, err := speedStart(in.Lang, in.Text("start"), s.TZ, b.clock.Now())
	if err != nil {
		return Reply{}, err
	}
	e.Start = start
	// The same command sent twice (a retry, a double submit) opens one
	// event: a live event of the same name is named back instead.
	events, err := b.store.speed.SpeedEvents(ctx, t)
	if err != nil {
		return Reply{}, err
	}
	if same, ok := speedEventNamed(events, e.Name, b.clock.Now()); ok && same.Live(b.clock.Now()) {
		return Reply{}, Errorf(ECONFLICT, "err.event.exists", "name", same.Name, "when", speedWhen(in.Lang, same, same.Start))
	}
	if name := strings.TrimSpace(unquote(in.Text("program"))); name != "" {
		p, err := b.programNamed(ctx, t, name)
		if err != nil {
			return Reply{}, err
		}
		if p.State == ProgramClosed {
			return Reply{}, &Error{Code: ESTALE, Key: "err.event.program_closed", Args: []string{"name", p.Name}, Field: "program"}
		}
		e.Program = string(p.ID)
	}
	if v := strings.TrimSpace(in.Text("video")); v != "" {
		u, err := url.Parse(v)
		if err != nil || u.Scheme != "https" || u.Host == "" {
			return Reply{}, &Error{Code: EINVALID, Key: "err.event.bad_video", Args: []string{"value", clip(v, 60)}, Field: "video"}
		}
		e.Video = v
	}
	channel, managers := s.DigestChannel, true
	if raw := in.Text("channel"); raw != "" {
		managers = false
		ch, ok := parseChannelRef(raw)
		if !ok {
			return Reply{}, badChannel("channel", raw)
		}
		channel = ch
	}
	if channel == "" {
		return Reply{}, &Error{Code: EINVALID, Key: "err.event.no_channel", Field: "channel"}
	}
	e.Channel = channel
	e.Langs = chosenLangs(s.DefaultLang, in.Text("lang"))
	p, err := b.tenantPlatform(t)
	if err != nil {
		return Reply{}, err
	}
	poster, ok := p.(Poster)
	if !ok {
		return Reply{}, Errorf(EINVALID, "err.admin.cannot_post")
	}
	if e.ID, err = b.newID(); err != nil {
		return Reply{}, err
	}
	if err := b.openSpeedEvent(ctx, t, p, poster, e); err != nil {
		return Reply{}, err
	}
	b.log.Info("speed event opened", "tenant", t.String(), "event", e.ID, "by", in.Member.String())
	text := T(in.Lang, "event.opened", "name", e.Name, "channel", ChannelText(channel),
		"rounds", itoa(e.Rounds), "minutes", itoa(e.Minutes), "when", speedWhen(in.Lang, e, e.Start))
	if in.Text("lang") == "" && e.Langs[0] != in.Lang {
		// Posted in the workspace's language, not the manager's: said,
		// with how to post it in theirs (the same name is refused while
		// this event is live, hence cancel first).
		text += "\n" + T(in.Lang, "event.opened_lang", "lang", languageName(in.Lang, string(e.Langs[0])), "other", string(in.Lang), "name", e.Name)
	}
	if managers {
		// Posted where only the managers may look, for want of channel:.
		text += "\n" + T(in.Lang, "event.opened_managers", "name", e.Name)
	}
	return Reply{Message: Message{Text: text, Channels: []string{channel}}}, nil
}

// speedStart reads an event's start in the workspace's time zone, as
// parseDateTimeIn reads a day and a time for a reader of lang:
// "2027-03-12T18:00", « 12/03/2027 18h30 », « 12 mars 2027 à 18 h 30 »,
// "12 March 2027 at 6:30 pm". It must be in the future, within a year.
func speedStart(lang Lang, raw, tz string, now time.Time) (time.Time, error) {
	loc := time.UTC
	if tz != "" {
		if l, err := loadLocation(tz); err == nil {
			loc = l
		}
	}
	at, ok := parseDateTimeIn(lang, raw, now.In(loc), loc)
	if !ok {
		return time.Time{}, &Error{Code: EINVALID, Key: "err.event.bad_start", Args: []string{"value", clip(raw, 40)}, Field: "start"}
	}
	if !at.After(now) || at.Sub(now) > speedMaxAhead {
		return time.Time{}, &Error{Code: EINVALID, Key: "err.event.start_range", Args: []string{"value", clip(raw, 40)}, Field: "start"}
	}
	return at.UTC(), nil
}

// speedWhen writes a time of event e for a reader of lang, in the event's
// time zone: "12 March 2027 at 18:00 (Paris)", « 12 mars 2027 à 18 h (Paris) ».
func speedWhen(lang Lang, e SpeedEvent, at time.Time) string {
	return T(lang, "event.when", "date", Date(lang, speedLocal(e, at)), "time", speedClock(lang, e, at))
}

// speedClock writes the time of day of at, in the event's zone.
func speedClock(lang Lang, e SpeedEvent, at time.Time) string {
	// « 18 h 30 (Paris) », as meeting times are written: the zone by its
	// city, in the reader's language.
	local := speedLocal(e, at)
	return clockIn(lang, local) + " (" + zoneLabel(lang, local.Location()) + ")"
}

func speedLocal(e SpeedEvent, at time.Time) time.Time {
	if e.TZ != "" {
		if l, err := loadLocation(e.TZ); err == nil {
			return at.In(l)
		}
	}
	return at.UTC()
}

// speedTitle is the registration message's title: the event's name,
// after "Speed mentoring:" unless the name says it already.
func speedTitle(lang Lang, e SpeedEvent) string {
	if strings.Contains(strings.ToLower(e.Name), "speed mentoring") {
		return e.Name
	}
	return T(lang, "event.title", "name", e.Name)
}

// chosenLangs are the languages a post in a channel is written in, for a
// lang: option (admin announce's choices): the workspace's, def, by
// default; one language; or both (langBoth), the workspace's first.
func chosenLangs(def Lang, choice string) []Lang {
	switch choice {
	case "":
		return []Lang{def}
	case langBoth:
		if def == French {
			return []Lang{French, English}
		}
		return []Lang{English, French}
	}
	return []Lang{Lang(choice)}
}

// speedRegistration is the registration message posted in a channel, in
// each of langs, one after the other.
func speedRegistration(langs []Lang, e SpeedEvent) Message {
	var titles, texts, mentor, mentee, leave []string
	for _, l := range langs {
		if t := speedTitle(l, e); !slices.Contains(titles, t) {
			titles = append(titles, t) // a name saying "speed mentoring" once
		}
		texts = append(texts, T(l, "event.text", "when", speedWhen(l, e, e.Start), "rounds", itoa(e.Rounds), "minutes", itoa(e.Minutes))+
			"\n"+T(l, "event.topics"))
		mentor = append(mentor, T(l, "btn.speed_mentor"))
		mentee = append(mentee, T(l, "btn.speed_mentee"))
		leave = append(leave, T(l, "btn.speed_leave"))
	}
	return Message{
		Title: strings.Join(titles, " / "),
		Text:  strings.Join(texts, "\n\n"),
		Buttons: []Button{
			{Label: strings.Join(mentor, " / "), ActionID: ActionSpeedMentor, Value: e.ID, Style: StylePrimary},
			{Label: strings.Join(mentee, " / "), ActionID: ActionSpeedMentee, Value: e.ID, Style: StylePrimary},
			{Label: strings.Join(leave, " / "), ActionID: ActionSpeedLeave, Value: e.ID},
		},
	}
}
