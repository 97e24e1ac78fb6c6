package bot

import (
	"context"
	"strconv"
	"strings"
	"time"
)

// The times a message offers (the introduction, "Suggest other times",
// /mentor meet, a time zone chosen): each slot in each member's own zone,
// a note when the hours never overlap (a line of its own after the
// times) or a zone is assumed, and the buttons.

// timesFields lists the meeting's slots for readers of l.
func (b *Bot) timesFields(ctx context.Context, l Lang, m Meeting, mentor, mentee Member) []Field {
	la, assumedA := b.zoneOf(ctx, mentor)
	lb, assumedB := b.zoneOf(ctx, mentee)
	var lines []string
	for i, s := range m.Slots {
		when := slotWhen(l, s, la)
		if la.String() != lb.String() {
			when = T(l, "meet.slot_two", "a", mentor.displayName(), "when_a", when, "b", mentee.displayName(), "when_b", slotWhen(l, s, lb))
		}
		lines = append(lines, strconv.Itoa(i+1)+". "+when)
	}
	// When the hours never overlap, the times are followed by a sentence
	// of its own saying so, before how to pick one.
	if len(m.Slots) > 0 && !m.Full {
		if note := b.noOverlapNote(ctx, l, m, mentor, mentee); note != "" {
			lines = append(lines, note)
		}
	}
	// Times offered before come back only when the window holds no
	// other: said so (meeting_rotate.go).
	if note := repeatedNote(l, m); note != "" {
		lines = append(lines, note)
	}
	text := T(l, "meet.how")
	if len(m.Slots) == 0 {
		text = T(l, "meet.no_slot")
	}
	for _, a := range []struct {
		who     Member
		assumed bool
		loc     *time.Location
	}{{mentor, assumedA, la}, {mentee, assumedB, lb}} {
		switch {
		case !a.assumed:
		case a.who.Lang == l && mentor.Lang != mentee.Lang:
			// The half of a message in two languages that only this
			// member reads speaks to them.
			text += "\n" + T(l, "meet.tz_assumed_you", "zone", locText(a.loc))
		default:
			text += "\n" + T(l, "meet.tz_assumed", "name", a.who.displayName(), "zone", locText(a.loc))
		}
	}
	return []Field{
		{Label: T(l, "field.meet_slots"), Value: strings.Join(lines, "\n"), Lang: l},
		{Label: T(l, "field.meet_how"), Value: text, Lang: l, Sentence: true},
	}
}

// timesButtons are a slot's "This works for me", one per slot,
// "Suggest other times", and "Set my time zone" when a zone is missing,
// labelled in each language of langs.
func timesButtons(langs []Lang, pair Pair, m Meeting, askTZ bool) []Button {
	label := func(key string, args ...string) string {
		var out []string
		for _, l := range langs {
			out = append(out, T(l, key, args...))
		}
		return strings.Join(out, " / ")
	}
	var buttons []Button
	round := strconv.Itoa(m.Round)
	for i := range m.Slots {
		n := strconv.Itoa(i + 1)
		buttons = append(buttons, Button{Label: label("btn.meet_pick", "n", n), ActionID: ActionMeetPick, Value: pair.ID + ":" + round + ":" + strconv.Itoa(i), Style: StylePrimary})
	}
	buttons = append(buttons, Button{Label: label("btn.meet_other"), ActionID: ActionMeetOther, Value: pair.ID + ":" + round})
	if askTZ {
		buttons = append(buttons, Button{Label: label("btn.meet_tz"), ActionID: ActionMeetTZ, Value: pair.ID})
	}
	return buttons
}

// pairLangs are the languages a message to both members is written in:
// the mentee's, then the mentor's if it differs.
func pairLangs(mentor, mentee Member) []Lang {
	langs := []Lang{mentee.Lang}
	if mentor.Lang != mentee.Lang {
		langs = append(langs, mentor.Lang)
	}
	return langs
}

// newTimesMessage offers the pair a new round of times.
func (b *Bot) newTimesMessage(ctx context.Context, pair Pair, m Meeting, mentor, mentee Member) Message {
	langs := pairLangs(mentor, mentee)
	var titles []string
	var fields []Field
	for _, l := range langs {
		titles = append(titles, T(l, "meet.new_title", "topic", pair.Topic))
		fields = append(fields, b.timesFields(ctx, l, m, mentor, mentee)...)
	}
	return Message{
		Title: strings.Join(titles, " / "), Fields: fields,
		Buttons:  timesButtons(langs, pair, m, mentor.TZ == "" || mentee.TZ == ""),
		Mentions: []MemberID{pair.Mentor, pair.Mentee},
	}
}

// sendNewTimes offers the pair a round of times after round (the one a
// member saw), avoiding its slots, and sends it to both, once. It returns
// the new round.
func (b *Bot) sendNewTimes(ctx context.Context, pair Pair, m Meeting) (Meeting, string, error) {
	mentor, err := b.member(ctx, pair.Mentor)
	if err != nil {
		return Meeting{}, "", err
	}
	mentee, err := b.member(ctx, pair.Mentee)
	if err != nil {
		return Meeting{}, "", err
	}
	// New times replace a time agreed ahead: its invite is cancelled,
	// by the job scheduled first if this replica dies on the way.
	// m is the meeting as the caller just read it.
	ahead := b.ahead(m)
	if ahead {
		if err := b.store.jobs.ScheduleJobs(ctx, pair.Mentor.Tenant(), false, cancelJob(pair, m, cancelNewTimes, b.clock.Now())); err != nil {
			return Meeting{}, "", err
		}
	}
	next, err := b.offerTimes(ctx, pair, mentor, mentee, m.Round, append(append([]MeetingSlot(nil), m.Past...), m.Slots...))
	if err != nil {
		return Meeting{}, "", err
	}
	p, err := b.platform(pair.Mentor)
	if err != nil {
		return Meeting{}, "", err
	}
	key := "meettimes:" + pair.ID + ":" + strconv.Itoa(next.Round)
	thread, err := b.toPairOnce(ctx, p, pair, key, func(ctx context.Context) (Message, error) {
		return b.newTimesMessage(ctx, pair, next, mentor, mentee), nil
	})
	// The cancellation after the new times it points to.
	if ahead && next.Round > m.Round {
		if err := b.sendCancels(ctx, pair, m, cancelNewTimes); err != nil {
			b.log.Warn("cancellation not delivered yet, its job will retry", "pair", pair.ID, "code", string(ErrorCode(err)))
		}
	}
	return next, thread, err
}

// meetPair reads the pair a meeting button names, for a member of it: a
// pair that ended, or someone else's, is refused.
func (b *Bot) meetPair(ctx context.Context, who MemberID, pairID string) (Pair, error) {
	pair, err := b.store.pairs.GetPair(ctx, who.Tenant(), pairID)
	if ErrorCode(err) == ENOTFOUND {
		return Pair{}, Errorf(ESTALE, "err.meet.gone")
	}
	if err != nil {
		return Pair{}, err
	}
	if pair.Role(who) == "" {
		return Pair{}, Errorf(EFORBIDDEN, "err.not_your_button")
	}
	if pair.State != PairActive {
		return Pair{}, Errorf(ESTALE, "err.meet.gone")
	}
	return pair, nil
}

// otherTimes is "Suggest other times" (value "<pair>:<round>"): a new
// round, unless the button's round was already replaced (a double click,
// or the other member was quicker).
func otherTimes(ctx context.Context, b *Bot, who MemberID, lang Lang, value string) (Reply, error) {
	return newTimes(ctx, b, who, lang, value, false)
}

// replaceTimes is "Yes, new times" under the question askReplace asks:
// the new times go out, and the agreed time is cancelled. Its "Cancel the
// meeting" (value "<pair>:<round>:cancel") cancels it alone
// (cancelMeeting).
func replaceTimes(ctx context.Context, b *Bot, who MemberID, lang Lang, value string) (Reply, error) {
	if rest, ok := strings.CutSuffix(value, ":"+meetCancelOnly); ok {
		pairID, round, _ := strings.Cut(rest, ":")
		n, err := strconv.Atoi(round)
		if err != nil {
			return Reply{}, Errorf(ESTALE, "err.unknown_button")
		}
		return cancelMeeting(ctx, b, who, lang, pairID, n)
	}
	r, err := newTimes(ctx, b, who, lang, value, true)
	r.Replace = err == nil
	return r, err
}

// keepTime is "No, keep it": nothing changes. Once the meeting is gone
// (new times replaced it after all, or it has passed), it says so rather
// than that it stands.
func keepTime(ctx context.Context, b *Bot, who MemberID, lang Lang, value string) (Reply, error) {
	pair, err := b.meetPair(ctx, who, value)
	if err != nil {
		return Reply{}, err
	}
	if _, ahead := b.agreedAhead(ctx, pair); !ahead {
		return Reply{}, Errorf(ESTALE, "meet.keep_gone")
	}
	return Reply{Replace: true, Message: Message{Text: T(lang, "meet.kept")}}, nil
}

// askReplace asks a member who wants new times whether to cancel the
// time the pair agreed ahead: it is in both calendars. They may also
// cancel it without new times, or keep it.
func (b *Bot) askReplace(ctx context.Context, who MemberID, lang Lang, pair Pair, m Meeting) (Reply, error) {
	me, err := b.member(ctx, who)
	if err != nil {
		return Reply{}, err
	}
	loc, _ := b.zoneOf(ctx, me)
	other, err := b.member(ctx, pair.Other(who))
	if err != nil {
		return Reply{}, err
	}
	round := pair.ID + ":" + strconv.Itoa(m.Round)
	return Reply{Message: Message{
		Text: T(lang, "meet.replace_ask", "name", other.displayName(), "when", slotWhen(lang, m.Agreed, loc)),
		Buttons: []Button{
			{Label: T(lang, "btn.meet_replace"), ActionID: ActionMeetReplace, Value: round, Style: StyleDanger},
			{Label: T(lang, "btn.meet_cancel"), ActionID: ActionMeetReplace, Value: round + ":" + meetCancelOnly, Style: StyleDanger},
			{Label: T(lang, "btn.meet_keep"), ActionID: ActionMeetKeep, Value: pair.ID},
		},
	}}, nil
}

// newTimes sends the pair of value ("<pair>:<round>") new times, after
// asking first when they would cancel a time agreed ahead (confirmed:
// the member said yes).
func newTimes(ctx context.Context, b *Bot, who MemberID, lang Lang, value string, confirmed bool) (Reply, error) {
	pairID, round, _ := strings.Cut(value, ":")
	n, err := strconv.Atoi(round)
	if err != nil {
		return Reply{}, Errorf(ESTALE, "err.unknown_button")
	}
	pair, err := b.meetPair(ctx, who, pairID)
	if err != nil {
		return Reply{}, err
	}
	m, err := b.store.meetings.GetMeeting(ctx, who.Tenant(), pair.ID)
	if err != nil && ErrorCode(err) != ENOTFOUND {
		return Reply{}, err
	}
	// The round that cancelled the meeting of n offers nothing newer:
	// n's "Suggest other times" still finds times.
	if m.Round != n && !m.cancelledAfter(n) {
		return Reply{}, Errorf(ESTALE, "err.meet.stale")
	}
	if b.ahead(m) && !confirmed {
		return b.askReplace(ctx, who, lang, pair, m)
	}
	_, thread, err := b.sendNewTimes(ctx, pair, m)
	if err != nil {
		return Reply{}, newTimesRace(err)
	}
	return Reply{Message: timesSent(lang, thread, "meet.sent")}, nil
}

// timesSent says where the pair's new times went: the thread the
// platform keeps for the pair (thread, as toPair gave it back), linked;
// "" means where the platform introduced them (their direct messages, a
// group conversation). key is "meet.sent" or "meet.sent_to"; its "_in"
// form names the thread.
func timesSent(lang Lang, thread, key string, args ...string) Message {
	if thread != "" {
		return Message{Text: T(lang, key+"_in", append(args, "channel", ChannelText(thread))...), Channels: []string{thread}}
	}
	return Message{Text: T(lang, key, args...)}
}

// runMeet is /mentor meet: new times for the member's pair (the one
// pair: names when they have several).
func runMeet(ctx context.Context, b *Bot, in *Invocation) (Reply, error) {
	var ov Overview
	if !in.Newcomer {
		var err error
		if ov, err = b.store.members.Overview(ctx, in.Member); err != nil {
			return Reply{}, err
		}
	}
	pairs := endable(ov.Pairs)
	if len(pairs) == 0 {
		return Reply{}, Errorf(ENOTFOUND, "meet.none")
	}
	if q := in.Text("pair"); q != "" {
		all := pairs
		if pairs = pairsNamed(in.Member, ov, pairs, q); len(pairs) == 0 {
			return Reply{}, Errorf(ENOTFOUND, "end.no_match", "query", clip(q, 40), "pairs", pairList(in.Lang, in.Member, ov, all))
		}
	}
	if len(pairs) > 1 {
		// Which pair: a button each, as /mentor goals offers, each
		// asking for new times as the pair's "Suggest other times" does.
		msg := Message{Text: T(in.Lang, "meet.choose", "pairs", pairList(in.Lang, in.Member, ov, pairs))}
		for _, p := range pairs[:min(len(pairs), maxEndButtons)] {
			m, err := b.store.meetings.GetMeeting(ctx, in.Member.Tenant(), p.ID)
			if err != nil && ErrorCode(err) != ENOTFOUND {
				return Reply{}, err
			}
			msg.Buttons = append(msg.Buttons, Button{Label: T(in.Lang, "btn.meet_pair", "name", otherName(in.Member, ov, p), "topic", p.Topic),
				ActionID: ActionMeetOther, Value: p.ID + ":" + strconv.Itoa(m.Round)})
		}
		return Reply{Message: msg}, nil
	}
	pair := pairs[0]
	m, err := b.store.meetings.GetMeeting(ctx, in.Member.Tenant(), pair.ID)
	if err != nil && ErrorCode(err) != ENOTFOUND {
		return Reply{}, err
	}
	if b.ahead(m) {
		return b.askReplace(ctx, in.Member, in.Lang, pair, m)
	}
	_, thread, err := b.sendNewTimes(ctx, pair, m)
	if err != nil {
		return Reply{}, newTimesRace(err)
	}
	return Reply{Message: timesSent(in.Lang, thread, "meet.sent_to", "name", otherName(in.Member, ov, pair))}, nil
}

// newTimesRace is the error of new times that lost to others asked at the
// same moment (the other member's click: the store's round moved on, or
// their send is in flight): said as a stale time button is, since newer
// times are just out.
func newTimesRace(err error) error {
	if ErrorCode(err) == ESTALE {
		return &Error{Code: ESTALE, Key: "err.meet.stale", Err: err}
	}
	return err
}
