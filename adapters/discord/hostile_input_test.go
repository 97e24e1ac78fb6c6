package discord_test

import (
	"context"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/adapters/discord"
	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
	"github.com/mentorbot/mentorbot/bot"
)

// notMentor checks, asking the core directly, that user offers no
// mentoring: the refused command stored no offer for them.
func notMentor(t *testing.T, h *Harness, guild, user string) {
	t.Helper()
	id := bot.MemberID{Platform: discord.Platform, Workspace: guild, User: user}
	r := h.Bot.HandleCommand(context.Background(), bot.Command{Member: id, Name: "status", Locale: "en"})
	if !strings.Contains(r.Message.Text, "You don't offer mentoring") {
		t.Errorf("got status %q for %s, want no offer stored", r.Message.Text, user)
	}
}

// TestDiscordHostileOptionTypes: a signed command whose option values or
// IDs are not of their type is refused, in the member's language, and
// stores nothing: not "You are now a mentor for: map[a:1]", nor a member
// "x". Option values are checked against the command table (a text
// takes a string, a number a whole number, a member a snowflake), the
// member and the server against Discord's IDs.
func TestDiscordHostileOptionTypes(t *testing.T) {
	h := MustHarness(t)
	invalid := bot.T(bot.English, "err.invalid")
	topics := func(v any) discordtest.Option { return discordtest.Option{Name: "topics", Value: v} }
	capacity := func(v any) discordtest.Option { return discordtest.Option{Name: "capacity", Value: v} }
	for _, tt := range []struct {
		name    string
		user    string
		payload discordtest.Payload
		want    string
	}{
		{"ObjectForText", "300000000000000011",
			discordtest.Command(testApp, h.Guild, "300000000000000011", "offer", topics(map[string]any{"a": 1})), invalid},
		{"NumberForText", "300000000000000012",
			discordtest.Command(testApp, h.Guild, "300000000000000012", "offer", topics(7)), invalid},
		{"InFrench", "300000000000000013",
			discordtest.Command(testApp, h.Guild, "300000000000000013", "offer", topics([]any{"go"})).WithLocale("fr"), discord.ShowIn(bot.French, bot.T(bot.French, "err.invalid"))},
		{"StringForInteger", "300000000000000014",
			discordtest.Command(testApp, h.Guild, "300000000000000014", "offer", topics("go"), capacity("3")), "please give a whole number"},
		{"FractionForInteger", "300000000000000015",
			discordtest.Command(testApp, h.Guild, "300000000000000015", "offer", topics("go"), capacity(2.5)), "please give a whole number"},
		{"MemberNotASnowflake", "x",
			discordtest.Command(testApp, h.Guild, "x", "offer", topics("go")), invalid},
		{"MemberNotASnowflakeInFrench", "x y",
			discordtest.Command(testApp, h.Guild, "x y", "offer", topics("go")).WithLocale("fr"), discord.ShowIn(bot.French, bot.T(bot.French, "err.invalid"))},
	} {
		t.Run(tt.name, func(t *testing.T) {
			MustEphemeral(t, h.Client.Send(t, tt.payload), tt.want)
			notMentor(t, h, h.Guild, tt.user)
		})
	}
	t.Run("ServerNotASnowflake", func(t *testing.T) {
		MustEphemeral(t, h.Client.Send(t, discordtest.Command(testApp, "guild", "300000000000000016", "offer", topics("go"))), invalid)
		notMentor(t, h, "guild", "300000000000000016")
	})
	t.Run("PickedMemberNotASnowflake", func(t *testing.T) {
		p := discordtest.Command(testApp, h.Guild, mentor1, "admin pair",
			discordtest.Option{Name: "mentor", Value: "someone"}, discordtest.Option{Name: "mentee", Value: mentee}, discordtest.Option{Name: "topic", Value: "go"})
		MustEphemeral(t, h.Client.Send(t, p.AsServerManager()), "I can't read “someone” as a member")
	})
	t.Run("NotLoggedNorKept", func(t *testing.T) {
		if log := h.Log.String(); strings.Contains(log, "user=x") || strings.Contains(log, "map[") {
			t.Errorf("got log %q, want no ID that is not one, nor any value", log)
		}
	})
	t.Run("WellTypedStillWorks", func(t *testing.T) {
		MustEphemeral(t, h.Client.Command(t, "300000000000000017", "offer", topics("go"), capacity(2)), "mentor for: go")
	})
}

// TestDiscordHostileRefusalsLikeSlack: what the core refuses in typed
// text on Slack is refused on Discord in the same words: an unknown
// managers' command points to the managers' help, an unknown option
// suggests the one meant. A form the bot does not know is said to be a
// form, not a button.
func TestDiscordHostileRefusalsLikeSlack(t *testing.T) {
	h := MustHarness(t)
	// typed is the core's answer to the text a Slack member would type,
	// as Discord shows it: its commands in Discord's shape.
	typed := func(t *testing.T, user, text, locale string) string {
		t.Helper()
		r := h.Bot.HandleCommand(context.Background(), bot.Command{Member: h.Member(user), Text: text, Locale: locale})
		return discord.ShowIn(r.Lang, r.Message.Text)
	}
	t.Run("UnknownManagersCommand", func(t *testing.T) {
		got := MustEphemeral(t, h.Client.Command(t, mentee, "admin frob"), "I don't know the managers' command “admin frob”").Text()
		if want := typed(t, mentee, "admin frob", "en-US"); got != want || !strings.Contains(got, "`/mentor admin help`") {
			t.Errorf("got %q, want Slack's %q, pointing to /mentor admin help", got, want)
		}
	})
	t.Run("UnknownCommandSuggests", func(t *testing.T) {
		got := MustEphemeral(t, h.Client.Command(t, mentee, "stauts"), "I don't know the command “stauts”").Text()
		if want := typed(t, mentee, "stauts", "en-US"); got != want {
			t.Errorf("got %q, want Slack's %q", got, want)
		}
	})
	t.Run("UnknownOptionSuggests", func(t *testing.T) {
		got := MustEphemeral(t, h.Client.Command(t, mentor1, "offer", discordtest.Option{Name: "topics", Value: "go"},
			discordtest.Option{Name: "capcity", Value: 3}), "Did you mean `capacity:`?").Text()
		if want := typed(t, mentor1, "offer go capcity:3", "en-US"); got != want {
			t.Errorf("got %q, want Slack's %q", got, want)
		}
		notMentor(t, h, h.Guild, mentor1)
	})
	t.Run("UnknownOptionInFrench", func(t *testing.T) {
		p := discordtest.Command(testApp, h.Guild, mentor2, "offer", discordtest.Option{Name: "topics", Value: "go"},
			discordtest.Option{Name: "capcity", Value: 3}).WithLocale("fr")
		got := MustEphemeral(t, h.Client.Send(t, p), "Vouliez-vous dire `capacité:`").Text()
		if want := typed(t, mentor2, "offer go capcity:3", "fr"); got != want {
			t.Errorf("got %q, want Slack's %q", got, want)
		}
	})
	t.Run("UnknownForm", func(t *testing.T) {
		MustEphemeral(t, h.Client.Send(t, discordtest.Submit(testApp, h.Guild, mentee, "not-ours", map[string]string{"topic": "go"})),
			"This form no longer works, so nothing was changed.")
		p := discordtest.Submit(testApp, h.Guild, mentee, "mb:1:form:offer", map[string]string{"topics": "go"}).WithLocale("fr")
		MustEphemeral(t, h.Client.Send(t, p), "Ce formulaire ne fonctionne plus")
		notMentor(t, h, h.Guild, mentee)
	})
}
