package discord_test

import (
	"context"
	"errors"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
	"github.com/mentorbot/mentorbot/bot"
)

const introChannel = "555000000000000001"

func introMessage(h *Harness) bot.Message {
	return bot.Message{
		Title: "Introduction: go", Text: "Mentee, meet Mentor. " + hostile,
		Link:     &bot.Link{Label: "Your video-call room", URL: "https://meet.jit.si/mentorbot-abc"},
		Mentions: []bot.MemberID{h.Member(mentor1), h.Member(mentee)},
	}
}

func TestIntroduce(t *testing.T) {
	ctx := context.Background()
	withChannel := func(o *HarnessOptions) { o.Config.IntroChannelID = introChannel }
	// MustIntroHarness is a harness whose intro channel is a channel of
	// its guild.
	MustIntroHarness := func(t *testing.T) *Harness {
		h := MustHarness(t, withChannel)
		h.REST.SetChannelGuild(introChannel, h.Guild)
		return h
	}

	t.Run("PrivateThread", func(t *testing.T) {
		h := MustIntroHarness(t)
		if err := h.Adapter.Introduce(ctx, []bot.MemberID{h.Member(mentor1), h.Member(mentee)}, introMessage(h)); err != nil {
			t.Fatal(err)
		}
		threads := h.REST.Threads()
		if len(threads) != 1 || threads[0].Parent != introChannel || threads[0].Type != 12 || threads[0].Name != "Introduction: go" {
			t.Fatalf("got threads %+v, want one private thread in the intro channel", threads)
		}
		if got := strings.Join(threads[0].Members, ","); got != mentor1+","+mentee {
			t.Errorf("got members %s, want both members added", got)
		}
		msgs := h.REST.Messages(threads[0].ID)
		if len(msgs) != 1 {
			t.Fatalf("got %d messages in the thread, want 1", len(msgs))
		}
		m := msgs[0]
		if m.Content != "<@"+mentor1+"> <@"+mentee+">" || strings.Join(m.AllowedMentions.Users, ",") != mentor1+","+mentee || !m.PingsNoneFromText() {
			t.Errorf("got content %q and allowed_mentions %+v, want only the pair pinged", m.Content, m.AllowedMentions)
		}
		if strings.Contains(m.Text(), "@everyone") || len(h.REST.DMs(mentor1)) != 0 {
			t.Errorf("got %q and %d DMs, want a defused text and no DM", m.Text(), len(h.REST.DMs(mentor1)))
		}
	})
	t.Run("GoneStillPosts", func(t *testing.T) {
		h := MustIntroHarness(t)
		h.REST.Leave(mentee)
		// Delivered to the member still here: a retry would post it again
		// beside them (TestIntroduceMemberLeftThread).
		err := h.Adapter.Introduce(ctx, []bot.MemberID{h.Member(mentor1), h.Member(mentee)}, introMessage(h))
		if err != nil {
			t.Errorf("got %v, want delivered", err)
		}
		if th := h.REST.Threads(); len(th) != 1 || len(h.REST.Messages(th[0].ID)) != 1 {
			t.Errorf("got threads %+v, want the introduction posted for the member still here", th)
		}
	})
	t.Run("ThreadRefusedFallsBackToDMs", func(t *testing.T) {
		h := MustIntroHarness(t)
		h.REST.Fail("POST channels/"+introChannel+"/threads", 1, 403)
		if err := h.Adapter.Introduce(ctx, []bot.MemberID{h.Member(mentor1), h.Member(mentee)}, introMessage(h)); err != nil {
			t.Fatal(err)
		}
		if len(h.REST.DMs(mentor1)) != 1 || len(h.REST.DMs(mentee)) != 1 {
			t.Errorf("got %d and %d DMs, want the introduction to each", len(h.REST.DMs(mentor1)), len(h.REST.DMs(mentee)))
		}
	})
	t.Run("OtherServerGetsDMs", func(t *testing.T) {
		h := MustIntroHarness(t)
		elsewhere := []bot.MemberID{{Platform: "discord", Workspace: "1", User: mentor1}, {Platform: "discord", Workspace: "1", User: mentee}}
		if err := h.Adapter.Introduce(ctx, elsewhere, introMessage(h)); err != nil {
			t.Fatal(err)
		}
		if len(h.REST.Threads()) != 0 || len(h.REST.DMs(mentee)) != 1 {
			t.Errorf("got %d threads and %d DMs, want DMs outside the configured server", len(h.REST.Threads()), len(h.REST.DMs(mentee)))
		}
	})
	// Without DISCORD_GUILD_ID the bot serves every server it is in, and
	// the one intro channel belongs to one of them: the adapter reads
	// which, and pairs of any other server meet by DM.
	t.Run("GlobalCommandsOtherServerGetsDMs", func(t *testing.T) {
		h := MustHarness(t, withChannel, func(o *HarnessOptions) { o.Config.GuildID = "" })
		h.REST.SetChannelGuild(introChannel, h.Guild)
		elsewhere := []bot.MemberID{{Platform: "discord", Workspace: "1", User: mentor1}, {Platform: "discord", Workspace: "1", User: mentee}}
		if err := h.Adapter.Introduce(ctx, elsewhere, introMessage(h)); err != nil {
			t.Fatal(err)
		}
		if len(h.REST.Threads()) != 0 || len(h.REST.DMs(mentee)) != 1 {
			t.Fatalf("got %d threads and %d DMs, want DMs for a server the intro channel is not in", len(h.REST.Threads()), len(h.REST.DMs(mentee)))
		}
		if err := h.Adapter.Introduce(ctx, []bot.MemberID{h.Member(mentor1), h.Member(mentee)}, introMessage(h)); err != nil {
			t.Fatal(err)
		}
		if th := h.REST.Threads(); len(th) != 1 || th[0].Parent != introChannel {
			t.Errorf("got threads %+v, want the channel's own server's pair in a thread", th)
		}
		if n := len(h.REST.CallsTo("GET channels/")); n != 1 {
			t.Errorf("got %d reads of the intro channel, want one", n)
		}
	})
	t.Run("GlobalCommandsUnknownChannelGetsDMs", func(t *testing.T) {
		h := MustHarness(t, withChannel, func(o *HarnessOptions) { o.Config.GuildID = "" })
		if err := h.Adapter.Introduce(ctx, []bot.MemberID{h.Member(mentor1), h.Member(mentee)}, introMessage(h)); err != nil {
			t.Fatal(err)
		}
		if len(h.REST.Threads()) != 0 || len(h.REST.DMs(mentor1)) != 1 {
			t.Errorf("got %d threads and %d DMs, want DMs when the channel's server is unknown", len(h.REST.Threads()), len(h.REST.DMs(mentor1)))
		}
	})
	// A member out of reach by DM does not make the others' introduction
	// fail: a retry would introduce them again. Nobody reached: EGONE.
	t.Run("GoneInDMsDelivered", func(t *testing.T) {
		h := MustHarness(t)
		h.REST.CloseDMs(mentee)
		err := h.Adapter.Introduce(ctx, []bot.MemberID{h.Member(mentor1), h.Member(mentee)}, introMessage(h))
		if err != nil || len(h.REST.DMs(mentor1)) != 1 {
			t.Errorf("got %v and %d DMs to the mentor, want the mentor introduced once, delivered", err, len(h.REST.DMs(mentor1)))
		}
		h.REST.CloseDMs(mentor1)
		if err := h.Adapter.Introduce(ctx, []bot.MemberID{h.Member(mentor1), h.Member(mentee)}, introMessage(h)); bot.ErrorCode(err) != bot.EGONE {
			t.Errorf("got %v with nobody reachable, want EGONE", err)
		}
	})
}

func TestProfile(t *testing.T) {
	ctx := context.Background()
	h := MustHarness(t)
	t.Run("Nickname", func(t *testing.T) {
		h.REST.SetName(mentor1, "Ada")
		p, err := h.Adapter.Profile(ctx, h.Member(mentor1))
		if err != nil || p.Name != "Ada" {
			t.Errorf("got %+v, %v; want Ada", p, err)
		}
	})
	t.Run("Username", func(t *testing.T) {
		p, err := h.Adapter.Profile(ctx, h.Member(mentor2))
		if err != nil || p.Name != "user"+mentor2 {
			t.Errorf("got %+v, %v; want the username", p, err)
		}
	})
	t.Run("ErrGone", func(t *testing.T) {
		h.REST.Leave(mentee)
		if _, err := h.Adapter.Profile(ctx, h.Member(mentee)); bot.ErrorCode(err) != bot.EGONE {
			t.Errorf("got %v, want EGONE", err)
		}
	})
	t.Run("ErrNotDiscord", func(t *testing.T) {
		if _, err := h.Adapter.Profile(ctx, bot.MemberID{Platform: "shell", Workspace: "local", User: "alice"}); bot.ErrorCode(err) != bot.EGONE {
			t.Errorf("got %v, want EGONE", err)
		}
	})
	t.Run("ActorFromPayload", func(t *testing.T) {
		before := len(h.REST.CallsTo("GET guilds/"))
		MustEphemeral(t, h.Client.Command(t, "400000000000000001", "status"), "")
		if after := len(h.REST.CallsTo("GET guilds/")); after != before {
			t.Errorf("got %d member lookups, want the name taken from the interaction", after-before)
		}
	})
}

func TestPost(t *testing.T) {
	h := MustHarness(t)
	tenant := bot.Tenant{Platform: "discord", Workspace: h.Guild}
	t.Run("OK", func(t *testing.T) {
		if err := h.Adapter.Post(context.Background(), tenant, "<#777000000000000001>", bot.Message{Title: "Digest", Text: hostile}); err != nil {
			t.Fatal(err)
		}
		msgs := h.REST.Messages("777000000000000001")
		if len(msgs) != 1 || !msgs[0].PingsNoneFromText() || strings.Contains(msgs[0].Text(), "@everyone") {
			t.Errorf("got %+v, want one defused message in the channel", msgs)
		}
	})
	t.Run("ErrNoAccess", func(t *testing.T) {
		// A channel the bot cannot see, or may not write in: the manager
		// reads what to do, not "something went wrong".
		for _, code := range []int{50001, 50013, 10003} {
			h.REST.Refuse("POST channels/777000000000000002/messages", 1, http.StatusForbidden, code, "Missing Access")
			err := h.Adapter.Post(context.Background(), tenant, "<#777000000000000002>", bot.Message{Text: "x"})
			var e *bot.Error
			if !errors.As(err, &e) || e.Code != bot.EFORBIDDEN || e.Key != "err.channel_access" {
				t.Errorf("got %v for code %d, want EFORBIDDEN err.channel_access", err, code)
			}
		}
	})
	t.Run("ErrInvalidChannel", func(t *testing.T) {
		err := h.Adapter.Post(context.Background(), tenant, "#managers", bot.Message{Text: "x"})
		var e *bot.Error
		if !errors.As(err, &e) || e.Code != bot.EINVALID || e.Key != "err.admin.bad_channel" {
			t.Errorf("got %v, want EINVALID err.admin.bad_channel", err)
		}
	})
}

func TestUploader(t *testing.T) {
	ctx := context.Background()
	h := MustHarness(t)
	file := bot.File{Name: "mentorbot-export-2026-03-02.csv", Type: "text/csv", Data: []byte("member,pairs\n1,2\n")}
	t.Run("Upload", func(t *testing.T) {
		chart := bot.File{Name: "digest-2026-W10.png", Type: "image/png", Data: []byte("\x89PNG")}
		if err := h.Adapter.Upload(ctx, bot.Tenant{Platform: "discord", Workspace: h.Guild}, "777000000000000002", chart, bot.Message{Title: "Digest"}); err != nil {
			t.Fatal(err)
		}
		msgs := h.REST.Messages("777000000000000002")
		if len(msgs) != 1 || !reflect.DeepEqual(msgs[0].Files, []discordtest.File{{Name: chart.Name, Type: "image/png", Data: chart.Data}}) {
			t.Fatalf("got %+v, want the digest with its chart attached", msgs)
		}
		if msgs[0].Embeds[0].Title != "Digest" || !msgs[0].PingsNoneFromText() {
			t.Errorf("got %+v, want the message with the file", msgs[0])
		}
	})
	t.Run("SendFile", func(t *testing.T) {
		if err := h.Adapter.SendFile(ctx, h.Member(mentor1), file, bot.Message{Text: "Your export"}); err != nil {
			t.Fatal(err)
		}
		dms := h.REST.DMs(mentor1)
		if len(dms) != 1 || len(dms[0].Files) != 1 || string(dms[0].Files[0].Data) != string(file.Data) || dms[0].Content != "Your export" {
			t.Errorf("got %+v, want the export by DM", dms)
		}
	})
	t.Run("RetriedWithItsFile", func(t *testing.T) {
		h.REST.Fail("POST channels/", 1, 502)
		if err := h.Adapter.SendFile(ctx, h.Member(mentor2), file, bot.Message{Text: "Your export"}); err != nil {
			t.Fatal(err)
		}
		if dms := h.REST.DMs(mentor2); len(dms) != 1 || len(dms[0].Files) != 1 || string(dms[0].Files[0].Data) != string(file.Data) {
			t.Errorf("got %+v, want the file sent whole on the retry", dms)
		}
	})
	t.Run("ErrGone", func(t *testing.T) {
		h.REST.CloseDMs(mentee)
		if err := h.Adapter.SendFile(ctx, h.Member(mentee), file, bot.Message{Text: "x"}); bot.ErrorCode(err) != bot.EGONE {
			t.Errorf("got %v, want EGONE", err)
		}
	})
}
