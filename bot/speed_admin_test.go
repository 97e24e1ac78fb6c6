package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestSpeedCancel: a manager lists the events and cancels one after a
// confirmation; each registered member and the event's channel are told
// once; its rounds are not paired and its buttons say it was cancelled.
func TestSpeedCancel(t *testing.T) {
	h, reg := speedHarness(t, "")
	click(h, "max", reg, 0)
	click(h, "ema", reg, 1)
	click(h, "eli", reg, 1)
	h.Platform.Take()

	t.Run("Twice", func(t *testing.T) {
		r := h.Run("alice", `admin event "speed Test" rounds:3 minutes:10 start:2026-11-03T10:00 channel:#general`)
		if !strings.HasPrefix(r.Message.Text, "An event named “Speed test” is already planned, for 2 November 2026 at 10:00 (UTC)") {
			t.Fatalf("got %q", r.Message.Text)
		}
		if posts := h.Posting.Posts(); len(posts) != 0 {
			t.Fatalf("posted %+v", posts)
		}
	})
	t.Run("Verbs", func(t *testing.T) {
		if r := h.Run("alice", "admin event list"); r.Message.Text != "To list the events, write `/mentor admin events`." {
			t.Fatalf("got %q", r.Message.Text)
		}
		if r := h.Run("alice", `admin event cancel "Speed test"`); r.Message.Text != "To cancel an event, write `/mentor admin events cancel` and its name." {
			t.Fatalf("got %q", r.Message.Text)
		}
	})
	t.Run("List", func(t *testing.T) {
		r := h.Run("alice", "admin events")
		want := "• “Speed test”: 2 November 2026 at 10:00 (UTC), 2 rounds of 15 minutes, in #general; 1 mentor and 2 mentees registered. Not started yet."
		if r.Message.Title != "Speed-mentoring events" || !strings.Contains(r.Message.Text, want) {
			t.Fatalf("got %q / %q, want the line %q", r.Message.Title, r.Message.Text, want)
		}
	})
	t.Run("Unknown", func(t *testing.T) {
		r := h.Run("alice", `admin events cancel "Speed tset"`)
		if r.Message.Text != "No event is named “Speed tset”. `/mentor admin events` lists them." {
			t.Fatalf("got %q", r.Message.Text)
		}
		if r := h.Run("alice", "admin events cancel"); !strings.Contains(r.Message.Text, "Which event?") {
			t.Fatalf("no name: got %q", r.Message.Text)
		}
		if r := h.Run("alice", "admin events delete x"); !strings.Contains(r.Message.Text, "`/mentor admin events cancel`") {
			t.Fatalf("bad verb: got %q", r.Message.Text)
		}
		if r := h.Run("max", `admin events cancel "Speed test"`); len(r.Message.Buttons) != 0 {
			t.Fatalf("a member got the confirmation: %+v", r.Message)
		}
	})

	confirm := h.Run("alice", `admin events cancel "speed TEST"`)
	if confirm.Message.Title != "Cancel “Speed test”?" || len(confirm.Message.Buttons) != 2 ||
		!strings.Contains(confirm.Message.Text, "1 mentor and 2 mentees registered") {
		t.Fatalf("confirmation: %+v", confirm.Message)
	}
	press := func(i int) bot.Reply {
		b := confirm.Message.Buttons[i]
		return h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("alice"), ActionID: b.ActionID, Value: b.Value})
	}
	if r := press(1); r.Message.Text != "Nothing changes: “Speed test” goes ahead as planned." {
		t.Fatalf("keep: got %q", r.Message.Text)
	}
	if r := press(0); r.Message.Text != "“Speed test” is cancelled (1 mentor and 2 mentees registered): I am telling each registered member, and #general." {
		t.Fatalf("cancel: got %q", r.Message.Text)
	}
	if r := press(0); r.Message.Text != "The event “Speed test” is already cancelled." {
		t.Fatalf("second click: got %q", r.Message.Text)
	}

	h.Tick()
	told := map[string]int{}
	for _, s := range h.Platform.Take() {
		told[s.To[0].User]++
		if !strings.HasPrefix(s.Message.Text, "The speed-mentoring event “Speed test”, planned for 2 November 2026 at 10:00 (UTC), is cancelled: its rounds will not take place.") {
			t.Fatalf("%s was told %q", s.To[0].User, s.Message.Text)
		}
	}
	if told["max"] != 1 || told["ema"] != 1 || told["eli"] != 1 || len(told) != 3 {
		t.Fatalf("told %v, want max, ema and eli once each", told)
	}
	posts := h.Posting.Posts()
	if len(posts) != 1 || posts[0].Channel != "general" || !strings.Contains(posts[0].Message.Text, "is cancelled. Its registration buttons no longer work.") {
		t.Fatalf("channel posts %+v", posts)
	}
	h.Tick()
	if got := h.Platform.Take(); len(got) != 0 {
		t.Fatalf("a second tick sent %d messages", len(got))
	}

	// Its rounds do not run, and its buttons say why.
	h.At(2, 10, 0)
	h.At(2, 10, 20)
	if got := h.Platform.Take(); len(got) != 0 {
		t.Fatalf("the cancelled event's rounds sent %+v", got)
	}
	if r := click(h, "eva", reg, 1); r.Message.Text != "The event “Speed test” was cancelled." {
		t.Fatalf("register: got %q", r.Message.Text)
	}
	if r := click(h, "max", reg, 2); r.Message.Text != "The event “Speed test” was cancelled." {
		t.Fatalf("unregister: got %q", r.Message.Text)
	}

	t.Run("French", func(t *testing.T) {
		h.Run("alice", "lang fr")
		r := h.Run("alice", "admin events liste")
		want := "• «\u202fSpeed test\u202f»\u202f: le 2 novembre 2026 à 10\u00a0h (UTC), 2 tours de 15 minutes, dans #general\u202f; 1 mentor et 2 personnes mentorées inscrits. Annulé le 2 novembre 2026."
		if r.Message.Title != "Événements de speed mentoring" || !strings.Contains(r.Message.Text, want) {
			t.Fatalf("got %q\nwant the line %q", r.Message.Text, want)
		}
		if r := h.Run("alice", `admin events annuler "Speed test"`); r.Message.Text != "L'événement «\u202fSpeed test\u202f» est déjà annulé." {
			t.Fatalf("got %q", r.Message.Text)
		}
	})
}

// TestSpeedEventClosedProgram: an event cannot join a closed program, and
// says so in words about events, not offers.
func TestSpeedEventClosedProgram(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("alice", `admin program create "Old" start:2026-11-03 end:2027-01-31`)
	h.ClickReply("alice", h.Run("alice", "admin program close old"), "Yes, close it")
	r := h.Run("alice", `admin event "Speed" rounds:2 minutes:15 start:2026-11-20T18:00 channel:#general program:old`)
	if r.Message.Text != "The program “Old” is closed: an event can no longer join it. Open the event without `program:`, or in an open program." {
		t.Fatalf("got %q", r.Message.Text)
	}
}

// TestSpeedRegistrationInStatus: a member's status names the live events
// they registered for, and on which side; not a cancelled one.
func TestSpeedRegistrationInStatus(t *testing.T) {
	h, reg := speedHarness(t, "")
	click(h, "max", reg, 0)
	MustContain(t, h.Run("max", "status"), "Registered as a mentor for the speed-mentoring event “Speed test”, on 2 November 2026 at 10:00 (UTC).")
	h.ClickReply("alice", h.Run("alice", `admin events cancel "Speed test"`), "Cancel the event")
	if r := h.Run("max", "status"); strings.Contains(r.Message.Text, "Speed test") {
		t.Fatalf("a cancelled event is still in status: %q", r.Message.Text)
	}
}
