package bot_test

import (
	"context"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
	"github.com/mentorbot/mentorbot/store/inmem"
)

// groupVerifying is a platform that can tell whether a message tagged
// with a delivery key reached a pair's shared conversation
// (bot.PairVerifier), as Slack's group DM can.
type groupVerifying struct{ *bottest.Platform }

func (p groupVerifying) DeliveredTogether(ctx context.Context, members []bot.MemberID, key string) (bool, error) {
	for _, m := range p.To(members[0].User) {
		if m.Delivery == key {
			return true, nil
		}
	}
	return false, nil
}

// TestIntroVerifiedAfterCrash: a replica that died after it sent a pair's
// introduction, before it recorded that, leaves the introduction's mark
// pending. The retry that takes the mark over asks the platform whether
// the introduction reached the pair's conversation and does not send it
// again; a platform that cannot tell gets it again (at least once, never
// lost). Before, every such introduction reached the pair twice.
func TestIntroVerifiedAfterCrash(t *testing.T) {
	for _, tt := range []struct {
		name   string
		verify bool
		want   int
	}{{"Verified", true, 1}, {"CannotTell", false, 2}} {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			clock := bot.NewManualClock(bottest.Start)
			st := inmem.New(clock.Now)
			h := bottest.New(t, st, bot.Tenant{Platform: "test", Workspace: "W1"}, bot.Config{})
			h.Clock = clock
			h.Bot = bot.New(bot.Config{}, st, clock, rand.NewChaCha8([32]byte{7}), nil)
			var p bot.Platform = h.Platform
			if tt.verify {
				p = groupVerifying{h.Platform}
			}
			h.Bot.Register("test", p)
			h.Run("bob", "offer go")
			h.Run("carol", "request go")
			h.Click("bob", "bob", bot.ActionProposalAccept)
			pairs, err := st.PairsOf(ctx, h.Tenant.Member("carol"))
			if err != nil || len(pairs) != 1 {
				t.Fatalf("got %+v, %v: want one pair", pairs, err)
			}
			// The replica that died: it took the mark and sent the
			// introduction, tagged, and no more.
			key := bot.JobIntro + ":" + pairs[0].ID
			if _, err := st.MarkSent(ctx, h.Tenant, key, time.Minute); err != nil {
				t.Fatal(err)
			}
			members := []bot.MemberID{pairs[0].Mentor, pairs[0].Mentee}
			if err := h.Platform.Introduce(ctx, members, bot.Message{Title: "Introduction: go", Delivery: key}); err != nil {
				t.Fatal(err)
			}
			clock.Advance(2 * time.Minute) // its lease runs out
			h.Click("bob", "bob", bot.ActionCharterAccept)
			h.Click("carol", "carol", bot.ActionCharterAccept)
			for range 3 {
				clock.Advance(10 * time.Minute)
				if _, err := h.Bot.TickTenants(ctx, h.Tenant); err != nil {
					t.Fatal(err)
				}
			}
			intros := 0
			for _, m := range h.Platform.To("carol") {
				if m.Delivery == key {
					intros++
				}
			}
			if intros != tt.want {
				t.Fatalf("got the introduction %d times, want %d", intros, tt.want)
			}
		})
	}
}
