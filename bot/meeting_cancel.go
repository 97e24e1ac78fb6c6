package bot

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/mentorbot/mentorbot/meeting"
)

// JobMeetCancel sends the cancellation of an agreed meeting that no longer
// holds (meetcancel:<pair>:<round>:<start ms>:<end ms>:<why>): new times
// replaced it, or the pair ended. It is scheduled before the change, so a
// replica dying on the way loses no cancellation; it does nothing when the
// meeting still holds.
const JobMeetCancel = "meetcancel"

// Why an agreed meeting is cancelled: the catalog's "meet.cancel_<why>",
// or, when a member cancelled it (cancelBy + "mentor" or "mentee"),
// "meet.cancel_by_you" to them and "meet.cancel_by_other" to the other;
// or, when a member left the workspace or asked to be forgotten
// (cancelGone + their role, forget.go), "meetleft.cancel" to the other
// member alone, without the gone member's name.
const (
	cancelNewTimes = "new"
	cancelEnded    = "ended"
	cancelBy       = "by"
	cancelGone     = "gone"
)

// meetCancelOnly ends the value of the "Cancel the meeting" button
// ("<pair>:<round>:cancel"), an ActionMeetReplace.
const meetCancelOnly = "cancel"

// cancelByWho is the why of a meeting who cancels in pair.
func cancelByWho(pair Pair, who MemberID) string { return cancelBy + pair.Role(who) }

// agreedAhead returns the pair's agreed meeting when it is still to come.
func (b *Bot) agreedAhead(ctx context.Context, pair Pair) (Meeting, bool) {
	m, err := b.store.meetings.GetMeeting(ctx, pair.Mentor.Tenant(), pair.ID)
	if err != nil || !b.ahead(m) {
		return Meeting{}, false
	}
	return m, true
}

// cancelAheadFirst schedules the cancellation of the pair's agreed meeting
// still to come, before the pair ends (endPair, finishPair): if this
// replica dies on the way, the job sends it. It returns the meeting, and
// whether there is one, for the caller to send its cancellation at once
// once the pair has ended (sendCancels).
func (b *Bot) cancelAheadFirst(ctx context.Context, pair Pair) (Meeting, bool, error) {
	agreed, ahead := b.agreedAhead(ctx, pair)
	if !ahead {
		return Meeting{}, false, nil
	}
	err := b.store.jobs.ScheduleJobs(ctx, pair.Mentor.Tenant(), false, cancelJob(pair, agreed, cancelEnded, b.clock.Now()))
	return agreed, err == nil, err
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
// same event) where the platform takes files. A meeting a member
// cancelled is told to them as theirs, to the other member as theirs
// (name: the member who cancelled), with "Suggest other times" for the
// round that cancelled it.
//
// A meeting of a member who is gone (cancelGone) is cancelled for the
// other member alone, without naming the one gone, whose record may be
// erased already: nothing of theirs is read.
func (b *Bot) sendCancels(ctx context.Context, pair Pair, m Meeting, why string) error {
	to := []MemberID{pair.Mentor, pair.Mentee}
	if role, ok := strings.CutPrefix(why, cancelGone); ok {
		to = []MemberID{pair.Mentee}
		if role == "mentee" {
			to = []MemberID{pair.Mentor}
		}
	}
	return b.sendCancelsTo(ctx, pair, m, why, to)
}

// sendCancelsTo is sendCancels to the members to alone.
func (b *Bot) sendCancelsTo(ctx context.Context, pair Pair, m Meeting, why string, to []MemberID) error {
	key := JobMeetCancel + ":" + pair.ID + ":" + strconv.Itoa(m.Round)
	var by MemberID
	switch why {
	case cancelBy + "mentor":
		by = pair.Mentor
	case cancelBy + "mentee":
		by = pair.Mentee
	}
	gone := strings.HasPrefix(why, cancelGone)
	return b.calendarTo(ctx, pair, key, to, !gone, func(l Lang, loc *time.Location, other Member) (Message, string, File) {
		e := b.inviteEvent(ctx, l, pair, m, other)
		e.Cancelled = true
		textKey := "meet.cancel_" + why
		switch {
		case gone:
			textKey = "meetleft.cancel"
			e.Summary = T(l, "meetleft.ics_summary", "topic", pair.Topic)
		case by.User == "":
		case other.ID == by:
			textKey = "meet.cancel_by_other"
		default:
			textKey = "meet.cancel_by_you"
		}
		msg := Message{
			Title: T(l, "meet.cancel_title", "topic", pair.Topic),
			Text:  T(l, textKey, "when", slotWhen(l, m.Agreed, loc), "name", other.displayName()),
		}
		if by.User != "" {
			msg.Buttons = []Button{otherTimesButton(l, pair, Meeting{Round: m.Round + 1})}
		}
		return msg, T(l, "meet.cancel_attached"),
			File{Name: T(l, "file.ics_cancel", "when", m.Agreed.Start.In(loc).Format("2006-01-02-1504")), Type: "text/calendar", Data: meeting.ICS(e)}
	})
}

// cancelGoneMeeting cancels the meeting agreed ahead in pair p (ended)
// of who, a member being erased (forget.go): the other member is told,
// without who's name, and gets the invite's cancellation; who, when they
// asked for the erasure (still in the workspace), gets theirs too, now or
// never (their record goes). One who left the workspace is sent nothing.
//
// The erasure drops the pair's jobs (the cancellation's too, which only
// covers a replica dying before it), so a cancellation the platform
// cannot take now is kept as a plain notice, without the calendar file,
// which its job sends once the platform is back (notify.go).
func (b *Bot) cancelGoneMeeting(ctx context.Context, p Pair, agreed Meeting, who MemberID, asked bool) {
	if err := b.sendCancels(ctx, p, agreed, cancelGone+p.Role(who)); ErrorCode(err) == EUNAVAILABLE {
		stays := p.Other(who)
		msg, cerr := b.compose(ctx, stays, func(l Lang) Message {
			me, _ := b.member(ctx, stays)
			loc, _ := b.zoneOf(ctx, me)
			return Message{
				Title: T(l, "meet.cancel_title", "topic", p.Topic),
				Text:  T(l, "meetleft.cancel", "when", slotWhen(l, agreed.Agreed, loc)),
			}
		})
		if cerr == nil {
			b.keepNotice(ctx, stays, b.tagNotice(stays, msg), maybeSent(err))
		}
	} else if err != nil {
		b.log.Warn("cancellation not delivered", "pair", p.ID, "code", string(ErrorCode(err)))
	}
	if !asked {
		return
	}
	if err := b.sendCancelsTo(ctx, p, agreed, cancelEnded, []MemberID{who}); err != nil {
		b.log.Warn("cancellation to an erased member not delivered", "pair", p.ID, "code", string(ErrorCode(err)))
	}
}

// cancelMeeting is "Cancel the meeting" under the question askReplace
// asks (value "<pair>:<round>:cancel"): the time agreed ahead is
// cancelled without new times. A round with no time replaces the agreed
// one (as new times would, so that a click racing with new times or a
// pick finds the round moved on), each member gets the cancellation,
// the other told who cancelled, and "Suggest other times" finds a time
// again. The cancellation's job goes first, as for new times.
func cancelMeeting(ctx context.Context, b *Bot, who MemberID, lang Lang, pairID string, round int) (Reply, error) {
	pair, err := b.meetPair(ctx, who, pairID)
	if err != nil {
		return Reply{}, err
	}
	t := who.Tenant()
	m, err := b.store.meetings.GetMeeting(ctx, t, pair.ID)
	if err != nil && ErrorCode(err) != ENOTFOUND {
		return Reply{}, err
	}
	if m.Round != round || !b.ahead(m) {
		// Cancelled already (a double click), replaced, or passed.
		return Reply{}, Errorf(ESTALE, "meet.cancel_gone")
	}
	why := cancelByWho(pair, who)
	now := b.clock.Now()
	if err := b.store.jobs.ScheduleJobs(ctx, t, false, cancelJob(pair, m, why, now)); err != nil {
		return Reply{}, err
	}
	_, err = b.store.meetings.OfferSlots(ctx, t, pair.ID, m.Round, nil, true, now.UTC())
	b.homeChanged(pair.Mentor, pair.Mentee) // home_publish.go: the next meeting is gone
	switch ErrorCode(err) {
	case "":
	case ESTALE: // another click or replica moved the round on first
		return Reply{}, Errorf(ESTALE, "meet.cancel_gone")
	default:
		return Reply{}, err
	}
	text := T(lang, "meet.cancelled")
	if err := b.sendCancels(ctx, pair, m, why); err != nil {
		b.log.Warn("cancellation not delivered yet, its job will retry", "pair", pair.ID, "code", string(ErrorCode(err)))
	} else {
		other, err := b.member(ctx, pair.Other(who))
		if err == nil {
			text += " " + T(lang, "meet.told", "name", other.displayName())
		}
	}
	return Reply{Replace: true, Message: Message{Text: text}}, nil
}
