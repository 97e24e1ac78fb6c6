package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// TestWaitingProgramNamed: a request of the default program whose topic's
// mentors are all in a program not started yet (asked by the form,
// which named no program) is told where they are and how to move it,
// in the reply, the status and in both languages; the commands given
// work; the managers' alert says the mentors are in that program, not
// "find someone who offers this topic".
func TestWaitingProgramNamed(t *testing.T) {
	const move = "This mentor is in “Mentorat 2027”: to move your request there, type `/mentor cancel`, then `/mentor request go program:mentorat-2027`."
	t.Run("English", func(t *testing.T) {
		h := mustProgramHarness(t)
		h.Run("bob", "offer go program:mentorat-2027")
		r := h.Run("dave", "request go")
		MustContain(t, r, "A mentor offers “go”, but only in another program for now. "+move)
		if status := h.Run("dave", "status"); !strings.Contains(status.Message.Text, move) {
			t.Fatalf("got status %q, want %q", status.Message.Text, move)
		}
		h.Run("dave", "cancel")
		MustContain(t, h.Run("dave", "request go program:mentorat-2027"), "Your request on “go” is saved in “Mentorat 2027”.")
	})
	t.Run("French", func(t *testing.T) {
		h := mustProgramHarness(t)
		h.Run("bob", "offer go program:mentorat-2027")
		h.Run("dave", "lang fr")
		want := "Ce mentor est dans «\u202fMentorat 2027\u202f»\u202f: pour y déplacer votre demande, tapez `/mentor annuler`, puis `/mentor demande go programme:mentorat-2027`."
		MustContain(t, h.Run("dave", "demande go"), want)
		if status := h.Run("dave", "statut"); !strings.Contains(status.Message.Text, want) {
			t.Fatalf("got status %q, want %q", status.Message.Text, want)
		}
		h.Run("dave", "annuler")
		MustContain(t, h.Run("dave", "demande go programme:mentorat-2027"), "«\u202fMentorat 2027\u202f»")
	})
	t.Run("ToTheDefaultProgram", func(t *testing.T) {
		h := mustProgramHarness(t)
		h.Run("carl", "offer go") // before the start: the default program
		h.At(10, 0, 1)            // started, with nothing held: requests are matched as they come
		MustContain(t, h.Run("ann", "request go program:mentorat-2027"),
			"This mentor is in the default program: to move your request there, type `/mentor cancel`, then `/mentor request go program:default`.")
	})
	t.Run("Digest", func(t *testing.T) {
		// The weekly digest names the program as the member and the alert
		// do, in the workspace's language.
		for _, tc := range []struct{ lang, want string }{
			{"en", "“go”, less than a day: A mentor offers “go”, but only in “Mentorat 2027” for now."},
			{"fr", "«\u202fgo\u202f», moins d'un jour\u202f: un mentor propose «\u202fgo\u202f», mais seulement dans «\u202fMentorat 2027\u202f» pour l'instant."},
		} {
			h := mustProgramHarness(t)
			h.Run("alice", "admin settings default-lang:"+tc.lang)
			h.Run("bob", "offer go program:mentorat-2027")
			h.Run("dave", "request go")
			msg, _, err := h.Bot.Digest(context.Background(), h.Tenant, h.Clock.Now())
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(msg.Text, tc.want) {
				t.Errorf("got digest %q, want dave's request told %q", msg.Text, tc.want)
			}
		}
	})
	t.Run("Escalated", func(t *testing.T) {
		h := mustProgramHarness(t)
		h.Run("bob", "offer go program:mentorat-2027")
		h.Run("dave", "request go")
		h.Posting.Posts()
		h.At(9, 10, 0) // filed on 2 November: escalated 7 days later, before the program starts
		var got []string
		for _, p := range h.Posting.Posts() {
			if p.Message.Title == "A request is waiting for a mentor" {
				got = append(got, p.Message.Text)
			}
		}
		want := "Dave's request on “go” has waited 7 days without a mentor. The mentor of this topic who could take it is in “Mentorat 2027”, not in the default program: " +
			"Dave can move the request there with `/mentor cancel`, then `/mentor request go program:mentorat-2027`; or you can pair them by hand with `/mentor admin pair`."
		if len(got) != 1 || got[0] != want {
			t.Fatalf("got alerts %q, want %q", got, want)
		}
	})
}

// TestWaitingProgramOnlyWhereItCouldMove: the "other programs" reason
// counts only the offers that could take the request if it moved: not
// those of a closed program (paused at its end), which are told as
// paused, in the member's status and in the weekly digest alike, and not
// a paused offer of a program still open.
func TestWaitingProgramOnlyWhereItCouldMove(t *testing.T) {
	t.Run("ClosedProgram", func(t *testing.T) {
		h := mustProgramHarness(t)
		ctx := context.Background()
		h.Run("bob", "offer go program:mentorat-2027")
		MustContain(t, h.Run("dave", "request go"), "but only in another program")
		ask := h.Run("alice", "admin program close mentorat-2027").Message.Buttons[0]
		h.Bot.HandleAction(ctx, bot.Action{Member: h.Tenant.Member("alice"), ActionID: ask.ActionID, Value: ask.Value})
		MustTick(t, h.Harness, time.Minute) // the end runs as a job: bob's offer is paused
		const want = "1 mentor offers “go”, but their offer is paused for now."
		status := h.Run("dave", "status").Message.Text
		if strings.Contains(status, "program") || !strings.Contains(status, want) {
			t.Fatalf("got status %q, want %q and no other program", status, want)
		}
		msg, _, err := h.Bot.Digest(ctx, h.Tenant, h.Clock.Now().Add(7*24*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(msg.Text, "other program") || !strings.Contains(msg.Text, "“go”, 7 days: "+want) {
			t.Fatalf("got digest %q, want dave's request told %q", msg.Text, want)
		}
	})
	t.Run("PausedInOpenProgram", func(t *testing.T) {
		h := mustProgramHarness(t)
		h.Run("bob", "offer go program:mentorat-2027")
		h.Run("bob", "pause")
		r := h.Run("dave", "request go")
		if strings.Contains(r.Message.Text, "program") {
			t.Fatalf("got %q, want no other program: bob's offer is paused", r.Message.Text)
		}
		if status := h.Run("dave", "status").Message.Text; strings.Contains(status, "program") {
			t.Fatalf("got status %q, want no other program", status)
		}
	})
}
