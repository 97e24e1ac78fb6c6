package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// TestPickedTimesAddUp: the introduction asks for a click under each time
// that suits a member, and each click counts. Alice picks time 2, then
// time 1; Bob, told that time 2 suits her, picks it: it is agreed.
func TestPickedTimesAddUp(t *testing.T) {
	for _, b := range storetest.Backends() {
		t.Run(b.Name, func(t *testing.T) {
			h := harnessOn(t, b.Open(t))
			pair, intro := meetingPair(t, h, "America/Montreal")
			picks := pickButtons(intro)
			MustContain(t, meetClick(h, "alice", picks[1]), "Noted")
			MustContain(t, meetClick(h, "alice", picks[0]), "Noted")
			h.Platform.Take()
			MustContain(t, meetClick(h, "bob", picks[1]), "Agreed: ")
			m, err := h.Store.GetMeeting(context.Background(), h.Tenant, pair.ID)
			if err != nil || !m.Agreed.Start.Equal(m.Slots[1].Start) {
				t.Fatalf("got agreed %v (%v), want time 2, which alice picked first", m.Agreed, err)
			}
			confirmations := 0
			for _, s := range h.Platform.Take() {
				if strings.HasPrefix(s.Message.Title, "Meeting agreed") {
					confirmations++
				}
			}
			if confirmations != 2 {
				t.Fatalf("got %d confirmations, want one to each member", confirmations)
			}
		})
	}
}

// TestEachPickTold: every time a member adds is told to the other member,
// once (a double click sends nothing twice), and the reply says what the
// other member picked; the other member's pick of one of them agrees it.
func TestEachPickTold(t *testing.T) {
	h := MustHarness(t)
	_, intro := meetingPair(t, h, "America/Montreal")
	picks := pickButtons(intro)
	meetClick(h, "alice", picks[0])
	h.Platform.Take()
	r := meetClick(h, "bob", picks[1])
	MustContain(t, r, "I've told Alice. Alice can meet at time 1: if it suits you too, click it")
	MustContain(t, meetClick(h, "bob", picks[2]), "Noted: time 3")
	// A second click on a time already noted changes nothing.
	if r := meetClick(h, "bob", picks[2]); !strings.HasPrefix(r.Message.Text, "You had already said that time 3") {
		t.Fatalf("got %q, want the time said already noted", r.Message.Text)
	}
	var told []string
	for _, s := range h.Platform.Take() {
		if s.To[0].User == "alice" {
			told = append(told, s.Message.Text)
		}
	}
	if len(told) != 2 || !strings.HasPrefix(told[0], "Bob can meet at time 2") || !strings.HasPrefix(told[1], "Bob can meet at time 3") {
		t.Fatalf("got alice told %q, want times 2 and 3, once each", told)
	}
	r = meetClick(h, "alice", picks[0])
	MustContain(t, r, "Bob can meet at times 2 and 3: if one of them suits you too, click it")
	MustContain(t, meetClick(h, "alice", picks[1]), "Agreed: ")
}

// TestPickTimeThatHasStarted: a time that has started is refused, with the
// way forward, and never agreed, even when the other member picked it.
func TestPickTimeThatHasStarted(t *testing.T) {
	h := MustHarness(t)
	pair, intro := meetingPair(t, h, "America/Montreal")
	picks := pickButtons(intro)
	meetClick(h, "alice", picks[0])
	m, _ := h.Store.GetMeeting(context.Background(), h.Tenant, pair.ID)
	h.Clock.Advance(m.Slots[0].End.Sub(h.Clock.Now()) + time.Minute)
	h.Platform.Take()
	r := meetClick(h, "bob", picks[0])
	if !strings.HasPrefix(r.Message.Text, "Time 1, ") || !strings.Contains(r.Message.Text, "has passed: I can't set it any more. Pick another time that is still ahead, or click “Suggest other times”") {
		t.Fatalf("got %q, want the time refused as passed", r.Message.Text)
	}
	if len(r.Message.Buttons) != 1 || r.Message.Buttons[0].ActionID != bot.ActionMeetOther {
		t.Fatalf("got buttons %+v, want Suggest other times", r.Message.Buttons)
	}
	if m, _ := h.Store.GetMeeting(context.Background(), h.Tenant, pair.ID); !m.Agreed.IsZero() {
		t.Fatalf("got %v agreed, want no time agreed in the past", m.Agreed)
	}
	if sent := h.Platform.Take(); len(sent) != 0 {
		t.Fatalf("got %d messages sent, want none (no invite, no notice)", len(sent))
	}
	// In French, a time under way.
	h.Run("bob", "lang fr")
	h.Clock.Advance(m.Slots[1].Start.Sub(h.Clock.Now()) + time.Minute)
	r = meetClick(h, "bob", picks[1])
	if !strings.HasPrefix(r.Message.Text, "Le créneau 2, ") || !strings.Contains(r.Message.Text, "a déjà commencé\u202f: je ne peux plus le retenir.") {
		t.Fatalf("got %q, want the time refused as started", r.Message.Text)
	}
	// The button sends new times.
	MustContain(t, clickIn(h, "bob", r, bot.ActionMeetOther), "trois créneaux")
}

// TestOldTimeAfterMeetingPassed: a time button of a round whose meeting
// has passed says so, and how to arrange another.
func TestOldTimeAfterMeetingPassed(t *testing.T) {
	h := MustHarness(t)
	pair, intro := meetingPair(t, h, "America/Montreal")
	picks := pickButtons(intro)
	meetClick(h, "alice", picks[0])
	meetClick(h, "bob", picks[0])
	if r := meetClick(h, "bob", picks[1]); !strings.HasPrefix(r.Message.Text, "You have already agreed on a time") {
		t.Fatalf("got %q before the meeting, want it named", r.Message.Text)
	}
	m, _ := h.Store.GetMeeting(context.Background(), h.Tenant, pair.ID)
	h.Clock.Advance(m.Agreed.End.Sub(h.Clock.Now()) + 48*time.Hour)
	r := meetClick(h, "alice", picks[2])
	if !strings.HasPrefix(r.Message.Text, "Your meeting with Bob on ") || !strings.HasSuffix(r.Message.Text, "has passed. To arrange another, click “Suggest other times” or use `/mentor meet`.") {
		t.Fatalf("got %q, want the meeting said passed", r.Message.Text)
	}
	h.Run("bob", "lang fr")
	r = meetClick(h, "bob", picks[2])
	if !strings.HasPrefix(r.Message.Text, "Votre rendez-vous avec Alice, le ") || !strings.Contains(r.Message.Text, "est passé. Pour en fixer un autre") {
		t.Fatalf("got %q, want the meeting said passed", r.Message.Text)
	}
	MustContain(t, clickIn(h, "bob", r, bot.ActionMeetOther), "trois créneaux")
}

// TestReplaceConfirmIsTheAskers: the question before new times cancel an
// agreed meeting belongs to who asked: the other member's click on it is
// refused as someone else's, before and after it was used.
func TestReplaceConfirmIsTheAskers(t *testing.T) {
	h := MustHarness(t)
	_, intro := meetingPair(t, h, "America/Montreal")
	picks := pickButtons(intro)
	meetClick(h, "alice", picks[0])
	meetClick(h, "bob", picks[0])
	ask := h.Run("bob", "meet")
	for _, action := range []string{bot.ActionMeetReplace, bot.ActionMeetKeep} {
		if r := clickIn(h, "alice", ask, action); r.Message.Text != bot.T(bot.English, "err.not_your_button") {
			t.Fatalf("got %q for alice on bob's %s, want it refused", r.Message.Text, action)
		}
	}
	MustContain(t, clickIn(h, "bob", ask, bot.ActionMeetReplace), "three meeting times")
	if r := clickIn(h, "alice", ask, bot.ActionMeetReplace); r.Message.Text != bot.T(bot.English, "err.not_your_button") {
		t.Fatalf("got %q for alice on bob's used button, want it refused as someone else's", r.Message.Text)
	}
	// Bob's own "keep it", after the meeting was replaced, does not say
	// it stands.
	if r := clickIn(h, "bob", ask, bot.ActionMeetKeep); r.Message.Text != bot.T(bot.English, "meet.keep_gone") {
		t.Fatalf("got %q, want no meeting left to keep", r.Message.Text)
	}
}
