package bot_test

import (
	"context"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
	"github.com/mentorbot/mentorbot/store/inmem"
)

// takenLate is a platform that takes every message, but answers the
// sends to one member too late while late is set, as Slack answering
// after the client's timeout: the error says the message may have gone
// out (bot.MaybeSent). It can tell what reached whom (bot.Verifier).
type takenLate struct {
	*bottest.Platform
	mu   sync.Mutex
	late string // the member whose sends are answered late
	hits int
}

type lateAnswer struct{}

func (lateAnswer) Error() string   { return "written in full, no answer" }
func (lateAnswer) MaybeSent() bool { return true }

func (p *takenLate) Send(ctx context.Context, to bot.MemberID, msg bot.Message) error {
	if err := p.Platform.Send(ctx, to, msg); err != nil {
		return err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if to.User == p.late && p.hits < 2 {
		p.hits++
		return &bot.Error{Code: bot.EUNAVAILABLE, Err: lateAnswer{}}
	}
	return nil
}

func (p *takenLate) Delivered(ctx context.Context, to bot.MemberID, key string) (bool, error) {
	for _, m := range p.To(to.User) {
		if m.Delivery == key {
			return true, nil
		}
	}
	return false, nil
}

// TestNoticeMaybeSentNotRepeated: a mentee's notices that the platform
// took but answered too late are not sent to them a second time by the
// jobs that retry them: each carries a delivery key, and the retry asks
// the platform first. Before, every such notice reached the member twice.
func TestNoticeMaybeSentNotRepeated(t *testing.T) {
	clock := bot.NewManualClock(bottest.Start)
	st := inmem.New(clock.Now)
	h := bottest.New(t, st, bot.Tenant{Platform: "test", Workspace: "W1"}, bot.Config{})
	h.Clock = clock
	p := &takenLate{Platform: h.Platform, late: "alice"}
	h.Bot = bot.New(bot.Config{}, st, clock, rand.NewChaCha8([32]byte{7}), nil)
	h.Bot.Register("test", p)
	h.Run("bob", "offer go")
	h.Run("alice", "request go")
	h.Click("bob", "bob", "Accept")
	for range 12 {
		clock.Advance(10 * time.Minute)
		if _, err := h.Bot.TickTenants(context.Background(), h.Tenant); err != nil {
			t.Fatal(err)
		}
	}
	seen := map[string]int{}
	var texts []string
	for _, m := range p.To("alice") {
		texts = append(texts, m.Title+" | "+m.Text)
		seen[m.Title+" | "+m.Text]++
	}
	if p.hits == 0 {
		t.Fatalf("no send to alice was answered late; got:\n%s", strings.Join(texts, "\n"))
	}
	for text, n := range seen {
		if n > 1 {
			t.Errorf("got %q sent %d times to alice, want once; got:\n%s", text, n, strings.Join(texts, "\n"))
		}
	}
}
