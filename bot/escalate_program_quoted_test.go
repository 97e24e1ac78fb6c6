package bot_test

import (
	"strings"
	"testing"
	"time"
)

// TestEscalateQuotesProgram: the "a request waits for a mentor" alert
// writes the program's name between quotes, as every other message
// does: “Spring” in English, «\u202fPrintemps\u202f» in French.
func TestEscalateQuotesProgram(t *testing.T) {
	for _, tc := range []struct{ lang, name, want string }{
		{"en", "Spring", "Ann's request on “rust” in “Spring” has waited 7 days without a mentor."},
		{"fr", "Printemps", "La demande d'Ann sur «\u202frust\u202f» dans «\u202fPrintemps\u202f» attend un mentor depuis 7 jours."},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			h := MustAdminHarness(t)
			h.Run("alice", "admin digest-channel #managers")
			h.Run("alice", "admin settings default-lang:"+tc.lang)
			// Started already: its requests are matched at once.
			h.Run("alice", `admin program create "`+tc.name+`" kind:one-to-one start:2026-11-01 end:2027-03-31`)
			h.Run("ann", "request rust program:"+strings.ToLower(tc.name))
			h.Posting.Posts()
			var got []string
			for range 8 * 24 {
				MustTick(t, h.Harness, time.Hour)
				for _, p := range h.Posting.Posts() {
					if strings.Contains(p.Message.Text, "Ann") {
						got = append(got, p.Message.Text)
					}
				}
			}
			if len(got) != 1 || !strings.HasPrefix(got[0], tc.want) {
				t.Fatalf("got alerts %q, want one beginning %q", got, tc.want)
			}
		})
	}
}
