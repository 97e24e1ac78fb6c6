package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestOfferTypoNoteIsKept: the offer's note tells a mentor that mentees
// typing the right spelling would be offered their topic as a guess; a
// request on that spelling then is, with the button, which reaches them.
func TestOfferTypoNoteIsKept(t *testing.T) {
	h := MustHarness(t)
	MustContain(t, h.Run("bob", "offer kubernete, pyhton"), "Mentees who type “kubernetes” would only be offered “kubernete” as a guess.")
	r := h.Run("carol", "request kubernetes")
	MustContain(t, r, "Did you mean “kubernete” (1 mentor)?")
	if len(r.Message.Buttons) != 1 {
		t.Fatalf("got buttons %+v, want the one that changes the request", r.Message.Buttons)
	}
	b := r.Message.Buttons[0]
	MustContain(t, h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("carol"), ActionID: b.ActionID, Value: b.Value}), "I've asked a mentor")
	h.Run("dan", "lang fr")
	MustContain(t, h.Run("dan", "demande python"), "Vouliez-vous dire «\u202fpyhton\u202f»\u202f? 1 mentor parlant anglais le propose.")
}

// TestRequestOnUsualSpelling: "postgre" is "postgresql", and a request
// one edit from a usual spelling of an offered topic is asked about it.
func TestRequestOnUsualSpelling(t *testing.T) {
	h := MustHarness(t)
	h.Run("bob", "offer postgresql, go capacity:3")
	MustContain(t, h.Run("carol", "request postgre"), "I've asked a mentor")
	if r := h.Run("dan", "request golan"); !strings.Contains(r.Message.Text, "Did you mean “go” (1 mentor)?") || len(r.Message.Buttons) != 1 {
		t.Fatalf("got %+v, want go suggested with its button", r.Message)
	}
}
