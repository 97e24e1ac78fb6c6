package slack_test

import (
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/bot"
)

// TestChannelInField: a channel a message names (Message.Channels) shows
// as Slack's link in a field's value too (the settings' digest-channel),
// not as "#C…".
func TestChannelInField(t *testing.T) {
	got := slack.RenderJSON(bot.Message{Text: "Settings", Fields: []bot.Field{{Label: "digest-channel", Value: bot.ChannelText("C0123ABC")}}, Channels: []string{"C0123ABC"}})
	if !strings.Contains(got, `\u003c#C0123ABC\u003e`) && !strings.Contains(got, `<#C0123ABC>`) {
		t.Fatalf("got %s, want the field's value linked", got)
	}
}
