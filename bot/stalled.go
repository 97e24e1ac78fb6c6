package bot

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"
)

// StalledAfter is how many "not yet" answers to check-ins, with no
// meeting confirmed, make a pair stalled: the managers then see it in the
// digest (EventStalled, ReportStore.Flags).
const StalledAfter = 2

// Stalled reports whether the rule makes pair p stalled: StalledAfter
// "not yet" answers (one per round at most) and no meeting confirmed. A
// pair once stalled stays flagged (Pair.Stalled) even after it meets; the
// digest stops listing it when EventMeeting resolves the flag.
func Stalled(p Pair) bool { return p.Met.IsZero() && p.NotYet >= StalledAfter }

// JobCheckinQuiet follows a check-in round that nobody answers, so that a
// silent pair is seen as a pair that says "not yet" is:
// checkinq:<pair>:<round>:<check-in ms>, CheckinReminder after the
// check-in, reminds both members, once, if neither has answered it;
// checkinq:<pair>:<round>:<ms>:stall, CheckinReminder after that
// reminder, finds the pair still silent and never met: it is stalled
// (stalledNow), with no answer since the check-in.
const JobCheckinQuiet = "checkinq"

// quietJob is the job that follows check-in round of pair, sent at sent
// (the check-in job's due time: the same ID however often it retries).
func quietJob(s Settings, pairID, round string, sent time.Time) Job {
	return NewJob(sent.Add(s.CheckinReminder), JobCheckinQuiet, pairID, round, strconv.FormatInt(sent.UnixMilli(), 10))
}

// runCheckinQuiet is the reminder of a check-in round nobody answered,
// then the verdict on its silence (JobCheckinQuiet). Any answer to the
// round, a "not yet" included (whose own reminder is promised), leaves
// it to the answers.
func runCheckinQuiet(ctx context.Context, b *Bot, t Tenant, j Job) error {
	pair, err := b.store.pairs.GetPair(ctx, t, j.Part(0))
	if err != nil || pair.State != PairActive || metFlash(pair) {
		return ignoreGone(err) // a flash session that met: its survey is on its way
	}
	round := j.Part(1)
	ms, _ := strconv.ParseInt(j.Part(2), 10, 64)
	sent := time.UnixMilli(ms).UTC()
	answers, err := b.store.followups.CheckinAnswers(ctx, t, pair.ID)
	if err != nil {
		return err
	}
	for r, by := range answers {
		if strings.TrimRight(r, "r") == round && len(by) > 0 {
			return nil
		}
	}
	if j.Part(3) == "stall" {
		if !pair.Met.IsZero() {
			return nil // they met at an earlier round: silent, not "no contact"
		}
		return b.stalledNow(ctx, pair, sent, true)
	}
	// The reminder asks the round itself: a click on it or on the
	// check-in answers the round once (checkinRound), and its "not yet"
	// brings the reminder that reply promises.
	goals, names := b.checkinGoals(ctx, pair), b.pairNames(ctx, pair)
	key := JobCheckinQuiet + ":" + pair.ID + ":" + round
	for _, id := range []MemberID{pair.Mentor, pair.Mentee} {
		other := names[pair.Other(id).User]
		if err := b.deliver(ctx, key, id, func(l Lang) Message {
			m := checkinMessage(l, pair, round, round, other)
			m.Text = T(l, "checkin.text_reminder", "name", other)
			return withGoals(l, m, pair, goals, names, b.menuToken())
		}); err != nil {
			return err
		}
	}
	// From when the reminder fell due: a replica catching up after a
	// stop gives the pair the same time as one that ran on time.
	due := j.Due
	if due.IsZero() {
		due = b.clock.Now()
	}
	stall := NewJob(due.Add(b.settings(ctx, t).CheckinReminder), JobCheckinQuiet, pair.ID, round, j.Part(2), "stall")
	return b.store.jobs.ScheduleJobs(ctx, t, false, stall)
}

// stalledNow flags pair stalled for the managers, once (the digest and
// /mentor admin stats list it under "Needs your eye", with since: no
// answer since that check-in when silent, else after two "not yet"),
// and asks the mentee, once, whether they want a new match: the button
// ends the pair as /mentor end does (confirmed first), whose new-match
// question puts the request back in the queue, never to the same mentor.
func (b *Bot) stalledNow(ctx context.Context, pair Pair, since time.Time, silent bool) error {
	ask, err := b.flagStalled(ctx, pair, since, silent)
	if err != nil {
		return err
	}
	err = b.deliver(ctx, "stalled:"+pair.ID, pair.Mentee, ask)
	if ErrorCode(err) == EGONE {
		return nil
	}
	return err
}

// flagStalled flags pair stalled for the managers, once, and returns the
// question to its mentee (stalledNow): whether they want a new match.
func (b *Bot) flagStalled(ctx context.Context, pair Pair, since time.Time, silent bool) (func(Lang) Message, error) {
	t := pair.Mentor.Tenant()
	flagged, _, err := b.store.reports.Flags(ctx, t, b.clock.Now())
	if err != nil {
		return nil, err
	}
	if !slices.ContainsFunc(flagged, func(f Flag) bool { return f.Pair == pair.ID }) {
		b.log.Info("pair stalled", "pair", pair.ID, "silent", silent)
		b.record(ctx, Event{Kind: EventStalled, Member: pair.Mentor, Other: pair.Mentee, Ref: pair.ID, Topic: pair.Topic, At: since})
	}
	mentor, err := b.member(ctx, pair.Mentor)
	if err != nil {
		return nil, err
	}
	mentee, err := b.member(ctx, pair.Mentee)
	if err != nil {
		return nil, err
	}
	loc, _ := b.zoneOf(ctx, mentee)
	return func(l Lang) Message {
		text := T(l, "stall.mentee_notyet", "name", mentor.displayName(), "topic", pair.Topic)
		if silent {
			text = T(l, "stall.mentee_silent", "name", mentor.displayName(), "topic", pair.Topic, "date", Date(l, since.In(loc)))
		}
		return Message{
			Title:   T(l, "stall.title", "name", mentor.displayName(), "topic", pair.Topic),
			Text:    text,
			Buttons: []Button{{Label: T(l, "btn.goals_rematch"), ActionID: ActionEndAsk, Value: pair.ID, Style: StyleDanger}},
		}
	}, nil
}

// neverMetReason is Pair.EndReason for a pair that reached its end
// (the end survey, or its program's end) with nobody ever saying they
// met: it ends cancelled, not completed, and is neither surveyed nor
// thanked as a mentoring that took place (endNeverMet).
const neverMetReason = "never-met"

// endNeverMet ends, at its end, a pair nobody ever said met: as it truly
// is, cancelled rather than completed, so that figures, reports and
// re-invitations do not count it as a mentoring done; each member is
// told so, naming the other, with the new-match question. Nobody is
// barred: it was nobody's decision.
func (b *Bot) endNeverMet(ctx context.Context, pair Pair, names map[string]string) (Pair, error) {
	agreed, ahead, err := b.cancelAheadFirst(ctx, pair)
	if err != nil {
		return pair, err
	}
	ended, err := b.store.pairs.EndPair(ctx, pair.Mentor.Tenant(), pair.ID, PairCancelled, neverMetReason, b.clock.Now().UTC())
	if err != nil {
		return pair, err
	}
	if ahead {
		if err := b.sendCancels(ctx, ended, agreed, cancelEnded); err != nil {
			b.log.Warn("cancellation not delivered yet, its job will retry", "pair", pair.ID, "code", string(ErrorCode(err)))
		}
	}
	b.log.Info("pair ended, never met", "pair", pair.ID)
	b.record(ctx, Event{Kind: EventEnded, Member: pair.Mentor, Other: pair.Mentee, Ref: pair.ID, Topic: pair.Topic})
	b.freed(ctx, pair.Mentor)
	for _, id := range []MemberID{ended.Mentor, ended.Mentee} {
		key := "ended.never_met_" + ended.Role(id)
		err := b.deliver(ctx, "nevermet:"+pair.ID, id, func(l Lang) Message { return endedWith(l, pair, key, names[id.User]) })
		if err != nil && ErrorCode(err) != EGONE {
			b.log.Error("never met: not delivered", "pair", pair.ID, "to", id.String(), "code", string(ErrorCode(err)))
		}
	}
	return ended, nil
}
