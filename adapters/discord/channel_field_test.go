package discord_test

import (
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/adapters/discord"
	"github.com/mentorbot/mentorbot/bot"
)

// TestChannelInField: a channel a message names (Message.Channels) shows
// as Discord's link in a field's value too (the settings' intro-channel),
// not as an escaped "\#ID".
func TestChannelInField(t *testing.T) {
	const ch = "555000000000000077"
	out, err := discord.RenderMessage(bot.Message{Text: "Settings", Fields: []bot.Field{{Label: "intro-channel", Value: bot.ChannelText(ch)}}, Channels: []string{ch}}, "1", false)
	if err != nil {
		t.Fatal(err)
	}
	if got := string(out); !strings.Contains(got, `"value":"\u003c#`+ch+`\u003e"`) && !strings.Contains(got, `"value":"<#`+ch+`>"`) {
		t.Fatalf("got %s, want the field's value <#%s>", got, ch)
	}
}
