package bot_test

import (
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/store/storetest"
)

// TestPairedReversedNotProposed: a mentor who asks for help on the topic
// of one of their pairs is not proposed their own mentee on it, by the
// instant proposal nor by the sweep: the two are a pair on it already,
// the other way round. A manager's pair refuses the same.
func TestPairedReversedNotProposed(t *testing.T) {
	for _, b := range storetest.Backends() {
		t.Run(b.Name, func(t *testing.T) {
			h := MustHarnessOn(t, b)
			mustPairOn(t, h, "bob", "ann", "rust", true)
			h.Run("ann", "offer rust")
			h.Platform.Take()
			MustContain(t, h.Run("bob", "request Rust kind:one-to-one"), "already has a pair with you on this topic")
			MustTick(t, h, time.Hour)
			MustTick(t, h, time.Hour)
			for _, s := range inbox(h) {
				if strings.HasPrefix(s, "ann: Mentoring request") {
					t.Fatalf("got %q, want ann not proposed to mentor her own mentor on rust", s)
				}
			}
		})
	}
}
