package discordtest

import (
	"strings"
	"testing"
)

// Menus returns the string select menus of the message, in order.
func (m Message) Menus() []Component { return m.components(3) }

// Choose is user choosing values in the select menu with customID on
// message: in their DM with the bot when guild is "", else in a channel
// of guild.
func Choose(appID, guild, user, channel, messageID, customID string, values []string) Payload {
	var p Payload
	if guild == "" {
		p = Click(appID, user, channel, messageID, customID)
	} else {
		p = ClickInChannel(appID, guild, user, channel, messageID, customID)
	}
	if values == nil {
		values = []string{}
	}
	p["data"] = map[string]any{"custom_id": customID, "component_type": 3, "values": values}
	return p
}

// Choose chooses, as user, values in the first menu of msg whose
// custom_id contains part; msg is a DM, or a message in a channel of the
// client's server when inChannel.
func (c *Client) Choose(tb testing.TB, user string, msg Message, inChannel bool, part string, values ...string) Response {
	tb.Helper()
	for _, menu := range msg.Menus() {
		if strings.Contains(menu.CustomID, part) {
			guild := ""
			if inChannel {
				guild = c.Guild
			}
			return c.Send(tb, Choose(c.AppID, guild, user, msg.ChannelID, msg.ID, menu.CustomID, values))
		}
	}
	tb.Fatalf("got menus %+v, want one with %s", msg.Menus(), part)
	return Response{}
}

// MessageEdits returns the edits of a channel's message, in order.
func (f *REST) MessageEdits(channel, id string) []Message {
	var out []Message
	for _, call := range f.CallsTo("PATCH channels/" + channel + "/messages/" + id) {
		if call.Status == 200 {
			out = append(out, call.Message())
		}
	}
	return out
}
