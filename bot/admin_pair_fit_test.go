package bot_test

import (
	"context"
	"strings"
	"testing"
)

// TestAdminPairTimezoneAndLanguage: a manager's pair of two members more
// hours apart than max-tz-hours, or who share no language, is asked
// about first, in English and in French, like the matcher's other
// reasons; confirm:yes pairs them.
func TestAdminPairTimezoneAndLanguage(t *testing.T) {
	ctx := context.Background()
	pairs := func(t *testing.T, h *adminHarness, user string) int {
		t.Helper()
		ps, err := h.Store.PairsOf(ctx, h.Tenant.Member(user))
		if err != nil {
			t.Fatal(err)
		}
		return len(ps)
	}
	t.Run("Timezone", func(t *testing.T) {
		h := MustAdminHarness(t)
		h.Run("alice", "admin settings max-tz-hours:3")
		h.Run("erin", "offer go tz:Europe/London")
		h.Run("kim", "request go tz:Asia/Seoul")
		r := h.Run("alice", "admin pair @erin @kim")
		want := "The matcher would not pair Erin with Kim on its own:\n" +
			"• Erin and Kim are 9 hours apart, more than the 3 hours this workspace allows\n\n" +
			"Pair them anyway on “go”? Nothing changes until you click."
		if r.Message.Text != want {
			t.Fatalf("got %q, want %q", r.Message.Text, want)
		}
		h.Run("alice", "lang fr")
		r = h.Run("alice", "admin pair @erin @kim")
		MustContain(t, r, "• Erin et Kim ont 9\u00a0h de décalage, plus que les 3\u00a0h que permet cet espace de travail\n")
		if n := pairs(t, h, "kim"); n != 0 {
			t.Fatalf("got %d pairs, want none before confirming", n)
		}
		r = h.Run("alice", "admin pair @erin @kim confirmer:oui")
		if !strings.HasPrefix(r.Message.Text, "C'est fait\u202f: Erin sera le mentor de Kim sur «\u202fgo\u202f».") {
			t.Fatalf("got %q", r.Message.Text)
		}
	})
	t.Run("Language", func(t *testing.T) {
		h := MustAdminHarness(t)
		h.Run("zed", "offer cuisine languages:fr")
		h.Run("jules", "request cuisine languages:en")
		r := h.Run("alice", "admin pair @zed @jules cuisine")
		MustContain(t, r, "• Zed and Jules share no language: Zed speaks French, Jules English\n")
		h.Run("alice", "lang fr")
		r = h.Run("alice", "admin pair @zed @jules cuisine")
		MustContain(t, r, "• Zed et Jules n'ont aucune langue en commun\u202f: Zed parle français, Jules anglais\n")
		if n := pairs(t, h, "jules"); n != 0 {
			t.Fatalf("got %d pairs, want none before confirming", n)
		}
		h.Run("alice", "lang en")
		r = h.Run("alice", "admin pair @zed @jules cuisine confirm:yes")
		if !strings.HasPrefix(r.Message.Text, "Done: Zed will mentor Jules on “cuisine”.") {
			t.Fatalf("got %q", r.Message.Text)
		}
	})
	t.Run("UnknownTimezone", func(t *testing.T) {
		h := MustAdminHarness(t)
		h.Run("alice", "admin settings max-tz-hours:3")
		h.Run("erin", "offer go tz:Europe/London")
		r := h.Run("alice", "admin pair @erin @kim go")
		if !strings.HasPrefix(r.Message.Text, "Done: Erin will mentor Kim on “go”.") {
			t.Fatalf("got %q, want a pair at once: Kim's time zone is unknown", r.Message.Text)
		}
	})
}
