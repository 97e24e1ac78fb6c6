package bot_test

import (
	"strings"
	"testing"
)

// TestDigestTopicOneName: a topic requested as a mentee typed it
// ("Developpement web", "réseau", or "webdev", the workspace's alias of
// "développement web") is counted and named as the matcher reads it and
// as the mentors spell it, in the topics requested and in the waiting
// list with its reason; it is not a second topic beside the one on
// offer.
func TestDigestTopicOneName(t *testing.T) {
	h := MustAdminHarness(t)
	MustContain(t, h.Run("alice", "admin topics alias webdev = développement web"), "webdev")
	h.Run("carol", "offer développement web, réseaux")
	// Carol speaks no French: the requests wait.
	h.Run("max", "request Developpement web languages:fr")
	h.Run("grace", "request réseau languages:fr")
	h.Run("ida", "request webdev languages:fr")
	h.Clock.Advance(7 * 24 * 3600e9)
	text := h.Run("alice", "admin stats").Message.Text
	MustLines(t, text, "On offer (mentors per topic): développement web (1), réseaux (1)")
	if !strings.Contains(text, "Requested in the week: développement web (2), réseaux (1)") {
		t.Fatalf("got %q, want the topics requested named as on offer", text)
	}
	for _, who := range []string{"Max", "Ida"} {
		if !strings.Contains(text, "• "+who+", “développement web”, 7 days: ") {
			t.Fatalf("got %q, want %s's request named as on offer", text, who)
		}
	}
	if strings.Contains(text, "Developpement") || strings.Contains(text, "webdev") {
		t.Fatalf("got %q, want no second name of the topic", text)
	}
}
