package discord_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mentorbot/mentorbot/adapters/discord"
	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
	"github.com/mentorbot/mentorbot/bot"
)

const testGuild = "290926798626357999"

// hostile is a goal written to ping everyone, a user and a role.
const hostile = "@everyone <@123> <@&456>"

func TestRenderMessage(t *testing.T) {
	mentee := bot.MemberID{Platform: discord.Platform, Workspace: testGuild, User: "53908232506183680"}
	long := strings.Repeat("é", 5000)
	tests := []struct {
		name  string
		msg   bot.Message
		ping  bool
		check func(t *testing.T, m discordtest.Message)
	}{
		{"PlainTextIsContent", bot.Message{Text: "Your offer is updated: go."}, false, func(t *testing.T, m discordtest.Message) {
			if m.Content != "Your offer is updated: go." || len(m.Embeds) != 0 {
				t.Errorf("got content %q and %d embeds, want the text and no embed", m.Content, len(m.Embeds))
			}
		}},
		{"HostileGoalPingsNoOne", bot.Message{Title: "Mentoring request: " + hostile, Text: hostile + " would like your help",
			Fields: []bot.Field{{Label: "Goal", Value: hostile}}, Mentions: []bot.MemberID{mentee}}, false, func(t *testing.T, m discordtest.Message) {
			for _, bad := range []string{"@everyone", "<@123>", "<@&456>"} {
				if strings.Contains(m.Text(), bad) {
					t.Errorf("got %q in the message, want it defused", bad)
				}
			}
			if !m.PingsNoneFromText() || len(m.AllowedMentions.Users) != 0 {
				t.Errorf("got allowed_mentions %+v, want parse [] and no users", m.AllowedMentions)
			}
			if m.Content != "<@53908232506183680>" {
				t.Errorf("got content %q, want the mentee's mention", m.Content)
			}
		}},
		{"HostilePlainTextPingsNoOne", bot.Message{Text: hostile}, false, func(t *testing.T, m discordtest.Message) {
			if strings.Contains(m.Content, "@everyone") || strings.Contains(m.Content, "<@") {
				t.Errorf("got content %q, want mentions defused", m.Content)
			}
		}},
		{"IntroPingsOnlyThePair", bot.Message{Title: "Introduction", Text: hostile, Mentions: []bot.MemberID{mentee}}, true, func(t *testing.T, m discordtest.Message) {
			if !m.PingsNoneFromText() || strings.Join(m.AllowedMentions.Users, ",") != mentee.User {
				t.Errorf("got allowed_mentions %+v, want parse [] and users [%s]", m.AllowedMentions, mentee.User)
			}
		}},
		{"ButtonsCarryTheGuild", bot.Message{Text: "?", Buttons: []bot.Button{
			{Label: "Accept", ActionID: bot.ActionProposalAccept, Value: "abcdefghijklmnop", Style: bot.StylePrimary},
			{Label: "Decline", ActionID: bot.ActionProposalDecline, Value: "abcdefghijklmnop", Style: bot.StyleDanger},
		}}, false, func(t *testing.T, m discordtest.Message) {
			b := m.Buttons()
			if len(b) != 2 || b[0].CustomID != "mb:"+testGuild+":proposal.accept:abcdefghijklmnop" || b[0].Style != 1 || b[1].Style != 4 {
				t.Errorf("got buttons %+v, want accept (primary) and decline (danger) with the guild in custom_id", b)
			}
		}},
		{"FiveButtonsPerRow", bot.Message{Text: "?", Buttons: buttons(7)}, false, func(t *testing.T, m discordtest.Message) {
			if len(m.Components) != 2 || len(m.Components[0].Components) != 5 || len(m.Components[1].Components) != 2 {
				t.Errorf("got %d rows, want 2 rows of 5 and 2", len(m.Components))
			}
		}},
		{"LongTextInEmbeds", bot.Message{Text: long}, false, func(t *testing.T, m discordtest.Message) {
			if len(m.Embeds) != 2 || m.Content != "" || m.Embeds[0].Description+m.Embeds[1].Description != long {
				t.Errorf("got content of %d characters and %d embeds, want the whole text in two embeds", utf8.RuneCountInString(m.Content), len(m.Embeds))
			}
		}},
		{"LongEmbedClipped", bot.Message{Title: long, Text: long, Fields: []bot.Field{{Label: long, Value: long}}}, false, func(t *testing.T, m discordtest.Message) {
			e := m.Embeds[0]
			total := utf8.RuneCountInString(e.Title) + utf8.RuneCountInString(e.Description) + utf8.RuneCountInString(e.Fields[0].Name) + utf8.RuneCountInString(e.Fields[0].Value)
			if utf8.RuneCountInString(e.Title) > 256 || utf8.RuneCountInString(e.Description) > 4096 || utf8.RuneCountInString(e.Fields[0].Value) > 1024 || total > 6000 {
				t.Errorf("got embed parts of %d, %d, %d (total %d), want within 256, 4096, 1024 and 6000",
					utf8.RuneCountInString(e.Title), utf8.RuneCountInString(e.Description), utf8.RuneCountInString(e.Fields[0].Value), total)
			}
		}},
		{"LongLabelClipped", bot.Message{Text: "?", Buttons: []bot.Button{{Label: long, ActionID: "a", Value: "v"}}}, false, func(t *testing.T, m discordtest.Message) {
			if n := utf8.RuneCountInString(m.Buttons()[0].Label); n > 80 {
				t.Errorf("got a label of %d characters, want at most 80", n)
			}
		}},
		{"LinkIsLinkButton", bot.Message{Title: "Intro", Link: &bot.Link{Label: "Your room", URL: "https://meet.jit.si/mentorbot-x"}}, false, func(t *testing.T, m discordtest.Message) {
			b := m.Buttons()
			if len(b) != 1 || b[0].Style != 5 || b[0].URL != "https://meet.jit.si/mentorbot-x" || b[0].CustomID != "" {
				t.Errorf("got buttons %+v, want one link button to the room", b)
			}
		}},
		{"BadLinkDropped", bot.Message{Text: "x", Link: &bot.Link{Label: "x", URL: "javascript:alert(1)"}}, false, func(t *testing.T, m discordtest.Message) {
			if len(m.Buttons()) != 0 {
				t.Errorf("got buttons %+v, want none for a non-http link", m.Buttons())
			}
		}},
		{"MarkdownEscaped", bot.Message{Text: "**bold** [x](https://evil.example) ~~s~~ ||spoiler||"}, false, func(t *testing.T, m discordtest.Message) {
			want := `\*\*bold\*\* \[x\](https://evil.example) \~\~s\~\~ \|\|spoiler\|\|`
			if m.Content != want {
				t.Errorf("got %q, want %q", m.Content, want)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			raw, err := discord.RenderMessage(tt.msg, testGuild, tt.ping)
			if err != nil {
				t.Fatalf("got error %v, want none", err)
			}
			if !bytes.Contains(raw, []byte(`"parse":[]`)) {
				t.Errorf("got %s, want allowed_mentions.parse as an empty list", raw)
			}
			var m discordtest.Message
			if err := json.Unmarshal(raw, &m); err != nil {
				t.Fatal(err)
			}
			for _, b := range m.Buttons() {
				if len(b.CustomID) > 100 {
					t.Errorf("got a custom_id of %d characters, want at most 100", len(b.CustomID))
				}
			}
			tt.check(t, m)
		})
	}
}

func TestRenderMessage_ErrCustomIDTooLong(t *testing.T) {
	msg := bot.Message{Text: "?", Buttons: []bot.Button{{Label: "x", ActionID: bot.ActionProposalAccept, Value: strings.Repeat("v", 80)}}}
	if _, err := discord.RenderMessage(msg, testGuild, false); err == nil {
		t.Error("got no error, want one for a custom_id over 100 characters")
	}
}

func buttons(n int) []bot.Button {
	out := make([]bot.Button, n)
	for i := range out {
		out[i] = bot.Button{Label: "b", ActionID: "a", Value: strings.Repeat("v", i+1)}
	}
	return out
}

func TestEscapeMarkdown(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"Plain", "go, kubernetes", "go, kubernetes"},
		{"Everyone", "@everyone and @here", "@\u200beveryone and @\u200bhere"},
		{"UserAndRoleMentions", "<@123> <@!1> <@&456> <#7>", "<\u200b@123> <\u200b@!1> <\u200b@&456> <\u200b#7>"},
		{"HeadingAndQuote", "# big\n> quote\n- item", "\\# big\n\\> quote\n\\- item"},
		{"DashInsideWord", "one-to-one", "one-to-one"},
		{"CodeSpanKept", "Type `/mentor help`", "Type `/mentor help`"},
		{"Backslash", `a\b`, `a\\b`},
		{"Email", "me@example.com", "me@example.com"},
		// Inside a span of the catalog's nothing is escaped; a member's
		// spans are (TestDiscordHostileMemberBackticks).
		{"CodeSpanNotEscaped", "Type `/mentor offer add:snake_case` or `/mentor offer add:__init__`", "Type `/mentor offer add:snake_case` or `/mentor offer add:__init__`"},
		{"LoneBacktickEscaped", "`tick *x*\nType `/mentor help`", "\\`tick \\*x\\*\nType `/mentor help`"},
		{"CatalogHeading", "*Right now*\nTopics *x* here", "**Right now**\nTopics \\*x\\* here"},
		{"HeadingOfUserText", "*a*b*", "\\*a\\*b\\*"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := discord.EscapeMarkdown(tt.in); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCustomID(t *testing.T) {
	t.Run("RoundTrip", func(t *testing.T) {
		id, err := discord.CustomID(testGuild, bot.ActionCharterAccept, "abcdefghijklmnop")
		if err != nil {
			t.Fatal(err)
		}
		g, a, v, err := discord.ParseCustomID(id)
		if err != nil || g != testGuild || a != bot.ActionCharterAccept || v != "abcdefghijklmnop" {
			t.Errorf("got %q %q %q %v, want the guild, action and value back", g, a, v, err)
		}
	})
	t.Run("LongestRealFits", func(t *testing.T) {
		// A 20-digit guild, the longest action, a 16-character ID.
		id, err := discord.CustomID("18446744073709551615", bot.ActionProposalDecline, strings.Repeat("x", 16))
		if err != nil || len(id) > 100 {
			t.Errorf("got %d characters, %v; want at most 100", len(id), err)
		}
	})
	t.Run("Tagged", func(t *testing.T) {
		// The tag of a message sent once (Retract finds it by it) is
		// read past like the plain prefix.
		g, a, v, err := discord.ParseCustomID("mb.1911d0c4:" + testGuild + ":proposal.accept:nlthqp2pxxurw3vy")
		if err != nil || g != testGuild || a != bot.ActionProposalAccept || v != "nlthqp2pxxurw3vy" {
			t.Errorf("got %q %q %q %v, want the guild, action and value back", g, a, v, err)
		}
	})
	for _, bad := range []string{"click_one", "mb:notaguild:a:v", "mb:123:a", "mb::a:v", "x:123:a:v", "mb.:123:a:v", "mbx:123:a:v", strings.Repeat("m", 101)} {
		t.Run("ErrInvalid/"+bad[:min(len(bad), 12)], func(t *testing.T) {
			if _, _, _, err := discord.ParseCustomID(bad); err == nil {
				t.Errorf("got no error for %q, want one", bad)
			}
		})
	}
}
