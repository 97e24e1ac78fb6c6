package bot_test

import (
	"strings"
	"testing"
)

// TestFairnessHeldRequests: three requests are filed on 2 November for a
// program that starts on 10 November. The digest of 16 November reads
// the weeks to 8 November: no request was open to the matching in them,
// and the held ones are not counted there (their kick-off came after),
// which the held line says rather than "counted above". The digest of 23
// November reads the weeks to 15 November, with the kick-off: the three
// count in the shares from it, and the line under the total says so.
func TestFairnessHeldRequests(t *testing.T) {
	h := mustProgramHarness(t)
	for _, u := range []string{"dan", "erin", "fay"} {
		h.Run(u, "request go program:mentorat-2027")
	}
	for day := 3; day <= 16; day++ { // a day at a time, as ticks come
		h.At(day, 9, 0)
	}
	text := h.Run("alice", "admin stats").Message.Text
	MustLines(t, text,
		"Requests made from 12 October 2026 to 8 November 2026 (4 weeks), matched within 7 days:",
		"• No request open to the matching in these weeks.",
		"• Requests filed for a program that had not started (not counted in these weeks: such a request counts from its program's kick-off): 3")
	if strings.Contains(text, "counted above") {
		t.Errorf("got %s\nwant no word of requests counted above", text)
	}
	h.Run("alice", "lang fr")
	MustLines(t, h.Run("alice", "admin stats").Message.Text,
		"• Aucune demande ouverte à la mise en relation sur ces semaines.",
		"• Demandes déposées pour un programme pas encore lancé (non comptées sur ces semaines\u202f: une telle demande compte à partir du lancement de son programme)\u202f: 3")
	for day := 17; day <= 23; day++ {
		h.At(day, 9, 0)
	}
	MustLines(t, h.Run("alice", "admin stats").Message.Text,
		"• Toutes les demandes\u202f: 0 sur 3 (0\u00a0%)",
		"• Dont demandes comptées à partir du lancement de leur programme, non de leur dépôt\u202f: 3",
		"• Demandes déposées pour un programme pas encore lancé (une telle demande compte à partir du lancement de son programme, non de son dépôt)\u202f: 3")
	h.Run("alice", "lang en")
	MustLines(t, h.Run("alice", "admin stats").Message.Text,
		"• All requests: 0 of 3 (0%)",
		"• Of which counted from their program's kick-off, not from their filing: 3",
		"• Requests filed for a program that had not started (such a request counts from its program's kick-off, not from its filing): 3")
}
