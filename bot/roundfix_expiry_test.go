package bot_test

import (
	"strings"
	"testing"
	"time"
)

// TestTwoExpiriesOneMessage: two proposals expire in the same tick, each
// freeing a slot that the other's request may take. Each mentee gets one
// message, the expiry's, saying another mentor was asked; none reads
// "Good news…" (for a request that was waiting) before it. In French too.
func TestTwoExpiriesOneMessage(t *testing.T) {
	for _, tc := range []struct{ lang, want, not string }{
		{"en", "The mentor I asked about “go” couldn't answer in time, so I've asked another mentor who fits.", "Good news"},
		{"fr", "n'a pas pu répondre à temps", "Bonne nouvelle"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			h := MustHarness(t)
			h.Run("dan", "lang "+tc.lang)
			h.Run("erin", "lang "+tc.lang)
			h.Run("bob", "offer go capacity:1 languages:en,fr")
			h.Run("carol", "offer go capacity:1 languages:en,fr")
			h.Run("dan", "request go")
			h.Clock.Advance(time.Minute)
			h.Run("erin", "request go")
			h.Platform.Take()
			MustTick(t, h, 49*time.Hour)
			for _, who := range []string{"dan", "erin"} {
				var got []string
				for _, m := range h.Platform.To(who) {
					got = append(got, m.Text)
				}
				if len(got) != 1 || !strings.Contains(got[0], tc.want) || strings.Contains(got[0], tc.not) {
					t.Errorf("%s got %q, want one message with %q", who, got, tc.want)
				}
			}
		})
	}
}
