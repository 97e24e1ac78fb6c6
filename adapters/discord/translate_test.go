package discord_test

import (
	"encoding/json"
	"os"
	"reflect"
	"testing"

	"github.com/mentorbot/mentorbot/adapters/discord"
	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
	"github.com/mentorbot/mentorbot/bot"
)

const (
	testApp  = "845027738276462632"
	testUser = "53908232506183680"
)

// MustFixture reads one of Discord's documented payloads.
func MustFixture(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile("discordtest/testdata/" + name)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

func TestTranslate(t *testing.T) {
	member := bot.MemberID{Platform: discord.Platform, Workspace: testGuild, User: testUser}
	ours := "mb:" + testGuild + ":" + bot.ActionProposalAccept + ":abcdefghijklmnop"
	tests := []struct {
		name     string
		payload  []byte
		wantKind string
		wantCmd  *bot.Command
		wantAct  *bot.Action
	}{
		{"DocumentedCommandIsUnknownToTheCore", MustFixture(t, "discord_application_command.json"), "command",
			&bot.Command{Member: member, Name: "cardsearch", Values: map[string]string{"cardname": "The Gitrog Monster"}, Locale: "en-US", Forms: true, IsAdmin: true}, nil},
		{"ServerManagerIsAdmin", discordtest.Command(testApp, testGuild, testUser, "status").AsServerManager().JSON(), "command",
			&bot.Command{Member: member, Name: "status", Values: map[string]string{}, Locale: "en-US", Forms: true, IsAdmin: true}, nil},
		{"Subcommand", discordtest.Command(testApp, testGuild, testUser, "offer", discordtest.Option{Name: "topics", Value: "go, k8s"}, discordtest.Option{Name: "capacity", Value: 3}).WithLocale("fr").JSON(), "command",
			&bot.Command{Member: member, Name: "offer", Values: map[string]string{"topics": "go, k8s", "capacity": "3"}, Locale: "fr", Forms: true}, nil},
		{"SubcommandGroup", discordtest.Command(testApp, testGuild, testUser, "admin stats").JSON(), "command",
			&bot.Command{Member: member, Name: "admin stats", Values: map[string]string{}, Locale: "en-US", Forms: true}, nil},
		{"CommandInDM", discordtest.Command(testApp, testGuild, testUser, "status").WithoutGuild().JSON(), "outside-guild", nil, nil},
		{"ClickInDMTakesTheGuildFromCustomID", discordtest.Click(testApp, testUser, "1", "2", ours).JSON(), "click",
			nil, &bot.Action{Member: member, ActionID: bot.ActionProposalAccept, Value: "abcdefghijklmnop", Locale: "en-US"}},
		{"DocumentedClickIsNotOurs", MustFixture(t, "discord_message_component.json"), "click",
			nil, &bot.Action{Member: member, IsAdmin: true}},
		{"ClickFromAnotherGuild", withGuild(discordtest.Click(testApp, testUser, "1", "2", ours), "1"), "click",
			nil, &bot.Action{Member: bot.MemberID{Platform: discord.Platform, Workspace: "1", User: testUser}, Locale: "en-US"}},
		{"FormSubmit", discordtest.Submit(testApp, testGuild, testUser, "mb:"+testGuild+":form:request", map[string]string{"topic": "go", "goal": "ship"}).JSON(), "submit",
			&bot.Command{Member: member, Name: "request", Values: map[string]string{"topic": "go", "goal": "ship"}, FromForm: true, Forms: true, Locale: "en-US"}, nil},
		// A form that is not ours is refused as a form (form_unknown), not
		// handed to the core as a button that no longer works.
		{"DocumentedSubmitIsNotOurs", MustFixture(t, "discord_modal_submit_actionrow.json"), "refused", nil, nil},
		{"Ping", MustFixture(t, "discord_ping.json"), "ping", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kind, cmd, act, err := discord.Translate(tt.payload)
			if err != nil {
				t.Fatalf("got error %v, want none", err)
			}
			if kind != tt.wantKind {
				t.Errorf("got kind %s, want %s", kind, tt.wantKind)
			}
			if tt.wantCmd != nil {
				// The command names its delivery: the interaction's ID.
				var i struct{ ID string }
				if err := json.Unmarshal(tt.payload, &i); err != nil || i.ID == "" {
					t.Fatalf("payload without an ID: %v", err)
				}
				tt.wantCmd.Delivery = i.ID
			}
			if !reflect.DeepEqual(cmd, tt.wantCmd) {
				t.Errorf("got command %+v, want %+v", cmd, tt.wantCmd)
			}
			if !reflect.DeepEqual(act, tt.wantAct) {
				t.Errorf("got action %+v, want %+v", act, tt.wantAct)
			}
		})
	}
}

func withGuild(p discordtest.Payload, guild string) []byte {
	p["guild_id"] = guild
	return p.JSON()
}
