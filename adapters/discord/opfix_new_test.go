package discord_test

import (
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/adapters/discord"
)

// TestNewNamesMissing: New names the one setting that is missing, in the
// form of cmd's refusals ("NAME: want …").
func TestNewNamesMissing(t *testing.T) {
	for _, tt := range []struct {
		cfg  discord.Config
		want string
	}{
		{discord.Config{Token: "t"}, "DISCORD_APP_ID: want the application ID"},
		{discord.Config{AppID: "1"}, "DISCORD_BOT_TOKEN: want the bot token"},
	} {
		_, err := discord.New(tt.cfg, nil, nil)
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("got %v, want %q…", err, tt.want)
		}
	}
}
