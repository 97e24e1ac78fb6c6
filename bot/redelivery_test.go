package bot_test

import (
	"context"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestRequestRedelivered: a request command redelivered after its
// replica stopped (the same delivery) finds the request it made: the
// member reads where it stands, in their language, instead of "you
// already have a request", and nothing is made or proposed twice. The
// same words typed again (another delivery) are refused as before.
func TestRequestRedelivered(t *testing.T) {
	h := MustHarness(t)
	send := func(user, text, delivery string) bot.Reply {
		return h.Bot.HandleCommand(context.Background(), bot.Command{Member: h.Tenant.Member(user), Text: text, Delivery: delivery})
	}
	// Nobody offers rust: the request waits, and says so again.
	first := send("dan", "request rust", "d1")
	MustContain(t, first, "Nobody offers “rust” yet")
	again := send("dan", "request rust", "d1")
	if again.Message.Text != first.Message.Text {
		t.Fatalf("got %q redelivered, want the first reply %q", again.Message.Text, first.Message.Text)
	}
	MustContain(t, send("dan", "request rust", "d2"), "You already have a request on “rust”")

	// A proposal made by the first delivery is not made again.
	h.Run("carol", "offer go")
	send("erin", "lang fr", "")
	MustContain(t, send("erin", "request go languages:fr,en", "e1"), "j'ai sollicité un mentor")
	MustContain(t, send("erin", "request go languages:fr,en", "e1"), "j'ai sollicité un mentor")
	if got := len(buttonsOf(h.Platform.To("carol"), bot.ActionProposalAccept)); got != 1 {
		t.Fatalf("got %d proposals to carol, want 1", got)
	}

	// Once paired, the redelivery says so.
	h.Click("carol", "carol", bot.ActionProposalAccept)
	MustContain(t, send("erin", "request go languages:fr,en", "e1"), "Votre demande sur «\u202fgo\u202f» est bien enregistrée (binôme formé).")
}

func buttonsOf(msgs []bot.Message, action string) []bot.Button {
	var out []bot.Button
	for _, m := range msgs {
		for _, b := range m.Buttons {
			if b.ActionID == action {
				out = append(out, b)
			}
		}
	}
	return out
}

// TestPostRedelivered: a call for mentors or a needs survey redelivered
// after its replica stopped (the same delivery) is not posted twice; the
// same command typed again (another delivery) posts again.
func TestPostRedelivered(t *testing.T) {
	h := MustAdminHarness(t)
	send := func(text, delivery string) bot.Reply {
		return h.Bot.HandleCommand(context.Background(), bot.Command{Member: h.Tenant.Member("alice"), Text: text, Delivery: delivery})
	}
	for i := 0; i < 2; i++ {
		MustContain(t, send("admin announce #C7", "d1"), "Your call for mentors is posted in #C7.")
	}
	if got := len(h.Posting.Posts()); got != 1 {
		t.Fatalf("got %d calls posted for one delivery, want 1", got)
	}
	send("admin announce #C7", "d2")
	if got := len(h.Posting.Posts()); got != 1 { // Posts forgets what it returned
		t.Fatalf("got %d calls posted for another delivery, want 1", got)
	}
}
