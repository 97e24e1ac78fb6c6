package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestSuggestionInProgram: the "Did you mean …?" suggestion of a
// program's request counts only the mentors who could take it, those of
// its program, and is not made when none of them offers the close topic:
// its button would lead to "none of them in this program".
func TestSuggestionInProgram(t *testing.T) {
	t.Run("KickoffNoneInProgram", func(t *testing.T) {
		h := mustProgramHarness(t)
		h.Run("bob", "offer kubernetes languages:en,fr") // the default program
		h.Run("jules", "lang fr")
		h.Run("jules", "request kubernetess program:mentorat-2027")
		h.Platform.Take()
		h.At(10, 0, 1)
		msg := lastTo(t, h.Harness, "jules")
		want := "«\u202fMentorat 2027\u202f» a commencé, mais aucun mentor ne peut encore prendre votre demande sur «\u202fkubernetess\u202f».\n" +
			bot.T(bot.French, "waiting.topic", "topic", "kubernetess") + "\n" +
			bot.T(bot.French, "program.kickoff_queue")
		if msg.Text != want || len(msg.Buttons) != 0 {
			t.Fatalf("got %q with buttons %+v, want %q and no suggestion", msg.Text, msg.Buttons, want)
		}
	})
	t.Run("KickoffCountsProgramMentors", func(t *testing.T) {
		h := mustProgramHarness(t)
		h.Run("bob", "offer kubernetes")
		h.Run("carl", "offer kubernetes")
		h.Run("dan", "offer kubernetes program:mentorat-2027")
		h.Run("jules", "request kubernetess program:mentorat-2027")
		h.Platform.Take()
		h.At(10, 0, 1)
		msg := lastTo(t, h.Harness, "jules")
		if !strings.Contains(msg.Text, "Nobody offers “kubernetess”. Did you mean “kubernetes” (1 mentor)?") || len(msg.Buttons) != 1 {
			t.Fatalf("got %q with buttons %+v, want dan alone counted", msg.Text, msg.Buttons)
		}
		r := h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("jules"), ActionID: msg.Buttons[0].ActionID, Value: msg.Buttons[0].Value})
		MustContain(t, r, "Your request is now on “kubernetes”.")
		MustInbox(t, h.Harness, "dan: Mentoring request: kubernetes | Jules would like your help on “kubernetes”.")
	})
	t.Run("RequestNoneInProgram", func(t *testing.T) {
		h := mustProgramHarness(t)
		h.Run("carl", "offer kubernetes") // before Flash: the default program
		h.Run("alice", "admin program create Flash start:2026-11-01 end:2026-11-30")
		r := h.Run("ann", "request kubernetess program:flash")
		if len(r.Message.Buttons) != 0 || strings.Contains(r.Message.Text, "Did you mean") {
			t.Fatalf("got %q with buttons %+v, want no suggestion", r.Message.Text, r.Message.Buttons)
		}
		MustContain(t, r, "Nobody offers “kubernetess” yet.")
	})
	t.Run("RequestOtherKind", func(t *testing.T) {
		h := mustProgramHarness(t)
		h.Run("carl", "offer kubernetes kinds:reverse")
		r := h.Run("ann", "request kubernetess")
		if len(r.Message.Buttons) != 0 || strings.Contains(r.Message.Text, "Did you mean") {
			t.Fatalf("got %q with buttons %+v, want no suggestion: carl takes no one-to-one mentoring", r.Message.Text, r.Message.Buttons)
		}
	})
}

// TestWaitingProgramSingular: a request's reason names one mentor
// offering its topic outside its program in the singular, and several in
// the plural, in both languages.
func TestWaitingProgramSingular(t *testing.T) {
	h := mustProgramHarness(t)
	h.Run("carl", "offer go") // before Flash: the default program
	h.Run("alice", "admin program create Flash start:2026-11-01 end:2026-11-30")
	MustContain(t, h.Run("ann", "request go program:flash"), "A mentor offers “go”, but only in another program for now.")
	h.Run("ann", "cancel")
	h.Run("ann", "lang fr")
	MustContain(t, h.Run("ann", "request go program:flash"), "Un mentor propose «\u202fgo\u202f», mais seulement dans un autre programme pour l'instant.")
	h.Run("ann", "cancel")
	h.Run("dan", "offer go program:default")
	MustContain(t, h.Run("ann", "request go program:flash"), "Des mentors proposent «\u202fgo\u202f», mais seulement dans d'autres programmes pour l'instant.")
	h.Run("ann", "lang en")
	h.Run("ann", "cancel")
	MustContain(t, h.Run("ann", "request go program:flash"), "Mentors offer “go”, but only in other programs for now.")
}
