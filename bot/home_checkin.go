package bot

import (
	"context"
	"strings"
	"time"
)

// quietJitter is how much later than the pair's Official time its first
// check-in job may have been timed (officialJobs reads the clock again):
// the ID of the reminder of a check-in nobody answered holds the
// check-in's due time to the millisecond.
const quietJitter = 250

// quietNext is when the reminder of the last check-in sent, if nobody
// answered it, goes to both members (runCheckinQuiet, scheduled by
// runCheckin CheckinReminder after the check-in), and whether one is
// still to come. due are the pair's check-in jobs still scheduled (as
// nextCheckin read them), rounds the rounds its program allows.
//
// The reminder's job ID holds the time the check-in was due, which is
// not kept: the check-in of a round followed by another was due
// CheckinEvery before the next one (it scheduled it when it ran, within a
// tick of its due time), so the reminder is CheckinReminder after that.
// Otherwise (a flash session, the last round) it is the first round,
// whose due time was CheckinAfter after the introduction, or a day after
// a meeting agreed (heldCheckin, agreed): those IDs are looked up.
func (b *Bot) quietNext(ctx context.Context, p Pair, m Meeting, s Settings, answers map[string]map[string]string, due map[string]time.Time, rounds int) (time.Time, bool, error) {
	// The last round sent: the one before the first still scheduled.
	last := rounds
	for n := rounds; n >= 1; n-- {
		if _, ok := due[NewJob(time.Time{}, JobCheckin, p.ID, itoa(n)).ID]; ok {
			last = n - 1
		}
	}
	if _, ok := due[NewJob(time.Time{}, JobCheckin, p.ID, "1", "m").ID]; ok {
		last = 0
	}
	if last == 0 || roundAnswered(answers, itoa(last)) {
		return time.Time{}, false, nil
	}
	now := b.clock.Now()
	if next, ok := due[NewJob(time.Time{}, JobCheckin, p.ID, itoa(last+1)).ID]; ok && s.CheckinEvery > 0 {
		at := next.Add(-s.CheckinEvery).Add(s.CheckinReminder)
		return at, at.After(now), nil
	}
	if last != 1 {
		return time.Time{}, false, nil
	}
	var sent []time.Time
	for d := 0; d <= quietJitter; d++ {
		sent = append(sent, p.Official.Add(s.CheckinAfter+time.Duration(d)*time.Millisecond))
	}
	for _, sl := range append(append([]MeetingSlot{m.Agreed}, m.Slots...), m.Past...) {
		if !sl.IsZero() {
			sent = append(sent, sl.End.Add(checkinAfterMeeting))
		}
	}
	ids := make([]string, 0, len(sent))
	for _, at := range sent {
		ids = append(ids, quietJob(s, p.ID, "1", at.Truncate(time.Millisecond)).ID)
	}
	found, err := b.store.homes.JobsDue(ctx, p.Mentor.Tenant(), ids)
	if err != nil {
		return time.Time{}, false, err
	}
	var next time.Time
	for _, at := range found {
		if next.IsZero() || at.Before(next) {
			next = at
		}
	}
	return next, !next.IsZero(), nil
}

// roundAnswered reports whether anyone answered check-in round or one of its
// reminders: its silence is then no one's.
func roundAnswered(answers map[string]map[string]string, round string) bool {
	for r, by := range answers {
		if strings.TrimRight(r, "r") == round && len(by) > 0 {
			return true
		}
	}
	return false
}
