package bot

import (
	"context"
	"strconv"
	"time"

	"github.com/mentorbot/mentorbot/meeting"
)

// JobMeetCancel sends the cancellation of an agreed meeting that no longer
// holds (meetcancel:<pair>:<round>:<start ms>:<end ms>:<why>): new times
// replaced it, or the pair ended. It is scheduled before the change, so a
// replica dying on the way loses no cancellation; it does nothing when the
// meeting still holds.
const JobMeetCancel = "meetcancel"

// Why an agreed meeting is cancelled: the catalog's "meet.cancel_<why>".
const (
	cancelNewTimes = "new"
	cancelEnded    = "ended"
)

// agreedAhead returns the pair's agreed meeting when it is still to come.
func (b *Bot) agreedAhead(ctx context.Context, pair Pair) (Meeting, bool) {
	m, err := b.store.meetings.GetMeeting(ctx, pair.Mentor.Tenant(), pair.ID)
	if err != nil || !b.ahead(m) {
		return Meeting{}, false
	}
	return m, true
}

// ahead reports whether m has a time agreed that is still to come.
func (b *Bot) ahead(m Meeting) bool {
	return !m.Agreed.IsZero() && m.Agreed.End.After(b.clock.Now())
}

// cancelJob is the job that cancels the agreed meeting m of pair.
func cancelJob(pair Pair, m Meeting, why string, now time.Time) Job {
	return NewJob(now.Add(sendRetry), JobMeetCancel, pair.ID, strconv.Itoa(m.Round),
		strconv.FormatInt(m.Agreed.Start.UnixMilli(), 10), strconv.FormatInt(m.Agreed.End.UnixMilli(), 10), why)
}

// runMeetCancel sends a cancellation its change did not send: only when
// the meeting it names no longer holds (the pair ended, or another round
// of times replaced it).
func runMeetCancel(ctx context.Context, b *Bot, t Tenant, j Job) error {
	pair, err := b.store.pairs.GetPair(ctx, t, j.Part(0))
	if err != nil {
		return ignoreGone(err)
	}
	round, _ := strconv.Atoi(j.Part(1))
	start, _ := strconv.ParseInt(j.Part(2), 10, 64)
	end, _ := strconv.ParseInt(j.Part(3), 10, 64)
	slot := MeetingSlot{Start: time.UnixMilli(start).UTC(), End: time.UnixMilli(end).UTC()}
	m, err := b.store.meetings.GetMeeting(ctx, t, pair.ID)
	if err != nil && ErrorCode(err) != ENOTFOUND {
		return err
	}
	if pair.State == PairActive && err == nil && m.Round == round && m.Agreed.Start.Equal(slot.Start) {
		return nil // the change did not happen: the meeting holds
	}
	return b.sendCancels(ctx, pair, Meeting{Pair: pair.ID, Round: round, Agreed: slot}, j.Part(4))
}

// sendCancels tells each member of pair, once, that the meeting agreed in
// m no longer holds, and why, with the invite's cancellation (.ics, the
// same event) where the platform takes files.
func (b *Bot) sendCancels(ctx context.Context, pair Pair, m Meeting, why string) error {
	key := JobMeetCancel + ":" + pair.ID + ":" + strconv.Itoa(m.Round)
	return b.calendarToEach(ctx, pair, key, func(l Lang, loc *time.Location, other Member) (Message, string, File) {
		e := b.inviteEvent(ctx, l, pair, m, other)
		e.Cancelled = true
		return Message{
				Title: T(l, "meet.cancel_title", "topic", pair.Topic),
				Text:  T(l, "meet.cancel_"+why, "when", slotWhen(l, m.Agreed, loc), "name", other.displayName()),
			}, T(l, "meet.cancel_attached"),
			File{Name: "cancelled-" + m.Agreed.Start.In(loc).Format("2006-01-02-1504") + ".ics", Type: "text/calendar", Data: meeting.ICS(e)}
	})
}
