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
			_, err = h.Adapter.IntroduceIn(ctx, *channel, "", pairIn(guild), introMessage(h))
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
		introduce(t, h, str(bot.IntroOff), h.Guild)
		if n := len(h.REST.Threads()); n != 0 || len(h.REST.DMs(mentee)) != 1 {
			t.Fatalf("got %d threads and %d DMs, want DMs despite the configured channel", n, len(h.REST.DMs(mentee)))
		}
	})
}

// TestIntroduceInPairThread: a pair's later messages (new meeting times)
// go on in the thread their introduction opened, not one thread per
// message; a thread that is gone gives way to a new one, and with
// intro-channel off they go by DM.
func TestIntroduceInPairThread(t *testing.T) {
	ctx := context.Background()
	withChannel := func(o *HarnessOptions) { o.Config.IntroChannelID = introChannel }
	setup := func(t *testing.T) (*Harness, []bot.MemberID, string) {
		h := MustHarness(t, withChannel)
		h.REST.SetChannelGuild(introChannel, h.Guild)
		pair := []bot.MemberID{{Platform: "discord", Workspace: h.Guild, User: mentor1}, {Platform: "discord", Workspace: h.Guild, User: mentee}}
		thread, err := h.Adapter.IntroduceIn(ctx, "", "", pair, introMessage(h))
		if err != nil || thread == "" {
			t.Fatalf("got thread %q, %v, want a new thread", thread, err)
		}
		return h, pair, thread
	}
	t.Run("GoesOn", func(t *testing.T) {
		h, pair, thread := setup(t)
		got, err := h.Adapter.IntroduceIn(ctx, "", thread, pair, bot.Message{Text: "New times"})
		if err != nil || got != thread {
			t.Fatalf("got thread %q, %v, want %q again", got, err, thread)
		}
		th := h.REST.Threads()
		if len(th) != 1 || len(h.REST.Messages(thread)) != 2 {
			t.Fatalf("got %d threads, %d messages in the pair's, want one thread with both messages", len(th), len(h.REST.Messages(thread)))
		}
		if len(th[0].Members) != 2 {
			t.Errorf("got members %v, want the pair once each", th[0].Members)
		}
		if n := len(h.REST.DMs(mentee)); n != 0 {
			t.Errorf("got %d DMs, want none", n)
		}
	})
	t.Run("GoneGivesWayToNew", func(t *testing.T) {
		h, pair, thread := setup(t)
		h.REST.Refuse("POST channels/"+thread+"/messages", 1, 404, 10003, "Unknown Channel")
		got, err := h.Adapter.IntroduceIn(ctx, "", thread, pair, bot.Message{Text: "New times"})
		if err != nil || got == "" || got == thread {
			t.Fatalf("got thread %q, %v, want a new one", got, err)
		}
		if th := h.REST.Threads(); len(th) != 2 || len(h.REST.Messages(got)) != 1 {
			t.Fatalf("got %d threads, %d messages in the new one, want the message in a second thread", len(th), len(h.REST.Messages(got)))
		}
	})
	t.Run("FailureKeepsTheThread", func(t *testing.T) {
		h, pair, thread := setup(t)
		h.REST.Fail("POST channels/"+thread+"/messages", 100, 500)
		got, err := h.Adapter.IntroduceIn(ctx, "", thread, pair, bot.Message{Text: "New times"})
		if err == nil || got != thread || len(h.REST.Threads()) != 1 {
			t.Fatalf("got thread %q, %v and %d threads, want the error and the same thread, for the retry", got, err, len(h.REST.Threads()))
		}
	})
	t.Run("OffGoesByDM", func(t *testing.T) {
		h, pair, thread := setup(t)
		got, err := h.Adapter.IntroduceIn(ctx, bot.IntroOff, thread, pair, bot.Message{Text: "New times"})
		if err != nil || got != "" || len(h.REST.Messages(thread)) != 1 || len(h.REST.DMs(mentee)) != 1 {
			t.Fatalf("got thread %q, %v, %d messages in the thread, %d DMs, want one DM each", got, err, len(h.REST.Messages(thread)), len(h.REST.DMs(mentee)))
		}
	})
}

// TestIntroduceMemberLeftThread: a member who left before the
// introduction cannot be added to its thread; the introduction is posted
// for the other and counts as delivered, so that no retry posts it a
// second time beside them. In the pair's thread later, the same.
func TestIntroduceMemberLeftThread(t *testing.T) {
	ctx := context.Background()
	h := MustHarness(t, func(o *HarnessOptions) { o.Config.IntroChannelID = introChannel })
	h.REST.SetChannelGuild(introChannel, h.Guild)
	pair := []bot.MemberID{{Platform: "discord", Workspace: h.Guild, User: mentor1}, {Platform: "discord", Workspace: h.Guild, User: mentee}}
	h.REST.Leave(mentee)
	thread, err := h.Adapter.IntroduceIn(ctx, "", "", pair, introMessage(h))
	if err != nil || thread == "" || len(h.REST.Messages(thread)) != 1 {
		t.Fatalf("got thread %q, %v, want the introduction posted once and delivered", thread, err)
	}
	if got, err := h.Adapter.IntroduceIn(ctx, "", thread, pair, bot.Message{Text: "New times"}); err != nil || got != thread {
		t.Fatalf("got %q, %v, want new times delivered in the thread", got, err)
	}
	// Nobody left to read it: EGONE.
	h.REST.Leave(mentor1)
	if _, err := h.Adapter.IntroduceIn(ctx, "", thread, pair, bot.Message{Text: "New times"}); bot.ErrorCode(err) != bot.EGONE {
		t.Fatalf("got %v with both gone, want EGONE", err)
	}
}
