package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestWaitedFromKickoff: a request held for its program's kick-off has
// waited for a mentor from the kick-off that released it, as the alert
// and the fairness report count it: the kick-off round says "less than a
// day" of a request filed 8 days before, and `/mentor admin stats`, a
// week after the kick-off, says 7 days, not 15, and lists it after a
// request filed later outside the program, which has waited longer.
func TestWaitedFromKickoff(t *testing.T) {
	h := mustProgramHarness(t) // 2 November; "Mentorat 2027" starts on 10 November
	h.Run("bob", "offer go program:mentorat-2027")
	h.Run("ann", "request go program:mentorat-2027")
	h.Run("carl", "request rust program:mentorat-2027")
	h.At(5, 9, 0)
	h.Run("dan", "request haskell")
	h.Platform.Take()
	h.Posting.Posts()
	h.At(10, 0, 1)
	post := mustPost(t, h)
	if !strings.Contains(post.Text, "Carl, “rust”, less than a day: ") {
		t.Fatalf("got kick-off round %q, want Carl's wait counted from the kick-off", post.Text)
	}
	send := post.Buttons[0]
	MustContain(t, h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("alice"), ActionID: send.ActionID, Value: send.Value}), "Sent 1 proposal")
	h.At(17, 1, 0)
	text := h.Run("alice", "admin stats").Message.Text
	dan, carl := strings.Index(text, "Dan, “haskell”, 11 days: "), strings.Index(text, "Carl, “rust”, 7 days: ")
	if dan < 0 || carl < 0 || dan > carl {
		t.Fatalf("got stats %q, want Dan (11 days) then Carl (7 days, from the kick-off)", text)
	}
	// The alert of the same hour says the same.
	for _, p := range h.Posting.Posts() {
		if strings.HasPrefix(p.Message.Text, "Carl's request") && !strings.Contains(p.Message.Text, "has waited 7 days") {
			t.Fatalf("got alert %q, want 7 days", p.Message.Text)
		}
	}
	// The manager's round preview counts alike.
	MustContain(t, h.Run("alice", "admin match"), "Carl, “rust”, 7 days: ")
}
