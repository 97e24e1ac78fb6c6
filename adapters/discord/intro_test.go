package discord_test

import (
	"context"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestIntroduceInGuildChannel: one bot in two guilds introduces each
// guild's pairs in a channel of that guild only: the configured intro
// channel serves the guild that owns it, a guild's intro-channel setting
// serves that guild, and a channel of another guild is never used.
func TestIntroduceInGuildChannel(t *testing.T) {
	ctx := context.Background()
	const own = "555000000000000002" // a channel a guild chose (intro-channel)
	withChannel := func(o *HarnessOptions) { o.Config.IntroChannelID = introChannel }
	other := MustGuild(t)
	pairIn := func(guild string) []bot.MemberID {
		return []bot.MemberID{{Platform: "discord", Workspace: guild, User: mentor1}, {Platform: "discord", Workspace: guild, User: mentee}}
	}
	introduce := func(t *testing.T, h *Harness, channel *string, guild string) {
		t.Helper()
		var err error
		if channel == nil {
			err = h.Adapter.Introduce(ctx, pairIn(guild), introMessage(h))
		} else {
			err = h.Adapter.IntroduceIn(ctx, *channel, pairIn(guild), introMessage(h))
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	str := func(s string) *string { return &s }

	t.Run("ConfiguredChannelServesItsGuildOnly", func(t *testing.T) {
		h := MustHarness(t, withChannel)
		h.REST.SetChannelGuild(introChannel, other) // the channel is the other guild's
		introduce(t, h, nil, h.Guild)
		if n := len(h.REST.Threads()); n != 0 || len(h.REST.DMs(mentee)) != 1 {
			t.Fatalf("got %d threads and %d DMs, want DMs in the guild that does not own the channel", n, len(h.REST.DMs(mentee)))
		}
		introduce(t, h, nil, other)
		if th := h.REST.Threads(); len(th) != 1 || th[0].Parent != introChannel {
			t.Fatalf("got threads %+v, want one in the owner guild's channel", th)
		}
		if n := len(h.REST.CallsTo("GET channels/" + introChannel)); n != 1 {
			t.Errorf("got %d channel lookups, want 1, then the cache", n)
		}
	})
	t.Run("SettingChannelOK", func(t *testing.T) {
		h := MustHarness(t, withChannel)
		h.REST.SetChannelGuild(own, h.Guild)
		introduce(t, h, str("<#"+own+">"), h.Guild)
		if th := h.REST.Threads(); len(th) != 1 || th[0].Parent != own {
			t.Fatalf("got threads %+v, want one in the guild's own channel", th)
		}
	})
	t.Run("SettingChannelOfAnotherGuildGetsDMs", func(t *testing.T) {
		h := MustHarness(t)
		h.REST.SetChannelGuild(own, other)
		introduce(t, h, str(own), h.Guild)
		if n := len(h.REST.Threads()); n != 0 || len(h.REST.DMs(mentor1)) != 1 {
			t.Fatalf("got %d threads and %d DMs, want no thread in another server", n, len(h.REST.DMs(mentor1)))
		}
	})
	t.Run("UnknownChannelGetsDMs", func(t *testing.T) {
		h := MustHarness(t)
		introduce(t, h, str(own), h.Guild)
		introduce(t, h, str(own), h.Guild)
		if n := len(h.REST.Threads()); n != 0 || len(h.REST.DMs(mentee)) != 2 {
			t.Fatalf("got %d threads and %d DMs, want DMs", n, len(h.REST.DMs(mentee)))
		}
		if n := len(h.REST.CallsTo("GET channels/" + own)); n != 1 {
			t.Errorf("got %d channel lookups, want 1: an unknown channel stays unknown", n)
		}
	})
	t.Run("OffGetsDMs", func(t *testing.T) {
		h := MustHarness(t, withChannel)
		h.REST.SetChannelGuild(introChannel, h.Guild)
		introduce(t, h, str(""), h.Guild)
		if n := len(h.REST.Threads()); n != 0 || len(h.REST.DMs(mentee)) != 1 {
			t.Fatalf("got %d threads and %d DMs, want DMs despite the configured channel", n, len(h.REST.DMs(mentee)))
		}
	})
}
