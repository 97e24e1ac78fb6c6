package discord_test

import (
	"context"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/adapters/discord"
	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
	"github.com/mentorbot/mentorbot/bot"
)

// TestDiscordOptionTwice: an option sent by both its English and its
// French name (an old or a forged client) is refused with both values, in
// the words the core uses for the same slip typed on Slack, and nothing
// runs: not a request for one of the two topics, the other lost. A list
// sent by both names takes both, as typed.
func TestDiscordOptionTwice(t *testing.T) {
	h := MustHarness(t)
	typed := func(t *testing.T, user, text, locale string) string {
		t.Helper()
		r := h.Bot.HandleCommand(context.Background(), bot.Command{Member: h.Member(user), Text: text, Locale: locale})
		return discord.ShowIn(r.Lang, r.Message.Text)
	}
	topic := discordtest.Option{Name: "topic", Value: "rust"}
	sujet := discordtest.Option{Name: "sujet", Value: "go"}
	noRequest := func(t *testing.T, user string) {
		t.Helper()
		r := h.Bot.HandleCommand(context.Background(), bot.Command{Member: h.Member(user), Name: "status", Locale: "en"})
		if strings.Contains(r.Message.Text, "rust") || strings.Contains(r.Message.Text, "“go”") {
			t.Errorf("got status %q, want no request stored", r.Message.Text)
		}
	}
	t.Run("ErrOptionTwice", func(t *testing.T) {
		got := MustEphemeral(t, h.Client.Command(t, mentee, "request", topic, sujet), "twice (“rust” and “go”)").Text()
		if want := typed(t, mentee, "request topic:rust sujet:go", "en-US"); got != want {
			t.Errorf("got %q, want Slack's %q", got, want)
		}
		noRequest(t, mentee)
	})
	t.Run("ErrOptionTwiceInFrench", func(t *testing.T) {
		p := discordtest.Command(testApp, h.Guild, mentor2, "request", topic, sujet).WithLocale("fr")
		got := MustEphemeral(t, h.Client.Send(t, p), "deux fois").Text()
		if want := typed(t, mentor2, "request topic:rust sujet:go", "fr"); got != want {
			t.Errorf("got %q, want Slack's %q", got, want)
		}
		noRequest(t, mentor2)
	})
	t.Run("ErrOptionTwiceSameName", func(t *testing.T) {
		MustEphemeral(t, h.Client.Command(t, mentee, "request", topic, discordtest.Option{Name: "topic", Value: "go"}), "twice (“rust” and “go”)")
		noRequest(t, mentee)
	})
	t.Run("ListTakesBoth", func(t *testing.T) {
		MustEphemeral(t, h.Client.Command(t, mentor1, "offer", discordtest.Option{Name: "topics", Value: "go"},
			discordtest.Option{Name: "sujets", Value: "rust"}), "mentor for: go and rust")
	})
}
