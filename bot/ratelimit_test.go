package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// TestRateLimit runs two replicas of the bot on one store, with a limit
// of 3 commands and 2 clicks a minute. A member over the limit, wherever
// their requests land, is asked politely to slow down in their language;
// other members, and their own clicks, are unaffected.
func TestRateLimit(t *testing.T) {
	st := storetest.MustMemory(t)
	tn := storetest.Tenant(t, "test")
	cfg := bot.Config{RateLimit: bot.RateLimit{Commands: 3, Clicks: 2, Window: time.Minute}}
	replicas := []*bottest.Harness{bottest.New(t, st, tn, cfg), bottest.New(t, st, tn, cfg)}
	run := func(i int, user, locale string) string {
		c := bot.Command{Member: tn.Member(user), Text: "help", Locale: locale}
		return replicas[i%2].Bot.HandleCommand(context.Background(), c).Message.Text
	}
	click := func(i int, user string) string {
		a := bot.Action{Member: tn.Member(user), ActionID: bot.ActionCharterAccept, Value: "nosuchpair"}
		return replicas[i%2].Bot.HandleAction(context.Background(), a).Message.Text
	}
	slowEN, slowFR := bot.T(bot.English, "err.slow_down"), bot.T(bot.French, "err.slow_down")

	for i := range 3 {
		if got := run(i, "ann", ""); got == slowEN {
			t.Fatalf("got %q at command %d, want the help: 3 are allowed", got, i+1)
		}
	}
	for i := range 2 {
		if got := run(i, "ann", ""); got != slowEN {
			t.Fatalf("got %q on replica %d, want %q", got, i%2+1, slowEN)
		}
	}
	t.Run("OthersUnaffected", func(t *testing.T) {
		if got := run(0, "ben", ""); got == slowEN || !strings.Contains(got, "/mentor") {
			t.Errorf("got %q for ben, want the help", got)
		}
	})
	t.Run("ClicksCountedApart", func(t *testing.T) {
		for i := range 2 {
			if got := click(i, "ann"); got == slowEN {
				t.Fatalf("got %q at click %d, want the click handled", got, i+1)
			}
		}
		if got := click(0, "ann"); got != slowEN {
			t.Errorf("got %q at the third click, want %q", got, slowEN)
		}
	})
	t.Run("French", func(t *testing.T) {
		for i := range 3 {
			run(i, "elise", "fr")
		}
		if got := run(1, "elise", "fr"); got != slowFR {
			t.Errorf("got %q, want %q", got, slowFR)
		}
	})
}
