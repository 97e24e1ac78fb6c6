package bot

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/mentorbot/mentorbot/meeting"
)

// pickTime is a slot's "This works for me" (value
// "<pair>:<round>:<slot>"). Each member's clicks add up: every time that
// suits them counts, and the first time both picked is agreed, once, and
// each gets the invite. A time that has started is refused, and so is any
// time once the agreed meeting has passed or was cancelled, and a time
// that overlaps a meeting either member agreed in another pair.
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
	me, err := b.member(ctx, who)
	if err != nil {
		return Reply{}, err
	}
	loc, _ := b.zoneOf(ctx, me)
	otherMember, err := b.member(ctx, other)
	if err != nil {
		return Reply{}, err
	}
	// What the click finds decides before anything is written: a round
	// replaced, a time agreed, a time that has started.
	m, err := b.store.meetings.GetMeeting(ctx, t, pair.ID)
	switch {
	case err == nil && m.cancelledAfter(round):
		// The meeting agreed among these times was cancelled, and
		// nothing newer offered.
		return Reply{Message: Message{Text: T(lang, "meet.pick_cancelled"), Buttons: []Button{otherTimesButton(lang, pair, m)}}}, nil
	case ErrorCode(err) == ENOTFOUND || (err == nil && m.Round != round):
		return Reply{}, Errorf(ESTALE, "err.meet.stale")
	case err != nil:
		return Reply{}, err
	case !m.Agreed.IsZero():
		return b.agreedBefore(lang, pair, m, loc, otherMember), nil
	case i >= len(m.Slots):
		return Reply{}, Errorf(ESTALE, "err.unknown_button")
	}
	now := b.clock.Now()
	if !m.Slots[i].Start.After(now) {
		return slotGone(lang, pair, m, i, loc, now), nil
	}
	if slices.Contains(m.Picks[who.User], i) {
		// A second click on a time already noted: nothing changes.
		text := T(lang, "meet.picked_again", "n", strconv.Itoa(i+1), "when", slotWhen(lang, m.Slots[i], loc))
		return Reply{Message: Message{Text: text + " " + theirPicks(lang, m, other, otherMember, now)}}, nil
	}
	// A time either member agreed in another pair meanwhile (the times
	// were offered before it was) is not noted (meeting_taken.go).
	if r, taken, err := b.pickTaken(ctx, lang, pair, m, i, who, otherMember, loc, now); err != nil || taken {
		return r, err
	}
	// The invite's job goes first: if this pick agrees the time and the
	// replica dies before the invites are out, the job sends them; if it
	// agrees nothing, the job finds nothing agreed and does nothing.
	if err := b.store.jobs.ScheduleJobs(ctx, t, false, NewJob(now.Add(sendRetry), JobMeetInvite, pair.ID, strconv.Itoa(round))); err != nil {
		return Reply{}, err
	}
	m, agreed, err := b.store.meetings.PickSlot(ctx, t, pair.ID, round, i, who.User, other.User, now.UTC())
	switch ErrorCode(err) {
	case "":
	case ESTALE, ENOTFOUND:
		return Reply{}, Errorf(ESTALE, "err.meet.stale")
	default:
		return Reply{}, err
	}
	switch {
	case agreed:
		b.agreed(ctx, pair, m)
		return Reply{Message: Message{Text: T(lang, "meet.agreed", "when", slotWhen(lang, m.Agreed, loc))}}, nil
	case !m.Agreed.IsZero(): // agreed meanwhile, by another click
		return b.agreedBefore(lang, pair, m, loc, otherMember), nil
	}
	return Reply{Message: Message{Text: b.tellPick(ctx, lang, pair, m, i, who, me, otherMember, loc, now)}}, nil
}

// tellPick tells the other member of pair that slot i of m suits who, once
// a time (the key names the slot), whether they picked others or not yet,
// and returns the reply to who: the pick noted, the notice when it went
// out, and what the other member picked so far.
func (b *Bot) tellPick(ctx context.Context, lang Lang, pair Pair, m Meeting, i int, who MemberID, me, otherMember Member, loc *time.Location, now time.Time) string {
	other := pair.Other(who)
	slot, n := m.Slots[i], strconv.Itoa(i+1)
	// The picker by role, not by ID: the mark's key ends with the other
	// member's ID alone, and goes when either is erased (forget.go).
	key := "meetpick:" + pair.ID + ":" + strconv.Itoa(m.Round) + ":" + pair.Role(who) + ":" + strconv.Itoa(i)
	oloc, _ := b.zoneOf(ctx, otherMember)
	text := T(lang, "meet.picked", "n", n, "when", slotWhen(lang, slot, loc))
	if err := b.deliver(ctx, key, other, func(l Lang) Message {
		return Message{Text: T(l, "meet.other_picked", "name", me.displayName(), "n", n, "when", slotWhen(l, slot, oloc))}
	}); err != nil {
		// The reply only says what happened.
		b.log.Warn("pick not told to the other member", "pair", pair.ID, "code", string(ErrorCode(err)))
	} else {
		text += " " + T(lang, "meet.told", "name", otherMember.displayName())
	}
	return text + " " + theirPicks(lang, m, other, otherMember, now)
}

// theirPicks says what the other member picked of m's times still ahead,
// and what comes next: a click on one of them agrees it, or the wait for
// their pick.
func theirPicks(lang Lang, m Meeting, other MemberID, otherMember Member, now time.Time) string {
	var ahead []string
	for _, j := range m.Picks[other.User] {
		if j < len(m.Slots) && m.Slots[j].Start.After(now) {
			ahead = append(ahead, strconv.Itoa(j+1))
		}
	}
	name := otherMember.displayName()
	if len(ahead) == 0 {
		return T(lang, "meet.wait", "name", name)
	}
	return T(lang, "meet.their_picks", "name", name, "k", strconv.Itoa(len(ahead)), "times", andList(lang, ahead))
}

// agreedBefore answers a time button of a round whose time is agreed: the
// agreed time while it is ahead; once it has passed, that it has, and how
// to find another.
func (b *Bot) agreedBefore(lang Lang, pair Pair, m Meeting, loc *time.Location, otherMember Member) Reply {
	when := slotWhen(lang, m.Agreed, loc)
	if b.ahead(m) {
		return Reply{Message: Message{Text: T(lang, "meet.already", "when", when)}}
	}
	return Reply{Message: Message{
		Text:    T(lang, "meet.agreed_passed", "name", otherMember.displayName(), "when", when),
		Buttons: []Button{otherTimesButton(lang, pair, m)},
	}}
}

// slotGone refuses slot i of m, which has started (now), and points to
// the times still ahead, if any, and to new times.
func slotGone(lang Lang, pair Pair, m Meeting, i int, loc *time.Location, now time.Time) Reply {
	s := m.Slots[i]
	key := "meet.slot_started"
	if !s.End.After(now) {
		key = "meet.slot_passed"
	}
	// The times still ahead, named as the reader sees them.
	var ahead []string
	for j, o := range m.Slots {
		if o.Start.After(now) {
			ahead = append(ahead, T(lang, "meet.ahead_item", "n", strconv.Itoa(j+1), "when", slotWhen(lang, o, loc)))
		}
	}
	next := T(lang, "meet.ask_other")
	if len(ahead) > 0 {
		next = T(lang, "meet.pick_other") + " " + T(lang, "meet.still_ahead", "times", andList(lang, ahead))
	}
	return Reply{Message: Message{
		Text:    T(lang, key, "n", strconv.Itoa(i+1), "when", slotWhen(lang, s, loc)) + " " + next,
		Buttons: []Button{otherTimesButton(lang, pair, m)},
	}}
}

// otherTimesButton is "Suggest other times" for m's round, in a reply.
func otherTimesButton(lang Lang, pair Pair, m Meeting) Button {
	return Button{Label: T(lang, "btn.meet_other"), ActionID: ActionMeetOther, Value: pair.ID + ":" + strconv.Itoa(m.Round)}
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
			File{Name: T(l, "file.ics_meeting", "when", m.Agreed.Start.In(loc).Format("2006-01-02-1504")), Type: "text/calendar", Data: meeting.ICS(e)}
	})
}

// calendarToEach sends each member of pair, once under key, the message
// build writes in their language and zone, with its calendar file and the
// sentence saying it is attached where the platform takes files. A member
// who left is not retried; the first other failure is returned.
func (b *Bot) calendarToEach(ctx context.Context, pair Pair, key string, build func(l Lang, loc *time.Location, other Member) (Message, string, File)) error {
	return b.calendarTo(ctx, pair, key, []MemberID{pair.Mentor, pair.Mentee}, true, build)
}

// calendarTo is calendarToEach to the members to alone. Unless named,
// build is given the other member's ID alone, and nothing of theirs is
// read (they may be erased).
func (b *Bot) calendarTo(ctx context.Context, pair Pair, key string, to []MemberID, named bool, build func(l Lang, loc *time.Location, other Member) (Message, string, File)) error {
	p, err := b.platform(pair.Mentor)
	if err != nil {
		return err
	}
	up, canUpload := p.(Uploader)
	var first error
	for _, id := range to {
		if id.User == "" {
			continue // erased
		}
		me, err := b.member(ctx, id)
		if err != nil {
			return err
		}
		other := Member{ID: pair.Other(id)}
		if named {
			if other, err = b.member(ctx, pair.Other(id)); err != nil {
				return err
			}
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
