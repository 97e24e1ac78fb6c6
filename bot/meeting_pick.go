package bot

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/mentorbot/mentorbot/meeting"
)

// pickTime is a slot's "This works for me" (value
// "<pair>:<round>:<slot>"). When both members picked the same slot, the
// time is agreed, once, and each gets the invite.
func pickTime(ctx context.Context, b *Bot, who MemberID, lang Lang, value string) (Reply, error) {
	parts := strings.Split(value, ":")
	if len(parts) != 3 {
		return Reply{}, Errorf(ESTALE, "err.unknown_button")
	}
	round, err1 := strconv.Atoi(parts[1])
	i, err2 := strconv.Atoi(parts[2])
	if err1 != nil || err2 != nil || i < 0 {
		return Reply{}, Errorf(ESTALE, "err.unknown_button")
	}
	pair, err := b.meetPair(ctx, who, parts[0])
	if err != nil {
		return Reply{}, err
	}
	t := who.Tenant()
	other := pair.Other(who)
	// The invite's job goes first: if this pick agrees the time and the
	// replica dies before the invites are out, the job sends them; if it
	// agrees nothing, the job finds nothing agreed and does nothing.
	if err := b.store.jobs.ScheduleJobs(ctx, t, false, NewJob(b.clock.Now().Add(sendRetry), JobMeetInvite, pair.ID, strconv.Itoa(round))); err != nil {
		return Reply{}, err
	}
	m, agreed, err := b.store.meetings.PickSlot(ctx, t, pair.ID, round, i, who.User, other.User, b.clock.Now().UTC())
	switch ErrorCode(err) {
	case "":
	case ESTALE, ENOTFOUND:
		return Reply{}, Errorf(ESTALE, "err.meet.stale")
	default:
		return Reply{}, err
	}
	me, err := b.member(ctx, who)
	if err != nil {
		return Reply{}, err
	}
	loc, _ := b.zoneOf(ctx, me)
	otherMember, err := b.member(ctx, other)
	if err != nil {
		return Reply{}, err
	}
	switch {
	case agreed:
		b.agreed(ctx, pair, m)
		return Reply{Message: Message{Text: T(lang, "meet.agreed", "when", slotWhen(lang, m.Agreed, loc))}}, nil
	case !m.Agreed.IsZero():
		return Reply{Message: Message{Text: T(lang, "meet.already", "when", slotWhen(lang, m.Agreed, loc))}}, nil
	}
	slot := m.Slots[i]
	// Tell the other member, once a round for each member, that a time
	// suits this one: whether they picked another or not yet.
	key := "meetpick:" + pair.ID + ":" + strconv.Itoa(m.Round) + ":" + who.User
	oloc, _ := b.zoneOf(ctx, otherMember)
	if err := b.deliver(ctx, key, other, func(l Lang) Message {
		return Message{Text: T(l, "meet.other_picked", "name", me.displayName(), "n", strconv.Itoa(i+1), "when", slotWhen(l, slot, oloc))}
	}); err != nil {
		b.log.Warn("pick not told to the other member", "pair", pair.ID, "code", string(ErrorCode(err)))
	}
	if theirs, ok := m.Picks[other.User]; ok {
		return Reply{Message: Message{Text: T(lang, "meet.picked_differs", "n", strconv.Itoa(i+1), "when", slotWhen(lang, slot, loc), "name", otherMember.displayName(), "m", strconv.Itoa(theirs+1))}}, nil
	}
	return Reply{Message: Message{Text: T(lang, "meet.picked", "when", slotWhen(lang, slot, loc), "name", otherMember.displayName())}}, nil
}

// agreed follows a time both members picked: the first check-in moves to
// a day after it when it was due earlier (deferCheckin moves it when it
// was due later), and the invite is sent at once; the job the pick
// scheduled first (pickTime) sends it if this fails.
func (b *Bot) agreed(ctx context.Context, pair Pair, m Meeting) {
	t := pair.Mentor.Tenant()
	b.homeChanged(pair.Mentor, pair.Mentee) // home_publish.go: their homes show the next meeting
	now := b.clock.Now()
	var jobs []Job
	if s := b.settings(ctx, t); now.Before(pair.Official.Add(s.CheckinAfter)) {
		jobs = append(jobs, NewJob(m.Agreed.End.Add(checkinAfterMeeting), JobCheckin, pair.ID, "1"))
	}
	if err := b.store.jobs.ScheduleJobs(ctx, t, true, jobs...); err != nil {
		b.log.Error("meeting jobs not scheduled", "pair", pair.ID, "code", string(ErrorCode(err)))
	}
	if err := b.sendInvites(ctx, pair, m); err != nil {
		b.log.Warn("invite not delivered yet, its job will retry", "pair", pair.ID, "code", string(ErrorCode(err)))
	}
}

// runMeetInvite sends the invite of an agreed time to whoever did not get
// it (meetinvite:<pair>:<round>); the delivery marks make it a no-op
// otherwise.
func runMeetInvite(ctx context.Context, b *Bot, t Tenant, j Job) error {
	pair, err := b.store.pairs.GetPair(ctx, t, j.Part(0))
	if err != nil || pair.State != PairActive {
		return ignoreGone(err)
	}
	m, err := b.store.meetings.GetMeeting(ctx, t, pair.ID)
	if err != nil || m.Agreed.IsZero() || strconv.Itoa(m.Round) != j.Part(1) {
		return ignoreGone(err)
	}
	return b.sendInvites(ctx, pair, m)
}

// sendInvites sends each member the confirmation of the agreed time, in
// their language and zone, with the .ics attached where the platform
// takes files, and the Google Calendar link.
func (b *Bot) sendInvites(ctx context.Context, pair Pair, m Meeting) error {
	key := JobMeetInvite + ":" + pair.ID + ":" + strconv.Itoa(m.Round)
	return b.calendarToEach(ctx, pair, key, func(l Lang, loc *time.Location, other Member) (Message, string, File) {
		e := b.inviteEvent(ctx, l, pair, m, other)
		return Message{
				Title:  T(l, "meet.confirm_title", "topic", pair.Topic),
				Text:   T(l, "meet.confirm_text", "when", slotWhen(l, m.Agreed, loc), "name", other.displayName()),
				Fields: []Field{{Label: T(l, "intro.room"), Value: pair.Room}},
				Link:   &Link{Label: T(l, "meet.google"), URL: googleURL(e)},
			}, T(l, "meet.ics_attached"),
			File{Name: "mentoring-" + m.Agreed.Start.In(loc).Format("2006-01-02-1504") + ".ics", Type: "text/calendar", Data: meeting.ICS(e)}
	})
}

// calendarToEach sends each member of pair, once under key, the message
// build writes in their language and zone, with its calendar file and the
// sentence saying it is attached where the platform takes files. A member
// who left is not retried; the first other failure is returned.
func (b *Bot) calendarToEach(ctx context.Context, pair Pair, key string, build func(l Lang, loc *time.Location, other Member) (Message, string, File)) error {
	p, err := b.platform(pair.Mentor)
	if err != nil {
		return err
	}
	up, canUpload := p.(Uploader)
	var first error
	for _, id := range []MemberID{pair.Mentor, pair.Mentee} {
		me, err := b.member(ctx, id)
		if err != nil {
			return err
		}
		other, err := b.member(ctx, pair.Other(id))
		if err != nil {
			return err
		}
		loc, _ := b.zoneOf(ctx, me)
		l := me.Lang
		if l == "" {
			l = b.settings(ctx, id.Tenant()).DefaultLang
		}
		msg, attached, f := build(l, loc, other)
		send := func(ctx context.Context) error { return b.sendTo(ctx, id, msg) }
		if canUpload {
			msg.Text += "\n" + attached
			send = func(ctx context.Context) error { return up.SendFile(ctx, id, f, ownedBy(id, msg)) }
		}
		err = b.once(ctx, id.Tenant(), key+":"+id.User, b.lease(), send)
		if err != nil && ErrorCode(err) != EGONE && first == nil {
			first = err
		}
	}
	return first
}

// inviteEvent is the calendar event of an agreed time, as the member
// reading in l sees it: the UID is the pair's and the round's, so that
// both members' calendars hold the same event.
func (b *Bot) inviteEvent(ctx context.Context, l Lang, pair Pair, m Meeting, other Member) meeting.Event {
	desc := T(l, "meet.ics_room", "room", pair.Room)
	if charter := b.settings(ctx, pair.Mentor.Tenant()).CharterURL; charter != "" {
		desc += "\n" + T(l, "meet.ics_charter", "charter", charter)
	}
	return meeting.Event{
		UID:   pair.ID + "-" + strconv.Itoa(m.Round) + "@mentorbot",
		Stamp: b.clock.Now().UTC().Truncate(time.Second), Start: m.Agreed.Start, End: m.Agreed.End,
		Summary:     T(l, "meet.ics_summary", "topic", pair.Topic, "name", other.displayName()),
		Description: desc, URL: pair.Room,
	}
}

// maxLinkURL is the longest link every platform shows (Discord's link
// buttons take 512 characters).
const maxLinkURL = 500

// googleURL is the event's Google Calendar link, with the video room
// alone as its details, and then a shorter title, when the whole is too
// long for a link button.
func googleURL(e meeting.Event) string {
	u := meeting.GoogleURL(e)
	if len(u) > maxLinkURL {
		e.Description = e.URL
		u = meeting.GoogleURL(e)
	}
	if len(u) > maxLinkURL {
		e.Summary = clip(e.Summary, 40)
		u = meeting.GoogleURL(e)
	}
	return u
}
