package discord_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/mentorbot/mentorbot/adapters/discord"
	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
	"github.com/mentorbot/mentorbot/bot"
)

// keeper keeps deferred interactions in memory, as the bot does in Redis
// (Config.Keep and Config.Forget). wrong counts the interactions
// forgotten as another member than the one they were kept for: the store
// takes a kept interaction out of that member's index (bot.Bot.Handled).
type keeper struct {
	mu             sync.Mutex
	kept           map[string][]byte
	whose          map[string]bot.MemberID
	keeps, forgets int
	wrong          int
}

func (k *keeper) Keep(_ context.Context, who bot.MemberID, key string, data []byte) (bool, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if _, ok := k.kept[key]; ok {
		return false, nil
	}
	k.kept[key] = data
	if k.whose == nil {
		k.whose = map[string]bot.MemberID{}
	}
	k.whose[key] = who
	k.keeps++
	return true, nil
}

func (k *keeper) Forget(_ context.Context, who bot.MemberID, key string) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	delete(k.kept, key)
	if w, ok := k.whose[key]; ok && w != who {
		k.wrong++
	}
	k.forgets++
	return nil
}

func (k *keeper) snapshot() (kept [][]byte, keeps, forgets int) {
	k.mu.Lock()
	defer k.mu.Unlock()
	for _, v := range k.kept {
		kept = append(kept, v)
	}
	return kept, k.keeps, k.forgets
}

// stuck is the core stuck on its first command, as a replica that dies
// after deferring: that command never completes.
type stuck struct {
	discord.Handler
	once sync.Once
	gate chan struct{}
}

func (s *stuck) HandleCommand(ctx context.Context, c bot.Command) bot.Reply {
	first := false
	s.once.Do(func() { first = true })
	if first {
		<-s.gate
	}
	return s.Handler.HandleCommand(ctx, c)
}

// TestDeferredKept: an interaction whose reply is deferred is kept before
// the deferral and forgotten once its reply is edited in; one whose
// replica never answers it (its core stuck, as a replica that died) is
// redelivered from what was kept, and its member reads the reply, in
// French, in the deferred response.
func TestDeferredKept(t *testing.T) {
	k := &keeper{kept: map[string][]byte{}}
	withKeeper := func(o *HarnessOptions) { o.Config.Keep, o.Config.Forget = k.Keep, k.Forget }
	t.Run("AnsweredThenForgotten", func(t *testing.T) {
		h, slow := MustSlowHarness(t, withKeeper)
		h.MustOffer(t, mentor1, "go")
		slow.Delay.Store(int64(150e6))
		p := discordtest.Command(testApp, h.Guild, mentee, "status")
		if r := h.Client.Send(t, p); r.Type != discordtest.DeferredMessage {
			t.Fatalf("got type %d, want a deferral", r.Type)
		}
		h.REST.WaitFor(t, "the edit", func() bool { return len(h.REST.Edits(p.Token())) == 1 })
		h.REST.WaitFor(t, "the forget", func() bool {
			kept, keeps, forgets := k.snapshot()
			return len(kept) == 0 && keeps > 0 && keeps == forgets
		})
		k.mu.Lock()
		wrong := k.wrong
		k.mu.Unlock()
		if wrong != 0 {
			t.Fatalf("got %d interactions forgotten as another member than the one they were kept for, want none", wrong)
		}
	})
	t.Run("StuckThenRedelivered", func(t *testing.T) {
		s := &stuck{gate: make(chan struct{})}
		h := MustHarness(t, withKeeper, func(o *HarnessOptions) {
			o.Config.AnswerWithin = 50e6
			o.Wrap = func(h discord.Handler) discord.Handler { s.Handler = h; return s }
		})
		t.Cleanup(func() { close(s.gate) }) // before the adapter closes
		p := discordtest.Command(testApp, h.Guild, mentee, "status").WithLocale("fr")
		if r := h.Client.Send(t, p); r.Type != discordtest.DeferredMessage {
			t.Fatalf("got type %d, want a deferral", r.Type)
		}
		var data []byte
		h.REST.WaitFor(t, "the kept interaction", func() bool {
			kept, _, _ := k.snapshot()
			for _, d := range kept {
				if strings.Contains(string(d), p.ID()) {
					data = d
				}
			}
			return data != nil
		})
		if strings.Contains(h.Log.String(), p.Token()) {
			t.Fatal("got the interaction's token in the log")
		}
		if err := h.Adapter.Redeliver(context.Background(), h.Member(mentee).Tenant(), data); err != nil {
			t.Fatal(err)
		}
		edits := h.REST.Edits(p.Token())
		if len(edits) != 1 || !strings.Contains(edits[0].Text(), "Votre mentorat") {
			t.Fatalf("got edits %v, want the status in French edited into the deferred response", edits)
		}
	})
}
