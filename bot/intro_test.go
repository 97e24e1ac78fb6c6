package bot_test

import (
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestIntroBilingual: when the two members read different languages, the
// introduction says everything in both, the room's label included.
func TestIntroBilingual(t *testing.T) {
	h := MustHarness(t)
	h.Run("alice", "lang fr")
	h.Run("bob", "offer go languages:en,fr")
	h.Run("alice", "request go")
	h.Click("bob", "bob", bot.ActionProposalAccept)
	h.Click("bob", "bob", bot.ActionCharterAccept)
	h.Click("alice", "alice", bot.ActionCharterAccept)
	var intro *bot.Message
	for _, s := range h.Platform.Take() {
		if s.Together {
			intro = &s.Message
		}
	}
	if intro == nil || intro.Link == nil {
		t.Fatalf("got no introduction with a room, want one")
	}
	if got, want := intro.Link.Label, "Votre salle de visioconférence / Your video-call room"; got != want {
		t.Fatalf("got room label %q, want %q", got, want)
	}
}
