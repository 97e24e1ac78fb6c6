package discord_test

import "testing"

// TestIntents: the bot identifies with exactly the GUILD_MEMBERS intent
// (1 << 1), which erasure on leave (GUILD_MEMBER_REMOVE) needs.
// Interactions come over the gateway whatever the intents, so nothing
// else is asked for; GUILDS (1 << 0) served no feature.
func TestIntents(t *testing.T) {
	h := MustHarness(t, func(o *HarnessOptions) { o.Gateway = true })
	if got, want := h.Gateway.WaitIdentified(t).Intents, 1<<1; got != want {
		t.Errorf("got intents %b, want %b (GUILD_MEMBERS only)", got, want)
	}
}
