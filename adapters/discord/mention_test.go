package discord_test

import (
	"maps"
	"testing"

	"github.com/mentorbot/mentorbot/adapters/discord"
	"github.com/mentorbot/mentorbot/bot"
)

// TestCoreMentions: a Discord mention in an option that names a member or
// a channel reaches the core in the core's form; anything else, free text
// and malformed mentions included, passes as typed (and the core refuses
// a malformed one quoting it as typed).
func TestCoreMentions(t *testing.T) {
	specs := bot.New(bot.Config{}, nil, nil, nil, nil).Commands()
	for _, tc := range []struct {
		name    string
		command string
		in      map[string]string
		want    map[string]string
	}{
		{"UserOK", "admin pair", map[string]string{"mentor": "<@123>", "mentee": " <@!456> ", "topic": "go"},
			map[string]string{"mentor": "@123", "mentee": "@456", "topic": "go"}},
		{"PickerIDOK", "admin managers", map[string]string{"action": "add", "user": "123"},
			map[string]string{"action": "add", "user": "123"}},
		{"FrenchNameOK", "admin pair", map[string]string{"mentor": "<@123>", "mentoré": "<@456>"},
			map[string]string{"mentor": "@123", "mentoré": "@456"}},
		{"ChannelOK", "admin announce", map[string]string{"channel": "<#789>", "lang": "both"},
			map[string]string{"channel": "#789", "lang": "both"}},
		{"MemberListOK", "admin invite-mentors", map[string]string{"program": "x", "members": "<@123>, <@!456> bob"},
			map[string]string{"program": "x", "members": "@123,@456,bob"}},
		{"EndPairOK", "end", map[string]string{"pair": "<@123>"}, map[string]string{"pair": "@123"}},
		{"RoleUnchanged", "admin managers", map[string]string{"user": "<@&456>"}, map[string]string{"user": "<@&456>"}},
		{"NotSnowflakeUnchanged", "admin managers", map[string]string{"user": "<@a b>"}, map[string]string{"user": "<@a b>"}},
		{"ChannelAsUserUnchanged", "admin managers", map[string]string{"user": "<#789>"}, map[string]string{"user": "<#789>"}},
		{"UserAsChannelUnchanged", "admin announce", map[string]string{"channel": "<@123>"}, map[string]string{"channel": "<@123>"}},
		{"FreeTextUnchanged", "request", map[string]string{"topic": "<@123>", "goal": "learn from <@123>"},
			map[string]string{"topic": "<@123>", "goal": "learn from <@123>"}},
		{"UnknownCommandUnchanged", "nope", map[string]string{"user": "<@123>"}, map[string]string{"user": "<@123>"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := maps.Clone(tc.in)
			got := discord.CoreMentions(specs, bot.Command{Name: tc.command, Values: in})
			if !maps.Equal(got.Values, tc.want) {
				t.Fatalf("got %v, want %v", got.Values, tc.want)
			}
			if !maps.Equal(in, tc.in) {
				t.Fatalf("got the command's values changed in place to %v, want a copy", in)
			}
		})
	}
}
