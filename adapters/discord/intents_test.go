package discord_test

import "testing"

// TestIntents: the bot identifies with exactly GUILDS (1 << 0), which
// brings GUILD_CREATE and GUILD_DELETE (a server that removes the bot
// stops being served, guilds.go), and GUILD_MEMBERS (1 << 1), which
// erasure on leave (GUILD_MEMBER_REMOVE) needs. Interactions come over
// the gateway whatever the intents, so nothing else is asked for.
func TestIntents(t *testing.T) {
	h := MustHarness(t, func(o *HarnessOptions) { o.Gateway = true })
	if got, want := h.Gateway.WaitIdentified(t).Intents, 1<<0|1<<1; got != want {
		t.Errorf("got intents %b, want %b (GUILDS and GUILD_MEMBERS only)", got, want)
	}
}
