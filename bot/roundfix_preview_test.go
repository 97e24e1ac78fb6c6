package bot_test

import (
	"context"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// TestRoundLeftTakenCounts: a request the round leaves waiting because
// its only mentor goes to another request is said so of one mentor and
// one request, in English and French.
func TestRoundLeftTakenCounts(t *testing.T) {
	h := mustProgramHarness(t)
	h.Run("bob", "offer go, rust capacity:1 program:mentorat-2027")
	h.Run("dan", "request go program:mentorat-2027")
	h.Run("erin", "request rust program:mentorat-2027")
	r := h.Run("alice", "admin match program:mentorat-2027")
	MustLines(t, r.Message.Text,
		"• Erin, “rust”, less than a day: The mentor for “rust” who could take it is taken by another request in this round (a better fit, a longer wait, or a tie).")
	h.Run("alice", "lang fr")
	r = h.Run("alice", "admin vague programme:mentorat-2027")
	MustLines(t, r.Message.Text,
		"• Erin, «\u202frust\u202f», moins d'un jour\u202f: le mentor de «\u202frust\u202f» qui pourrait la prendre est pris par une autre demande dans cette vague (meilleure correspondance, attente plus longue ou égalité).")
	t.Run("Plural", func(t *testing.T) {
		h := mustProgramHarness(t)
		h.Run("bob", "offer go capacity:1 program:mentorat-2027")
		h.Run("carl", "offer go capacity:1 program:mentorat-2027")
		h.Run("dan", "request go program:mentorat-2027")
		h.Run("fred", "request go program:mentorat-2027")
		h.Clock.Advance(time.Minute) // erin waited least: she is left
		h.Run("erin", "request go program:mentorat-2027")
		r := h.Run("alice", "admin match program:mentorat-2027")
		MustLines(t, r.Message.Text,
			"• Erin, “go”, less than a day: The mentors for “go” who could take it are taken by other requests in this round (a better fit, a longer wait, or a tie).")
	})
}

// TestRoundLeftNoSharedLanguage: the mentor with room left after the
// round shares no language with the request left waiting; only the one
// who could have taken it is said to be taken.
func TestRoundLeftNoSharedLanguage(t *testing.T) {
	h := mustProgramHarness(t)
	for _, u := range []string{"bob", "dan", "erin"} {
		h.Run(u, "lang fr")
	}
	h.Run("bob", "offer go, rust capacity:1 program:mentorat-2027")
	h.Run("carol", "offer go program:mentorat-2027") // English only, with room
	h.Run("dan", "request go program:mentorat-2027")
	h.Run("erin", "request go program:mentorat-2027")
	h.Run("alice", "lang fr")
	r := h.Run("alice", "admin vague programme:mentorat-2027")
	MustLines(t, r.Message.Text,
		"• Erin, «\u202fgo\u202f», moins d'un jour\u202f: le mentor de «\u202fgo\u202f» qui pourrait la prendre est pris par une autre demande dans cette vague (meilleure correspondance, attente plus longue ou égalité). "+
			"Parmi les mentors qui ont encore une place libre après cette vague\u202f: le mentor de «\u202fgo\u202f» ne parle pas sa langue.")
	h.Run("alice", "lang en")
	r = h.Run("alice", "admin match program:mentorat-2027")
	MustLines(t, r.Message.Text,
		"• Erin, “go”, less than a day: The mentor for “go” who could take it is taken by another request in this round (a better fit, a longer wait, or a tie). "+
			"Of the mentors with a free slot after this round: The mentor for “go” doesn't speak their language.")
}

// TestRoundCancelTwice: a second click on Cancel says the preview was
// discarded already; the hints after a cancel give the program's option
// for a program's preview, in the reader's language.
func TestRoundCancelTwice(t *testing.T) {
	h := mustProgramHarness(t)
	h.Run("bob", "offer go capacity:1 program:mentorat-2027")
	h.Run("dan", "request go program:mentorat-2027")
	h.Run("alice", "lang fr")
	preview := h.Run("alice", "admin vague programme:mentorat-2027")
	MustContain(t, h.ClickReply("alice", preview, "Annuler"), "Aperçu annulé")
	MustContain(t, h.ClickReply("alice", preview, "Annuler"),
		"Cet aperçu a déjà été annulé\u202f: rien n'a été envoyé. Tapez `/mentor admin vague programme:mentorat-2027` pour en voir un nouveau.")
	send := preview.Message.Buttons[0]
	MustContain(t, h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("alice"), ActionID: send.ActionID, Value: send.Value}),
		"Tapez `/mentor admin vague programme:mentorat-2027` pour en voir un nouveau.")
	h.Run("alice", "lang en")
	MustContain(t, h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("alice"), ActionID: send.ActionID, Value: send.Value}),
		"Type `/mentor admin match program:mentorat-2027` for a new one.")
	cancel := preview.Message.Buttons[1]
	MustContain(t, h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("alice"), ActionID: cancel.ActionID, Value: cancel.Value}),
		"This preview was already discarded: nothing was sent.")
	t.Run("WholePool", func(t *testing.T) {
		h := mustRoundPool(t)
		preview := h.Run("alice", "admin match")
		h.ClickReply("alice", preview, "Cancel")
		MustContain(t, h.ClickReply("alice", preview, "Cancel"),
			"This preview was already discarded: nothing was sent. Type `/mentor admin match` for a new one.")
		r := h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("alice"), ActionID: preview.Message.Buttons[0].ActionID, Value: preview.Message.Buttons[0].Value})
		MustContain(t, r, "Type `/mentor admin match` for a new one.")
	})
}
