package bot

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/mentorbot/mentorbot/matching"
)

// A member's home: their offer, their open request and why it waits, their
// pairs with the next meeting, the next check-in and the goals, and the
// buttons to act on them. Slack shows it in the App Home tab (HomePublisher);
// /mentor status shows the same message on every platform.

// HomeData is everything a home shows, gathered from the member's state
// (gatherHome) and then rendered (renderHome): tests give it directly.
type HomeData struct {
	Member MemberID
	Me     Member
	// Overview is the member's offer, open request and pairs.
	Overview
	// Loc is the zone dates are written in: the member's, else the
	// workspace's.
	Loc *time.Location
	// PausedUntil is when the member's pause ends by itself, for their
	// offer and their open request; zero: no date.
	PausedUntil time.Time
	// RequestPaused: the member is paused (pause.go), with a date or not,
	// so their open request waits for the pause's end.
	RequestPaused bool
	// Unreachable: the bot paused the member because a proposal could not
	// reach them (pause_unreachable.go): the home says why.
	Unreachable bool
	// Waiting is the matcher's word on why the open request waits (nil
	// when it is proposed, or when the matcher could not tell).
	Waiting *matching.Explanation
	// Held is the program whose kick-off the open request waits for, if
	// any: then no mentor is proposed before it, whoever offers.
	Held *Program
	// suggest is the topic offered in place of the waiting request's, when
	// nobody offers it (suggestTopic): said as at the request's filing,
	// with its button.
	suggest *topicSuggestion
	// otherPrograms are where the mentors Waiting counts in other
	// programs could take the request (otherPrograms): the home says how
	// to move it there.
	otherPrograms []Program
	// Next is what comes for each pair in progress, by pair ID.
	Next map[string]PairNext
	// Programs are the lines naming the member's programs.
	Programs []string
	// Events are the lines naming the speed-mentoring events the member
	// registered for, still to come or under way.
	Events []string
}

// PairNext is what comes next for a pair in progress.
type PairNext struct {
	Meeting MeetingSlot // the meeting the pair agreed on; zero: none yet
	// MeetingPast: Meeting has ended; it is the last one, not the next.
	MeetingPast bool
	Checkin     time.Time // the next check-in; zero: none scheduled
	Goals       []Goal
}

// Home action IDs: the home's own buttons. Their value is homeValue,
// marked with the member it was shown to (owner.go).
const (
	ActionHomeRequest = "home.request" // opens the request form
	ActionHomePause   = "home.pause"
	ActionHomeResume  = "home.resume"
	ActionHomeProfile = "home.profile" // opens the time zone and hours form
	homeValue         = "home"
)

// gatherHome reads what the member's home shows. A newcomer has no
// record, so nothing else either.
func (b *Bot) gatherHome(ctx context.Context, lang Lang, who MemberID, me Member, newcomer bool) (HomeData, error) {
	d := HomeData{Member: who, Me: me, Next: map[string]PairNext{}}
	t := who.Tenant()
	d.Loc = b.memberLoc(ctx, Member{ID: who, TZ: me.TZ})
	if newcomer {
		return d, nil
	}
	ov, err := b.store.members.Overview(ctx, who)
	if err != nil {
		return d, err
	}
	d.Overview = ov
	if o, r := ov.Offer, ov.Request; (o != nil && o.Paused) || (r != nil && r.State.Open()) {
		// A pause (until a date, or the bot's for a member who stopped
		// answering) holds the offer and the waiting request.
		if p, ok := b.pauseOf(ctx, who); ok {
			d.PausedUntil, d.RequestPaused, d.Unreachable = p.Until, true, p.Unreachable
		}
	}
	if r := ov.Request; r != nil && r.State == RequestWaiting {
		if r.InProgram() != DefaultProgram {
			if held, err := b.heldPrograms(ctx, t); err == nil {
				if p, ok := held[r.InProgram()]; ok {
					d.Held = &p
				}
			}
		}
		if d.Held == nil {
			if why, others, known := b.whyWaitingIn(ctx, *r); known {
				d.Waiting, d.otherPrograms = &why, others
				if nobodyOffers(why) {
					// As at its filing: the typo's fix or the broader
					// topic that mentors offer, with its button.
					if sug, ok := b.suggestTopic(ctx, *r, me); ok {
						d.suggest = &sug
					}
				}
			}
		}
	}
	for _, p := range ov.Pairs {
		if p.State.Closed() {
			continue
		}
		d.Next[p.ID] = b.pairNext(ctx, p, who)
	}
	d.Programs = b.programLines(ctx, lang, t, ov)
	d.Events = b.eventLines(ctx, lang, who)
	return d, nil
}

// eventLines name the live events who registered for, and on which side.
// A nicety: what cannot be read is left out.
func (b *Bot) eventLines(ctx context.Context, lang Lang, who MemberID) []string {
	events, err := b.store.speed.SpeedEvents(ctx, who.Tenant())
	if err != nil {
		return nil
	}
	now := b.clock.Now()
	var lines []string
	for _, e := range events {
		if !e.Live(now) {
			continue
		}
		en, err := b.store.speed.SpeedEntrant(ctx, who.Tenant(), e.ID, who.User)
		if err != nil {
			continue // not registered, or not readable
		}
		lines = append(lines, T(lang, "status.event_"+string(en.Role), "name", e.Name, "when", speedWhen(lang, e, e.Start)))
	}
	return lines
}

// pairNext reads a pair's next meeting, the next check-in who will get,
// and the goals. Each is a nicety: one that cannot be read is left out,
// not the whole home.
func (b *Bot) pairNext(ctx context.Context, p Pair, who MemberID) PairNext {
	var n PairNext
	m, err := b.store.meetings.GetMeeting(ctx, p.Mentor.Tenant(), p.ID)
	if err == nil {
		n.Meeting, n.MeetingPast = m.Agreed, !m.Agreed.IsZero() && !b.ahead(m)
	} else if ErrorCode(err) != ENOTFOUND {
		b.log.Warn("home: meeting unread", "pair", p.ID, "code", string(ErrorCode(err)))
	}
	if n.Goals, err = b.pairGoals(ctx, p); err != nil {
		b.log.Warn("home: goals unread", "pair", p.ID, "code", string(ErrorCode(err)))
	}
	if p.State == PairActive {
		if n.Checkin, err = b.nextCheckin(ctx, p, m, who); err != nil {
			b.log.Warn("home: check-in unread", "pair", p.ID, "code", string(ErrorCode(err)))
		}
	}
	return n
}

// nextCheckin is when who will next be asked whether the pair has been
// in touch (zero if no such message is scheduled): the earliest of the
// pair's check-ins (checkin:<pair>:<n>, for every round its program
// length allows), which go to both members; of the reminders its "not
// yet" answers scheduled (checkinr:<pair>:<round>), which go only to a
// member who has not said "yes" to that check-in; and of the reminder of
// a check-in nobody answered (checkinq, home_checkin.go), which goes
// to both. m is the pair's meeting, which may hold the first one back
// (heldCheckin).
func (b *Bot) nextCheckin(ctx context.Context, p Pair, m Meeting, who MemberID) (time.Time, error) {
	t := p.Mentor.Tenant()
	s := b.settings(ctx, t)
	rounds := 1
	if p.Relationship() && s.CheckinEvery > 0 {
		rounds = int(s.ProgramLength/s.CheckinEvery) + 2
	}
	ids := make([]string, 0, rounds+1)
	for n := 1; n <= rounds; n++ {
		ids = append(ids, NewJob(time.Time{}, JobCheckin, p.ID, itoa(n)).ID)
	}
	// The first check-in held back to a day after an agreed meeting
	// (deferCheckin), once it has been.
	first, held := ids[0], NewJob(time.Time{}, JobCheckin, p.ID, "1", "m").ID
	ids = append(ids, held)
	answers, err := b.store.followups.CheckinAnswers(ctx, t, p.ID)
	if err != nil {
		return time.Time{}, err
	}
	for round, by := range answers {
		// A reminder asks only whoever has not said yes to its check-in
		// (runCheckin).
		if saidNotYet(by) && !saidYes(answers, round+"r", who.User) {
			ids = append(ids, NewJob(time.Time{}, JobCheckinRemind, p.ID, round).ID)
		}
	}
	due, err := b.store.homes.JobsDue(ctx, t, ids)
	if err != nil {
		return time.Time{}, err
	}
	if at, ok := due[first]; ok {
		// Due before the meeting the pair agreed on, it will be held
		// back when it falls due: say when it will really come.
		if held, ok := heldCheckin(m, at); ok {
			due[first] = held
		}
	}
	at, ok, err := b.quietNext(ctx, p, m, s, answers, due, rounds)
	if err != nil {
		return time.Time{}, err
	}
	if ok {
		due[JobCheckinQuiet] = at
	}
	var next time.Time
	for _, at := range due {
		if next.IsZero() || at.Before(next) {
			next = at
		}
	}
	return next, nil
}

// renderHome writes a member's home in lang.
func renderHome(lang Lang, d HomeData) Message {
	msg := Message{Title: T(lang, "status.title")}
	var lines []string
	if o := d.Offer; o != nil {
		state := T(lang, "status.offer_open")
		switch {
		case o.Paused && !d.PausedUntil.IsZero():
			state = T(lang, "home.paused_until", "date", Date(lang, d.PausedUntil.In(d.location())))
		case o.Paused:
			state = T(lang, "status.offer_paused")
		case o.Active+o.Pending >= o.Capacity:
			// Every place taken (pairs, charters and open proposals
			// count): no request comes, whatever "open" would say.
			state = T(lang, "status.offer_full")
		}
		lines = append(lines, T(lang, "status.offer", "topics", andList(lang, o.Topics), "state", state))
		if o.Paused && d.Unreachable {
			lines = append(lines, "    "+T(lang, "home.paused_unreachable"))
		}
		// The offer's details, but its languages: the languages line
		// below says which languages the member mentors in.
		for _, f := range offerDetails(lang, *o, d.Me, d.location()) {
			if f.Label != T(lang, "field.languages") {
				msg.Fields = append(msg.Fields, f)
			}
		}
	} else {
		lines = append(lines, T(lang, "status.no_offer"))
	}
	if r := d.Request; r != nil && r.State.Open() {
		lines = append(lines, T(lang, "status.request", "topic", r.Topic, "state", T(lang, "state.request."+string(r.State))))
		ownLangs := len(r.Languages) > 0 && !slices.Equal(r.Languages, spoken(d.Me))
		if ownLangs {
			// Its own languages (language: on the request): the line on
			// the member's languages below does not say them.
			lines = append(lines, "    "+T(lang, "status.request_languages", "languages", languageList(lang, langCodes(r.Languages))))
		}
		switch {
		case d.RequestPaused && !d.PausedUntil.IsZero():
			lines = append(lines, "    "+T(lang, "home.request_paused", "date", Date(lang, d.PausedUntil.In(d.location()))))
		case d.RequestPaused:
			lines = append(lines, "    "+T(lang, "home.request_paused_open"))
		}
		switch {
		case d.Held != nil && r.State == RequestWaiting:
			lines = append(lines, "    "+T(lang, "home.request_held", "name", d.Held.Name, "start", Date(lang, d.Held.Start)))
		case d.suggest != nil && r.State == RequestWaiting:
			lines = append(lines, "    "+suggestionText(lang, *r, *d.suggest))
		case d.Waiting != nil && r.State == RequestWaiting:
			text := waitingReason(lang, r.Topic, *d.Waiting)
			if key, n := waitingKey(*d.Waiting); key == "waiting.language" && ownLangs {
				// The mentors may well speak the member's language: it is
				// the language this request asks for that they lack.
				text = T(lang, "waiting.language_asked", "topic", r.Topic, "count", itoa(n)) + othersToo(lang, key, r.Topic, *d.Waiting, n)
			}
			if move := moveText(lang, r.Topic, *d.Waiting, d.otherPrograms); move != "" {
				text += " " + move
			}
			lines = append(lines, "    "+text)
		}
	} else {
		lines = append(lines, T(lang, "status.no_request"))
	}
	if len(d.Pairs) == 0 {
		lines = append(lines, T(lang, "status.no_pairs"))
	}
	for _, p := range d.Pairs {
		lines = append(lines, T(lang, "status.pair."+p.Role(d.Member), "name", homeName(lang, d, p), "topic", p.Topic, "state", pairState(lang, p)))
		if n, ok := d.Next[p.ID]; ok && !p.State.Closed() {
			lines = append(lines, pairNextLines(lang, d, p, n)...)
		}
	}
	lines = append(lines, d.Programs...)
	lines = append(lines, d.Events...)
	lines = append(lines, languagesLine(lang, d.Me))
	msg.Text = strings.Join(lines, "\n")
	// The zone and the hours meeting times are found in (profile.go): an
	// offer's details already give the zone.
	for _, f := range profileMessage(lang, "", d.Me, d.location()).Fields {
		if d.Offer == nil || f.Label != T(lang, "field.tz") {
			msg.Fields = append(msg.Fields, f)
		}
	}
	msg.Buttons = homeButtons(lang, d)
	return msg
}

// location is the zone of the home's dates, UTC if none was given.
func (d HomeData) location() *time.Location {
	if d.Loc == nil {
		return time.UTC
	}
	return d.Loc
}

// homeName is how the home names the other member of a pair.
func homeName(lang Lang, d HomeData, p Pair) string {
	other := p.Other(d.Member)
	if name := d.Names[other.User]; name != "" {
		return name
	}
	if other.User != "" {
		return other.User
	}
	return T(lang, "forget.former_member") // erased (forget.go)
}

// pairNextLines are a pair's next meeting, next check-in and goals,
// indented under the pair; each goal names who set it, as the check-in
// and the goals' list do.
func pairNextLines(lang Lang, d HomeData, p Pair, n PairNext) []string {
	loc := d.location()
	var out []string
	switch {
	case n.Meeting.IsZero():
		if p.State == PairActive {
			out = append(out, "    "+T(lang, "home.no_meeting"))
		}
	case n.MeetingPast:
		out = append(out, "    "+T(lang, "home.last_meeting", "when", slotWhen(lang, n.Meeting, loc)))
	default:
		out = append(out, "    "+T(lang, "home.meeting", "when", slotWhen(lang, n.Meeting, loc)))
	}
	if !n.Checkin.IsZero() {
		out = append(out, "    "+T(lang, "home.checkin", "date", Date(lang, n.Checkin.In(loc))))
	}
	if len(n.Goals) > 0 {
		out = append(out, "    "+T(lang, "home.goals"))
		for _, g := range n.Goals {
			owner := homeName(lang, d, p)
			if g.By == d.Member {
				owner = d.Me.displayName()
			}
			out = append(out, "      • "+T(lang, "home.goal_by", "goal", clip(g.Text, MaxGoalLen), "name", owner, "progress", T(lang, "home.goal."+string(goalProgress(g.Progress)))))
		}
	}
	return out
}

// goalProgress is p, or "not started" for a value the home does not know.
func goalProgress(p GoalProgress) GoalProgress {
	switch p {
	case GoalInProgress, GoalDone:
		return p
	}
	return GoalNotStarted
}

// homeButtons are the home's buttons: offer (or change the offer), ask
// for a mentor when no request is open, pause or resume an offer, end a
// pair in progress, and set the time zone and hours.
func homeButtons(lang Lang, d HomeData) []Button {
	offer := Button{Label: T(lang, "btn.offer_open"), ActionID: ActionOfferOpen, Value: homeValue}
	if d.Offer != nil {
		offer.Label = T(lang, "btn.home_offer_change")
	} else {
		offer.Style = StylePrimary
	}
	out := []Button{offer}
	if r := d.Request; d.suggest != nil && r != nil && r.State == RequestWaiting {
		out = append(out, suggestionMessage(lang, *r, *d.suggest).Buttons...)
	}
	if r := d.Request; r == nil || !r.State.Open() {
		out = append(out, Button{Label: T(lang, "btn.home_request"), ActionID: ActionHomeRequest, Value: homeValue})
	} else {
		out = append(out, withdrawButton(lang, *r))
	}
	if o, r := d.Offer, d.Request; (o != nil && o.Paused) || (d.RequestPaused && r != nil && r.State.Open()) {
		out = append(out, Button{Label: T(lang, "btn.home_resume"), ActionID: ActionHomeResume, Value: homeValue, Style: StylePrimary})
	} else if o != nil {
		out = append(out, Button{Label: T(lang, "btn.home_pause"), ActionID: ActionHomePause, Value: homeValue})
	}
	out = append(out, Button{Label: T(lang, "btn.home_profile"), ActionID: ActionHomeProfile, Value: homeValue})
	return append(out, statusEndButtons(lang, d.Member, d.Overview)...)
}
