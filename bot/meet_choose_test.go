package bot_test

import (
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestMeetChoosesByButton: /mentor meet from a mentor of two pairs names
// them and offers a button each, in the reader's language, as /mentor
// goals does; a button sends new times to its pair.
func TestMeetChoosesByButton(t *testing.T) {
	h := MustHarness(t)
	h.Run("carol", "lang fr")
	mustOfficial(h, "carol", "propose go capacité:2 langues:fr,en", "dan", "request go kind:one-to-one")
	mustOfficial(h, "carol", "propose go capacité:2 langues:fr,en", "erin", "request go kind:one-to-one")
	inbox(h)
	r := h.Run("carol", "rdv")
	MustContain(t, r, "Vous avez plusieurs binômes, avec Dan («\u202fgo\u202f») et Erin («\u202fgo\u202f»)\u202f: pour lequel souhaitez-vous de nouveaux créneaux\u202f?")
	if len(r.Message.Buttons) != 2 || r.Message.Buttons[1].Label != "Nouveaux créneaux avec Erin («\u202fgo\u202f»)" || r.Message.Buttons[1].ActionID != bot.ActionMeetOther {
		t.Fatalf("got buttons %+v, want one per pair", r.Message.Buttons)
	}
	b := r.Message.Buttons[1]
	got := h.Bot.HandleAction(t.Context(), bot.Action{Member: h.Tenant.Member("carol"), ActionID: b.ActionID, Value: b.Value})
	MustContain(t, got, bot.T(bot.French, "meet.sent"))
	erin := false
	for _, m := range inbox(h) {
		to, _, _ := strings.Cut(m, ":")
		if strings.Contains(to, "dan") {
			t.Fatalf("got %q, want new times for Erin's pair only", m)
		}
		erin = erin || strings.Contains(to, "erin")
	}
	if !erin {
		t.Fatal("got nothing to Erin, want her pair's new times")
	}
}
