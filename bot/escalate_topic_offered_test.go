package bot_test

import (
	"strings"
	"testing"
	"time"
)

// TestEscalateNamesTopicAsOffered: the "a request waits for a mentor"
// alert names the topic as its mentors spell it, as the digest does,
// not as the mentee typed it: one topic, one name, for the managers.
func TestEscalateNamesTopicAsOffered(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("alice", "admin digest-channel #managers")
	h.Run("bob", "offer développement web capacity:1")
	h.Run("zed", "request développement web")
	h.Run("ann", "request Developpement web") // waits: bob's one place is taken
	h.Posting.Posts()
	var got []string
	for range 8 * 24 {
		MustTick(t, h.Harness, time.Hour)
		for _, p := range h.Posting.Posts() {
			if strings.Contains(p.Message.Text, "Ann's request") {
				got = append(got, p.Message.Text)
			}
		}
	}
	if len(got) != 1 || !strings.HasPrefix(got[0], "Ann's request on “développement web” has waited 7 days") {
		t.Fatalf("got alerts %q, want one naming “développement web”", got)
	}
}
