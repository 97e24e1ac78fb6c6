package main_test

import (
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
	main "github.com/mentorbot/mentorbot/cmd/mentorbot"
)

// TestDiscordIntroChannelSetting: a server's managers choose their own
// intro channel with intro-channel; the deployment's
// DISCORD_INTRO_CHANNEL_ID, a channel of another server, is not used.
func TestDiscordIntroChannelSetting(t *testing.T) {
	const own = "555000000000000003"
	w := MustStartDiscord(t, true, func(c *main.DiscordConfig) { c.IntroChannelID = discordIntro })
	w.REST.SetChannelGuild(discordIntro, discordGuild(t)) // another server's channel
	w.REST.SetChannelGuild(own, w.Guild)
	_, asManager := discordManager(t, w)
	r := asManager("admin settings", discordtest.Option{Name: "intro-channel", Value: "<#" + own + ">"})
	discordEphemeral(t, r, "Saved: intro-channel.")
	pair := playDiscordFlow(t, w)
	threads := w.REST.Threads()
	if len(threads) != 1 || threads[0].Parent != own {
		t.Fatalf("got threads %+v, want one in the server's own intro channel", threads)
	}
	if got := strings.Join(threads[0].Members, ","); got != pair[0]+","+pair[1] {
		t.Errorf("got thread members %s, want the pair", got)
	}
}
