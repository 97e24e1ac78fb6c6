package bot_test

import (
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// TestStatusPairsInAndOutOfPrograms: a mentor with a pair in a program and
// one outside any is not told that their pairs belong to the program:
// each program says how many, and so do those outside, in English and
// French. A member whose pairs are all in programs reads where they
// belong, in the singular for one pair.
func TestStatusPairsInAndOutOfPrograms(t *testing.T) {
	h := MustAdminHarness(t)
	mustOfficial(h.Harness, "bob", "offer go capacity:3", "ann", "request go kind:one-to-one") // before any program
	MustContain(t, h.Run("alice", `admin program create "Spring" kind:one-to-one start:2026-11-02 end:2027-06-30`), "Program “Spring” created")
	mustOfficial(h.Harness, "bob", "offer go capacity:3 program:spring", "dan", "request go kind:one-to-one program:spring")
	s := h.Run("bob", "status").Message.Text
	MustLines(t, s, "Your pairs: 1 in “Spring” and 1 outside programs.")
	if strings.Contains(s, "belong") {
		t.Errorf("got %q, want no program said of every pair", s)
	}
	h.Run("bob", "lang fr")
	MustLines(t, h.Run("bob", "statut").Message.Text, "Vos binômes\u202f: 1 dans «\u202fSpring\u202f» et 1 hors programme.")
	MustLines(t, h.Run("dan", "status").Message.Text, "Your pair belongs to: “Spring”.")
	if s := h.Run("ann", "status").Message.Text; strings.Contains(s, "Spring") {
		t.Errorf("got %q, want no program line for a pair outside programs", s)
	}
}

// TestReinviteProgressCommandInFrench: the re-invitations' progress tells
// a French manager a command written in French words only, which runs.
func TestReinviteProgressCommandInFrench(t *testing.T) {
	h := MustAdminHarness(t)
	mustOfficial(h.Harness, "bob", "offer go", "ann", "request go kind:one-to-one")
	mustSayMet(t, h.Harness, "ann")
	clickIn(h.Harness, "bob", h.Run("bob", "end"), bot.ActionEndConfirm) // a past mentor once the pair (which met) has ended
	h.Run("alice", "lang fr")
	h.Run("alice", `admin programme créer "Mentorat 2027" début:2027-03-01 fin:2027-06-30`)
	MustTick(t, h.Harness, time.Minute)
	var progress string
	for _, m := range h.Platform.To("alice") {
		if strings.Contains(m.Text, "Terminé.") {
			progress = m.Text
		}
	}
	const command = "/mentor admin programme voir \"Mentorat 2027\""
	if !strings.Contains(progress, "Terminé. Celles et ceux qui ont dit oui sont comptés dans `"+command+"`.") {
		t.Fatalf("got progress %q, want the command in French: %s", progress, command)
	}
	MustContain(t, h.Run("alice", strings.TrimPrefix(command, "/mentor ")), "Mentorat 2027 (`mentorat-2027`)")
	// The other hints of the program command, in French words too.
	MustContain(t, h.Run("alice", "admin programme créer"), "Donnez un nom au programme\u202f: `/mentor admin programme créer")
}
