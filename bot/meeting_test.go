package bot_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
	"github.com/mentorbot/mentorbot/meeting"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// meetingPair forms an official one-to-one pair of bob (mentor, Paris,
// 9-17) and alice (mentee, Montréal) and returns it with its introduction.
func meetingPair(t *testing.T, h *bottest.Harness, aliceTZ string) (bot.Pair, bot.Message) {
	t.Helper()
	h.Run("bob", "profile tz:Europe/Paris hours:9-17")
	h.Run("bob", "offer go")
	req := "request go kind:one-to-one"
	if aliceTZ != "" {
		req += " tz:" + aliceTZ
	}
	h.Run("alice", req)
	h.Click("bob", "bob", bot.ActionProposalAccept)
	h.Click("bob", "bob", bot.ActionCharterAccept)
	h.Click("alice", "alice", bot.ActionCharterAccept)
	pairs, err := h.Store.PairsOf(context.Background(), h.Tenant.Member("alice"))
	if err != nil || len(pairs) != 1 || pairs[0].State != bot.PairActive {
		t.Fatalf("got pairs %+v, %v, want one active", pairs, err)
	}
	var intro *bot.Message
	for _, s := range h.Platform.Take() {
		if s.Together {
			intro = &s.Message
		}
	}
	if intro == nil {
		t.Fatal("got no introduction")
	}
	return pairs[0], *intro
}

func pickButtons(m bot.Message) []bot.Button {
	var out []bot.Button
	for _, b := range m.Buttons {
		if b.ActionID == bot.ActionMeetPick {
			out = append(out, b)
		}
	}
	return out
}

func meetClick(h *bottest.Harness, user string, b bot.Button) bot.Reply {
	return h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member(user), ActionID: b.ActionID, Value: b.Value})
}

// TestIntroOffersTimes: the introduction offers three times within both
// members' hours, each in each member's zone, with a button each.
func TestIntroOffersTimes(t *testing.T) {
	h := MustHarness(t)
	pair, intro := meetingPair(t, h, "America/Montreal")
	if got := len(pickButtons(intro)); got != 3 {
		t.Fatalf("got %d time buttons, want 3", got)
	}
	var slots string
	for _, f := range intro.Fields {
		if f.Label == bot.T(bot.English, "field.meet_slots") {
			slots = f.Value
		}
	}
	for _, want := range []string{"1. Bob: ", "(Paris) · Alice: ", "(Montreal)", "\n3. "} {
		if !strings.Contains(slots, want) {
			t.Errorf("got times %q, want %q", slots, want)
		}
	}
	m, err := h.Store.GetMeeting(context.Background(), h.Tenant, pair.ID)
	if err != nil || m.Round != 1 || len(m.Slots) != 3 || !m.Full {
		t.Fatalf("got meeting %+v, %v, want round 1 with three full slots", m, err)
	}
	paris, _ := time.LoadLocation("Europe/Paris")
	montreal, _ := time.LoadLocation("America/Montreal")
	bobHours, _ := meeting.ParseHours("9-17")
	for _, s := range m.Slots {
		if s.End.Sub(s.Start) != time.Hour {
			t.Errorf("got a %v slot, want an hour for one-to-one", s.End.Sub(s.Start))
		}
		for _, p := range []struct {
			loc *time.Location
			h   meeting.Hours
		}{{paris, bobHours}, {montreal, meeting.Hours{}}} {
			a, e := s.Start.In(p.loc), s.End.In(p.loc)
			if !p.h.Contains(a.Weekday(), a.Hour()*60+a.Minute(), e.Hour()*60+e.Minute()) {
				t.Errorf("slot %v is outside working hours in %v", s.Start, p.loc)
			}
		}
	}
	if m, _ := h.Store.GetMeeting(context.Background(), h.Tenant, pair.ID); !m.Agreed.IsZero() {
		t.Errorf("got meeting %v agreed before any pick, want none", m.Agreed)
	}
}

// TestPickTimeAgreesOnce: two picks of different times agree nothing;
// the same time agrees it, and picks racing from two replicas (or a
// double click) confirm it once. A stale round's button says so.
func TestPickTimeAgreesOnce(t *testing.T) {
	for _, b := range storetest.Backends() {
		t.Run(b.Name, func(t *testing.T) {
			st := b.Open(t)
			h := harnessOn(t, st)
			pair, intro := meetingPair(t, h, "America/Montreal")
			picks := pickButtons(intro)
			if r := meetClick(h, "alice", picks[0]); !strings.Contains(r.Message.Text, "Noted") {
				t.Fatalf("got %q, want the pick noted", r.Message.Text)
			}
			h.Platform.Take()
			if r := meetClick(h, "bob", picks[1]); !strings.Contains(r.Message.Text, "I've told Alice. Alice can meet at time 1") {
				t.Fatalf("got %q, want the other pick told", r.Message.Text)
			}
			// Alice, who picked first, is told of bob's different pick too.
			told := false
			for _, s := range h.Platform.Take() {
				told = told || (s.To[0].User == "alice" && strings.Contains(s.Message.Text, "Bob can meet at time 2"))
			}
			if !told {
				t.Fatal("got no word to alice of bob's pick, want her told as bob was")
			}
			h.Platform.Take()
			// A second replica on the same store: alice and bob click time 2
			// at once, twice each.
			other := bottest.New(t, st, h.Tenant, bot.Config{})
			var wg sync.WaitGroup
			for i := 0; i < 4; i++ {
				wg.Add(1)
				go func(i int) {
					defer wg.Done()
					who, hh := "alice", h
					if i%2 == 1 {
						who = "bob"
					}
					if i >= 2 {
						hh = other
					}
					meetClick(hh, who, picks[1])
				}(i)
			}
			wg.Wait()
			confirmations := 0
			for _, p := range []*bottest.Platform{h.Platform, other.Platform} {
				for _, s := range p.Take() {
					if strings.HasPrefix(s.Message.Title, "Meeting agreed") {
						confirmations++
						if s.Message.Link == nil || !strings.HasPrefix(s.Message.Link.URL, "https://calendar.google.com/calendar/render?action=TEMPLATE&") {
							t.Errorf("got link %+v, want the Google Calendar template", s.Message.Link)
						}
					}
				}
			}
			if confirmations != 2 {
				t.Fatalf("got %d confirmations, want one to each member", confirmations)
			}
			m, _ := st.GetMeeting(context.Background(), h.Tenant, pair.ID)
			if !m.Agreed.Start.Equal(m.Slots[1].Start) {
				t.Fatalf("got agreed %v, want time 2", m.Agreed)
			}

			// New times replace the round, once alice confirms that they
			// cancel the agreed time: its buttons are stale.
			if r := clickIn(h, "alice", h.Run("alice", "meet"), bot.ActionMeetReplace); !strings.Contains(r.Message.Text, "three meeting times") {
				t.Fatalf("got %q, want new times sent", r.Message.Text)
			}
			if r := meetClick(h, "bob", picks[2]); r.Message.Text != bot.T(bot.English, "err.meet.stale") {
				t.Fatalf("got %q, want the stale round said", r.Message.Text)
			}
			if r := meetClick(h, "carol", picks[2]); r.Message.Text != bot.T(bot.English, "err.not_your_button") {
				t.Fatalf("got %q for a member outside the pair, want refused", r.Message.Text)
			}
		})
	}
}

// TestCheckinWaitsForMeeting: with a time agreed after the fixed first
// check-in, the check-in falls due a day after the meeting instead.
func TestCheckinWaitsForMeeting(t *testing.T) {
	h := MustHarness(t)
	_, intro := meetingPair(t, h, "America/Montreal")
	picks := pickButtons(intro)
	meetClick(h, "alice", picks[2])
	meetClick(h, "bob", picks[2])
	h.Platform.Take()
	checkins := func() int {
		n := 0
		for _, s := range h.Platform.Take() {
			if strings.HasPrefix(s.Message.Title, "Check-in") {
				n++
			}
		}
		return n
	}
	tick := func(d time.Duration) {
		h.Clock.Advance(d)
		if _, err := h.Bot.TickTenants(context.Background(), h.Tenant); err != nil {
			t.Fatal(err)
		}
	}
	// The third time is Thursday 5 November 13:30 UTC; the fixed check-in
	// (3 days) Thursday 09:00. The home says when it will really come,
	// before it is held back and after.
	MustContain(t, h.Run("alice", "status"), "Next check-in: 6 November 2026")
	tick(3*24*time.Hour + time.Hour)
	if n := checkins(); n != 0 {
		t.Fatalf("got %d check-ins before the meeting, want none", n)
	}
	MustContain(t, h.Run("bob", "status"), "Next check-in: 6 November 2026")
	tick(24*time.Hour + 3*time.Hour) // Friday 13:00: the meeting ended at 14:30 the day before
	if n := checkins(); n != 0 {
		t.Fatalf("got %d check-ins less than a day after the meeting, want none", n)
	}
	tick(2 * time.Hour)
	if n := checkins(); n != 2 {
		t.Fatalf("got %d check-ins a day after the meeting, want one each", n)
	} // The meeting has passed: the home says it was the last, not that
	// none was agreed.
	MustContain(t, h.Run("alice", "status"), "Last meeting agreed: Thursday 5 November")
}

// TestMeetingZoneMenu: a member without a time zone is asked once in the
// introduction; the menu saves their zone and sends new times.
func TestMeetingZoneMenu(t *testing.T) {
	h := MustHarness(t)
	pair, intro := meetingPair(t, h, "")
	var ask bot.Button
	for _, b := range intro.Buttons {
		if b.ActionID == bot.ActionMeetTZ {
			ask = b
		}
	}
	if ask.ActionID == "" {
		t.Fatalf("got buttons %+v, want Set my time zone", intro.Buttons)
	}
	r := meetClick(h, "alice", ask)
	if len(r.Message.Selects) != 1 || len(r.Message.Selects[0].Choices) > bot.MaxChoices {
		t.Fatalf("got %+v, want one menu of zones", r.Message)
	}
	sel := r.Message.Selects[0]
	n := ""
	for _, c := range sel.Choices {
		if c.Label == "America/Toronto" {
			n = c.Value
		}
	}
	r = h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("alice"), ActionID: sel.ActionID, Value: bot.SelectValue(sel.Value, []string{n})})
	if !strings.Contains(r.Message.Text, "America/Toronto") || !strings.Contains(r.Message.Text, "three meeting times") {
		t.Fatalf("got %q, want the zone saved and new times sent", r.Message.Text)
	}
	me, _ := h.Store.GetMember(context.Background(), h.Tenant.Member("alice"))
	if me.TZ != "America/Toronto" {
		t.Fatalf("got zone %q, want America/Toronto", me.TZ)
	}
	m, _ := h.Store.GetMeeting(context.Background(), h.Tenant, pair.ID)
	if m.Round != 2 {
		t.Fatalf("got round %d, want new times", m.Round)
	}
	if r := meetClick(h, "carol", ask); r.Message.Text != bot.T(bot.English, "err.not_your_button") {
		t.Fatalf("got %q for a member outside the pair, want refused", r.Message.Text)
	}
}

// TestProfile: /mentor profile saves hours and zone, refuses nonsense
// with a sentence on the field, and its form comes prefilled.
func TestProfile(t *testing.T) {
	h := MustHarness(t)
	r := h.Run("alice", "profile tz:Asia/Tokyo hours:9h30-17h lun-jeu")
	if !strings.Contains(r.Message.Text, "Saved") {
		t.Fatalf("got %q, want saved", r.Message.Text)
	}
	me, _ := h.Store.GetMember(context.Background(), h.Tenant.Member("alice"))
	want, _ := meeting.ParseHours("9:30-17 mon-thu")
	if me.TZ != "Asia/Tokyo" || me.Hours != want {
		t.Fatalf("got %q %+v, want Tokyo and 9:30-17 Monday to Thursday", me.TZ, me.Hours)
	}
	for _, bad := range []string{"banana", "18-9", "9-9:30", "25-26", "9-18 someday"} {
		r := h.Bot.HandleCommand(context.Background(), bot.Command{Member: h.Tenant.Member("alice"), Name: "profile", Values: map[string]string{"hours": bad}, FromForm: true})
		if r.FieldErrors["hours"] == "" || strings.Contains(r.FieldErrors["hours"], "err.") {
			t.Errorf("hours %q: got %+v, want a sentence on the field", bad, r)
		}
	}
	if r := h.Run("alice", "lang fr"); r.Message.Text == "" {
		t.Fatal("no reply")
	}
	if r := h.Run("alice", "profile heures:8h-12h"); !strings.Contains(r.Message.Text, "enregistré") {
		t.Fatalf("got %q, want saved in French", r.Message.Text)
	}
	me, _ = h.Store.GetMember(context.Background(), h.Tenant.Member("alice"))
	f := bot.ProfileForm(bot.French, me)
	if f.Command != "profile" || len(f.Fields) != 2 || f.Fields[0].Value != "Asia/Tokyo" || f.Fields[1].Value != "8h-12h" {
		t.Fatalf("got form %+v, want tz and hours prefilled", f)
	}
	if r := h.Bot.HandleCommand(context.Background(), bot.Command{Member: h.Tenant.Member("alice"), Text: "profile", Forms: true}); r.Form == nil || r.Form.Fields[1].Value != "8h-12h" {
		t.Fatalf("got %+v, want the prefilled form", r.Form)
	}
	if r := h.Run("alice", "request go heures:9-18"); strings.Contains(r.Message.Text, "heures") {
		t.Fatalf("got %q, want hours: taken by a request", r.Message.Text)
	}
	me, _ = h.Store.GetMember(context.Background(), h.Tenant.Member("alice"))
	if !me.Hours.IsZero() {
		t.Fatalf("got hours %+v from the request, want the default 9-18", me.Hours)
	}
}

// TestMeetNoPair: /mentor meet without a pair under way says so.
func TestMeetNoPair(t *testing.T) {
	h := MustHarness(t)
	if r := h.Run("alice", "meet"); r.Message.Text != bot.T(bot.English, "meet.none") {
		t.Fatalf("got %q, want no pair said", r.Message.Text)
	}
}

// TestNoOverlap: members whose hours never overlap are told so, and
// offered the closest times.
func TestNoOverlap(t *testing.T) {
	h := MustHarness(t)
	h.Run("bob", "profile tz:Europe/Paris hours:7-10")
	h.Run("bob", "offer go")
	h.Run("alice", "request go kind:one-to-one tz:America/Los_Angeles hours:7-10")
	h.Click("bob", "bob", bot.ActionProposalAccept)
	h.Click("bob", "bob", bot.ActionCharterAccept)
	h.Click("alice", "alice", bot.ActionCharterAccept)
	for _, s := range h.Platform.Take() {
		if !s.Together {
			continue
		}
		text := ""
		for _, f := range s.Message.Fields {
			text += f.Value + "\n"
		}
		// The times are within one member's hours and outside the other's,
		// and the note says whose (meeting_rotate.go).
		if !strings.Contains(text, "Your working hours never overlap in the next week: these are the closest times, within ") || len(pickButtons(s.Message)) != 3 {
			t.Fatalf("got %q, want the no-overlap note and three closest times", text)
		}
		return
	}
	t.Fatal("got no introduction")
}

// TestIntroRetryFreshTimes: an introduction the platform could not take
// for days offers times still ahead when it finally goes.
func TestIntroRetryFreshTimes(t *testing.T) {
	h := MustHarness(t)
	h.Run("bob", "offer go tz:Europe/Paris")
	h.Run("alice", "request go kind:one-to-one tz:Europe/Paris")
	h.Click("bob", "bob", bot.ActionProposalAccept)
	h.Click("bob", "bob", bot.ActionCharterAccept)
	h.Platform.Fail = bot.Errorf(bot.EUNAVAILABLE, "err.unavailable")
	h.Click("alice", "alice", bot.ActionCharterAccept)
	h.Clock.Advance(4 * 24 * time.Hour)
	h.Platform.Fail = nil
	if _, err := h.Bot.TickTenants(context.Background(), h.Tenant); err != nil {
		t.Fatal(err)
	}
	pairs, _ := h.Store.PairsOf(context.Background(), h.Tenant.Member("alice"))
	m, err := h.Store.GetMeeting(context.Background(), h.Tenant, pairs[0].ID)
	if err != nil || m.Round != 2 || len(m.Slots) != 3 || !m.Slots[0].Start.After(h.Clock.Now()) {
		t.Fatalf("got %+v, %v, want a second round of three times ahead of %v", m, err, h.Clock.Now())
	}
	for _, s := range h.Platform.Take() {
		if s.Together {
			if b := pickButtons(s.Message); len(b) != 3 || !strings.Contains(b[0].Value, ":"+itoaM(m.Round)+":") {
				t.Fatalf("got buttons %+v, want round %d's", b, m.Round)
			}
			return
		}
	}
	t.Fatal("got no introduction after the platform came back")
}

func itoaM(n int) string { return string(rune('0' + n)) }

// TestAgreedMeetingCancelled: new times, or the pair's end, cancel a time
// agreed ahead: each member is told once, in their language, and the
// job scheduled first sends nothing more.
func TestAgreedMeetingCancelled(t *testing.T) {
	h := MustHarness(t)
	_, intro := meetingPair(t, h, "America/Montreal")
	agree := func(picks []bot.Button) {
		t.Helper()
		meetClick(h, "alice", picks[0])
		if r := meetClick(h, "bob", picks[0]); !strings.Contains(r.Message.Text, "invit") {
			t.Fatalf("got %q, want the time agreed", r.Message.Text)
		}
	}
	// cancels returns who was told of a cancellation, and why, since the
	// last call, and the last message sent to both (new times).
	cancels := func() (map[string]string, bot.Message) {
		got, both := map[string]string{}, bot.Message{}
		for _, s := range h.Platform.Take() {
			switch {
			case s.Together:
				both = s.Message
			case strings.HasPrefix(s.Message.Title, "Meeting cancelled"), strings.HasPrefix(s.Message.Title, "Rendez-vous annulé"):
				if _, twice := got[s.To[0].User]; twice {
					t.Errorf("got a second cancellation to %s", s.To[0].User)
				}
				got[s.To[0].User] = s.Message.Text
			}
		}
		return got, both
	}
	tick := func() {
		h.Clock.Advance(time.Hour)
		if _, err := h.Bot.TickTenants(context.Background(), h.Tenant); err != nil {
			t.Fatal(err)
		}
	}
	h.Run("bob", "lang fr")
	agree(pickButtons(intro))
	h.Platform.Take()

	// Asked first: keeping it cancels nothing.
	ask := h.Run("alice", "meet")
	MustContain(t, ask, "Your meeting with Bob is set for ")
	MustContain(t, ask, ". New times would cancel it, in both your calendars; you can also cancel it alone, or keep it. What would you like to do?")
	MustContain(t, clickIn(h, "alice", ask, bot.ActionMeetKeep), "Fine: your meeting stays as it is.")
	if got, _ := cancels(); len(got) != 0 {
		t.Fatalf("got cancellations %q after keeping the time, want none", got)
	}
	clickIn(h, "alice", h.Run("alice", "meet"), bot.ActionMeetReplace)
	got, next := cancels()
	if !strings.Contains(got["alice"], "new times replace it") || !strings.Contains(got["bob"], "de nouveaux créneaux le remplacent") {
		t.Fatalf("got cancellations %q after new times, want one to each member in their language", got)
	}
	tick()
	if got, _ := cancels(); len(got) != 0 {
		t.Fatalf("got cancellations %q from the job, want none: they were sent", got)
	}

	agree(pickButtons(next))
	h.Platform.Take()
	MustContain(t, clickIn(h, "alice", h.Run("alice", "end"), bot.ActionEndConfirm), "ended your pair with")
	got, _ = cancels()
	if !strings.Contains(got["alice"], "the pair has ended") || !strings.Contains(got["bob"], "le binôme a pris fin") {
		t.Fatalf("got cancellations %q after the end, want one to each member in their language", got)
	}
	tick()
	if got, _ := cancels(); len(got) != 0 {
		t.Fatalf("got cancellations %q from the job, want none: they were sent", got)
	}
}

// TestProfileZoneReachesOffer: a member has one time zone: set by
// /mentor profile or the introduction's menu, it is their offer's too,
// which the matcher reads.
func TestProfileZoneReachesOffer(t *testing.T) {
	h := MustHarness(t)
	bob := h.Tenant.Member("bob")
	h.Run("bob", "offer go tz:Europe/Paris")
	h.Run("bob", "profile tz:Asia/Tokyo")
	if o, err := h.Store.GetOffer(context.Background(), bob); err != nil || o.TZ != "Asia/Tokyo" {
		t.Fatalf("got offer zone %q, %v after /mentor profile, want Asia/Tokyo", o.TZ, err)
	}
}
