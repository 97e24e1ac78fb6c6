package discord_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
)

// autocomplete is the member typing in an option that asked for
// suggestions (APPLICATION_COMMAND_AUTOCOMPLETE, type 4).
func autocomplete(guild string) discordtest.Payload {
	p := discordtest.Command(testApp, guild, mentee, "request", discordtest.Option{Name: "topic", Value: "ku"})
	p["type"] = 4
	data := p["data"].(map[string]any)
	sub := data["options"].([]any)[0].(map[string]any)
	sub["options"].([]map[string]any)[0]["focused"] = true
	return p
}

// TestDiscordHostileAutocompleteShape: an autocomplete interaction is
// answered with Discord's shape for it, {"type":8,"data":{"choices":[]}}
// (no suggestions), not a message's data with "content" and no
// "choices", over HTTP as over the gateway's callback.
func TestDiscordHostileAutocompleteShape(t *testing.T) {
	const want = `{"type":8,"data":{"choices":[]}}`
	t.Run("HTTP", func(t *testing.T) {
		h := MustHarness(t)
		r := h.Signer.MustPost(t, h.URL, autocomplete(h.Guild).JSON())
		if got := strings.TrimSpace(string(r.Body)); r.Status != http.StatusOK || got != want {
			t.Errorf("got %d %s, want 200 %s", r.Status, got, want)
		}
	})
	t.Run("Gateway", func(t *testing.T) {
		h := MustHarness(t, func(o *HarnessOptions) { o.Gateway = true })
		p := autocomplete(h.Guild)
		h.Gateway.Dispatch(t, p)
		route := "POST interactions/" + p.ID()
		h.REST.WaitFor(t, "the callback", func() bool { return len(h.REST.CallsTo(route)) == 1 })
		if got := strings.TrimSpace(string(h.REST.CallsTo(route)[0].Body)); got != want {
			t.Errorf("got callback %s, want %s", got, want)
		}
	})
}
