package bot

import (
	"context"
	"strings"
	"time"
)

// The managers' list of speed-mentoring events, and their cancellation:
// /mentor admin events [list], /mentor admin events cancel "NAME". A
// cancellation is confirmed with a button; it then marks the event
// cancelled and schedules, in the same step, the job that tells each
// registered member and the event's channel (JobSpeedCancel). The rounds
// of a cancelled event are not paired, and its registration buttons say
// it was cancelled.

// eventsCommand is the row of the command table that lists and cancels
// events.
func eventsCommand() CommandSpec {
	return CommandSpec{Name: "admin events", Admin: true, Positional: "action", run: runAdminEvents, Options: []Option{
		{Name: "action", Type: OptText, MaxLength: speedMaxName + 20, Help: "opt.events_action"},
	}}
}

// eventVerbs maps what a manager may type to what they mean.
var eventVerbs = map[string]string{
	"": "list", "list": "list", "liste": "list", "lister": "list",
	"cancel": "cancel", "annuler": "cancel", "annule": "cancel",
}

func runAdminEvents(ctx context.Context, b *Bot, in *Invocation) (Reply, error) {
	action, rest, _ := strings.Cut(strings.TrimSpace(in.Text("action")), " ")
	verb, ok := eventVerbs[foldName(action)]
	if !ok {
		return Reply{}, unknownVerb(in, action, &Error{Code: EINVALID, Key: "err.events.usage", Field: "action"})
	}
	t := in.Member.Tenant()
	events, err := b.store.speed.SpeedEvents(ctx, t)
	if err != nil {
		return Reply{}, err
	}
	if verb == "list" {
		return b.listSpeedEvents(ctx, in, events)
	}
	name := unquote(strings.TrimSpace(rest))
	if name == "" {
		return Reply{}, &Error{Code: EINVALID, Key: "err.events.which", Args: []string{"verb", action}, Field: "action"}
	}
	e, ok := speedEventNamed(events, name, b.clock.Now())
	switch {
	case !ok:
		return Reply{}, &Error{Code: ENOTFOUND, Key: "err.events.unknown", Args: []string{"name", clip(name, speedMaxName)}, Field: "action"}
	case !e.Cancelled.IsZero():
		return Reply{}, Errorf(ESTALE, "err.event.cancelled_already", "name", e.Name)
	case !b.clock.Now().Before(e.End()):
		return Reply{}, Errorf(ESTALE, "err.event.ended", "name", e.Name)
	}
	entrants, err := b.store.speed.SpeedEntrants(ctx, t, e.ID)
	if err != nil {
		return Reply{}, err
	}
	return Reply{Message: Message{
		Title: T(in.Lang, "event.cancel_title", "name", e.Name),
		Text: T(in.Lang, "event.cancel_confirm", "when", speedWhen(in.Lang, e, e.Start), "registered", speedCount(in.Lang, entrants),
			"channel", ChannelText(e.Channel)),
		Channels: []string{e.Channel},
		Buttons: []Button{
			{Label: T(in.Lang, "btn.event_cancel"), ActionID: ActionSpeedCancel, Value: e.ID, Style: StyleDanger},
			{Label: T(in.Lang, "btn.event_keep"), ActionID: ActionSpeedKeep, Value: e.ID},
		},
	}}, nil
}

// eventsVerb answers "/mentor admin event list" or "… event cancel NAME",
// which a manager may well type, with the command that does it rather
// than with the options an event needs.
func eventsVerb(c CommandSpec, lang Lang, text string, err error) error {
	words := strings.Fields(strings.TrimPrefix(strings.TrimSpace(text), "/mentor"))
	if ErrorCode(err) != EINVALID || len(words) < 3 {
		return err
	}
	switch eventVerbs[foldName(words[2])] { // a quoted name is a name
	case "list":
		return &Error{Code: EINVALID, Key: "err.event.use_events_list"}
	case "cancel":
		return &Error{Code: EINVALID, Key: "err.event.use_events_cancel", Args: []string{"verb", words[2]}}
	}
	return err
}

// speedEventNamed finds the event a manager names, case and accents
// aside. Of several with that name, one neither cancelled nor over wins,
// then the latest created.
func speedEventNamed(events []SpeedEvent, name string, now time.Time) (SpeedEvent, bool) {
	var found SpeedEvent
	ok, live := false, false
	for _, e := range events { // oldest first
		if foldName(strings.TrimSpace(e.Name)) != foldName(name) {
			continue
		}
		l := e.Live(now)
		if !ok || l || !live {
			found, ok, live = e, true, l
		}
	}
	return found, ok
}

// speedCount writes how many mentors and mentees registered.
func speedCount(lang Lang, entrants []SpeedEntrant) string {
	mentors := 0
	for _, en := range entrants {
		if en.Role == SpeedMentor {
			mentors++
		}
	}
	return T(lang, "event.count", "mentors", plural(lang, mentors, "event.mentors"), "mentees", plural(lang, len(entrants)-mentors, "event.mentees"))
}

// speedState says where an event stands at now.
func speedState(lang Lang, e SpeedEvent, now time.Time) string {
	switch n := e.RoundAt(now); {
	case !e.Cancelled.IsZero():
		return T(lang, "event.state_cancelled", "date", Date(lang, e.Cancelled))
	case n == 0:
		return T(lang, "event.state_upcoming")
	case n > e.Rounds:
		return T(lang, "event.state_over")
	default:
		return T(lang, "event.state_under_way", "round", itoa(n), "rounds", itoa(e.Rounds))
	}
}

// listSpeedEvents answers /mentor admin events: each event kept (an
// event's records go 30 days after its end), oldest first, with its
// registrations and where it stands.
func (b *Bot) listSpeedEvents(ctx context.Context, in *Invocation, events []SpeedEvent) (Reply, error) {
	if len(events) == 0 {
		return Reply{Message: Message{Text: T(in.Lang, "event.list_none")}}, nil
	}
	t, now := in.Member.Tenant(), b.clock.Now()
	lines := make([]string, 0, len(events))
	var channels []string
	for _, e := range events {
		entrants, err := b.store.speed.SpeedEntrants(ctx, t, e.ID)
		if err != nil {
			return Reply{}, err
		}
		lines = append(lines, "• "+T(in.Lang, "event.list_line", "name", e.Name, "when", speedWhen(in.Lang, e, e.Start),
			"rounds", itoa(e.Rounds), "minutes", itoa(e.Minutes), "channel", ChannelText(e.Channel),
			"registered", speedCount(in.Lang, entrants), "state", speedState(in.Lang, e, now)))
		channels = append(channels, e.Channel)
	}
	for _, e := range events {
		if e.Live(now) {
			lines = append(lines, T(in.Lang, "event.list_cancel_hint"))
			break
		}
	}
	return Reply{Message: Message{Title: T(in.Lang, "event.list_title"), Text: strings.Join(lines, "\n"), Channels: channels}}, nil
}

// confirmCancelSpeed is "Cancel the event": the event is marked cancelled
// with its notices' job, in one step. A second click, or an event
// cancelled or over meanwhile, says so.
func confirmCancelSpeed(ctx context.Context, b *Bot, who MemberID, lang Lang, value string) (Reply, error) {
	t, now := who.Tenant(), b.clock.Now().UTC()
	e, err := b.speedEvent(ctx, t, value)
	if err != nil {
		return Reply{}, err
	}
	if e.Cancelled.IsZero() && !now.Before(e.End()) {
		return alreadyDone(T(lang, "err.event.ended", "name", e.Name)), nil
	}
	e, err = b.store.speed.CancelSpeedEvent(ctx, t, e.ID, now, []Job{NewJob(now, JobSpeedCancel, e.ID)})
	switch ErrorCode(err) {
	case "":
	case ESTALE:
		return alreadyDone(T(lang, "err.event.cancelled_already", "name", e.Name)), nil
	default:
		return Reply{}, ignoreSpeedGone(err)
	}
	entrants, err := b.store.speed.SpeedEntrants(ctx, t, e.ID)
	if err != nil {
		// Cancelled all the same: the notices go out; only the count is
		// missing from this answer.
		b.log.Warn("speed event cancelled, entrants not read", "event", e.ID, "code", string(ErrorCode(err)))
	}
	b.log.Info("speed event cancelled", "tenant", t.String(), "event", e.ID, "by", who.String())
	return Reply{Replace: true, Message: Message{Text: T(lang, "event.cancelled", "name", e.Name, "registered", speedCount(lang, entrants),
		"channel", ChannelText(e.Channel)), Channels: []string{e.Channel}}}, nil
}

// keepSpeed is "Keep it": nothing changes. An event cancelled meanwhile
// (the other button, another manager) or over is said to be so, not to go
// ahead as planned.
func keepSpeed(ctx context.Context, b *Bot, who MemberID, lang Lang, value string) (Reply, error) {
	e, err := b.speedEvent(ctx, who.Tenant(), value)
	if err != nil {
		return Reply{}, err
	}
	switch {
	case !e.Cancelled.IsZero():
		return alreadyDone(T(lang, "err.event.cancelled_already", "name", e.Name)), nil
	case !b.clock.Now().Before(e.End()):
		return alreadyDone(T(lang, "err.event.ended", "name", e.Name)), nil
	}
	return Reply{Replace: true, Message: Message{Text: T(lang, "event.kept", "name", e.Name)}}, nil
}

// runSpeedCancel tells each member registered for a cancelled event, and
// its channel, once each whatever retries and replicas do (delivery
// marks).
func runSpeedCancel(ctx context.Context, b *Bot, t Tenant, j Job) error {
	e, err := b.store.speed.GetSpeedEvent(ctx, t, j.Part(0))
	if err != nil {
		return ignoreGone(err)
	}
	entrants, err := b.store.speed.SpeedEntrants(ctx, t, e.ID)
	if err != nil {
		return err
	}
	key := "event.cancelled_dm"
	if !e.Cancelled.Before(e.Start) {
		key = "event.cancelled_dm_under_way"
	}
	var firstErr error
	for _, en := range entrants {
		err := b.deliver(ctx, j.ID, en.Member, func(l Lang) Message {
			return Message{Text: T(l, key, "name", e.Name, "when", speedWhen(l, e, e.Start))}
		})
		if err != nil && firstErr == nil && ErrorCode(err) != EGONE {
			firstErr = err
		}
	}
	b.closeSpeedPost(ctx, e, "event.post_cancelled") // its buttons go
	p, err := b.tenantPlatform(t)
	if err != nil {
		return err
	}
	if e.Channel != "" {
		// In the languages of its registration message.
		langs := e.postLangs(b.settings(ctx, t).DefaultLang)
		err := b.postOnce(ctx, t, p, e.Channel, j.ID, langs[0], func(Lang) Message {
			var texts []string
			for _, l := range langs {
				texts = append(texts, T(l, "event.cancelled_notice", "name", e.Name, "when", speedWhen(l, e, e.Start)))
			}
			return Message{Text: strings.Join(texts, "\n\n")}
		})
		if err != nil && firstErr == nil {
			firstErr = err
		}
	}
	return firstErr
}
