package discord_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/adapters/discord"
	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
	"github.com/mentorbot/mentorbot/bot"
)

func TestRespond(t *testing.T) {
	form := &bot.Form{Command: "comment", Title: "Comment", Fields: []bot.FormField{{Name: "text", Label: "Text"}}}
	buttons := []bot.Button{{Label: "Accept", ActionID: bot.ActionProposalAccept, Value: "p1"}}
	tests := []struct {
		name, kind string
		reply      bot.Reply
		wantType   int
		wantFlags  int
		wantText   string
	}{
		{"CommandReplyIsEphemeral", "command", bot.Reply{Message: bot.Message{Text: "Thank you!"}}, discordtest.ChannelMessage, discordtest.Ephemeral, "Thank you!"},
		{"CommandFormOpensModal", "command", bot.Reply{Form: form}, discordtest.Modal, 0, ""},
		{"ClickFormOpensModal", "click", bot.Reply{Form: form, Message: bot.Message{Text: "Type /mentor comment"}}, discordtest.Modal, 0, ""},
		{"SubmitFormCannotOpen", "submit", bot.Reply{Form: form, Message: bot.Message{Text: "Type /mentor comment"}}, discordtest.ChannelMessage, discordtest.Ephemeral, "Type /mentor comment"},
		{"SubmitFormWithoutTextAsksAgain", "submit", bot.Reply{Form: form}, discordtest.ChannelMessage, discordtest.Ephemeral, "run the command again"},
		{"FieldErrorsWrittenOut", "submit", bot.Reply{FieldErrors: map[string]string{"tz": "bad zone", "topic": "too long"}}, discordtest.ChannelMessage, discordtest.Ephemeral, "too long\nbad zone"},
		{"ClickReplaceUpdates", "click", bot.Reply{Replace: true, Message: bot.Message{Text: "You declined"}}, discordtest.UpdateMessage, 0, "You declined"},
		{"ClickReplaceWithNextQuestion", "click", bot.Reply{Replace: true, Message: bot.Message{Text: "Next question", Buttons: buttons}}, discordtest.UpdateMessage, 0, "Next question"},
		{"ClickErrorIsNewEphemeral", "click", bot.Reply{Message: bot.Message{Text: "already declined"}}, discordtest.ChannelMessage, discordtest.Ephemeral, "already declined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			raw, err := discord.Respond(tt.kind, tt.reply, testGuild)
			if err != nil {
				t.Fatalf("got error %v, want none", err)
			}
			var r discordtest.Response
			if err := json.Unmarshal(raw, &r); err != nil {
				t.Fatal(err)
			}
			if r.Type != tt.wantType || r.Data == nil || r.Data.Flags != tt.wantFlags {
				t.Fatalf("got type %d, data %+v; want type %d with flags %d", r.Type, r.Data, tt.wantType, tt.wantFlags)
			}
			if !strings.Contains(r.Data.Text(), tt.wantText) {
				t.Errorf("got %q, want it to contain %q", r.Data.Text(), tt.wantText)
			}
			if tt.wantType == discordtest.UpdateMessage && (r.Data.Components == nil || len(r.Data.Buttons()) != len(tt.reply.Message.Buttons)) {
				t.Errorf("got components %+v, want the reply's own buttons only ([] removes the clicked ones)", r.Data.Components)
			}
		})
	}
}

func TestDeferred(t *testing.T) {
	tests := []struct {
		name, kind   string
		reply        bot.Reply
		wantDeferral int
		wantEdit     bool
		wantText     string
	}{
		{"CommandEditsThinking", "command", bot.Reply{Message: bot.Message{Text: "Got it"}}, discordtest.DeferredMessage, true, "Got it"},
		{"CommandFormTooLate", "command", bot.Reply{Form: &bot.Form{Command: "offer"}}, discordtest.DeferredMessage, true, "run the command again"},
		{"ClickReplaceEditsMessage", "click", bot.Reply{Replace: true, Message: bot.Message{Text: "You accepted"}}, discordtest.DeferredUpdate, true, "You accepted"},
		{"ClickErrorFollowsUp", "click", bot.Reply{Message: bot.Message{Text: "meant for someone else"}}, discordtest.DeferredUpdate, false, "meant for someone else"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			deferral, edit, followup, err := discord.Deferred(tt.kind, tt.reply, testGuild)
			if err != nil {
				t.Fatal(err)
			}
			var d discordtest.Response
			json.Unmarshal(deferral, &d)
			if d.Type != tt.wantDeferral {
				t.Errorf("got deferral type %d, want %d", d.Type, tt.wantDeferral)
			}
			if tt.kind == "command" && (d.Data == nil || d.Data.Flags != discordtest.Ephemeral) {
				t.Errorf("got deferral data %+v, want it ephemeral", d.Data)
			}
			body := followup
			if tt.wantEdit {
				body = edit
			}
			if (edit != nil) != tt.wantEdit || (followup != nil) == tt.wantEdit {
				t.Fatalf("got edit %s and follow-up %s, want only the %s", edit, followup, map[bool]string{true: "edit", false: "follow-up"}[tt.wantEdit])
			}
			var m discordtest.Message
			json.Unmarshal(body, &m)
			if !strings.Contains(m.Text(), tt.wantText) || !m.PingsNoneFromText() {
				t.Errorf("got %s, want %q with allowed_mentions parse []", body, tt.wantText)
			}
			if !tt.wantEdit && m.Flags != discordtest.Ephemeral {
				t.Errorf("got flags %d, want the follow-up ephemeral", m.Flags)
			}
		})
	}
}
