package bot_test

import (
	"strings"
	"testing"
)

// TestAnnounceReinvitesOnlyPastMentors: the announce reply names, as past
// mentors to re-invite, only paused mentors who mentored here (a pair
// introduced with them as mentor), not a paused offer that never led to a
// pair.
func TestAnnounceReinvitesOnlyPastMentors(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("carol", "offer go")
	h.Run("carol", "pause")
	t.Run("NeverMentored", func(t *testing.T) {
		for _, lang := range []string{"en", "fr"} {
			h.Run("alice", "lang "+lang)
			text := h.Run("alice", "admin announce #general").Message.Text
			if strings.Contains(text, "Carol") || strings.Contains(text, "re-invite:") || strings.Contains(text, "à réinviter") {
				t.Fatalf("%s: got %q, want no past mentor to re-invite", lang, text)
			}
		}
		h.Run("alice", "lang en")
	})
	t.Run("Mentored", func(t *testing.T) {
		h.Run("bob", "offer rust")
		h.Run("dave", "request rust")
		h.Click("bob", "bob", "Accept")
		h.Click("bob", "bob", "I accept the charter")
		h.Click("dave", "dave", "I accept the charter")
		h.Run("bob", "pause")
		MustContain(t, h.Run("alice", "admin announce #general"), "Past mentors whose offer is paused, to re-invite: Bob.")
	})
}
