package discord_test

import (
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
)

// TestFixplatTypeRefusalInMemberLanguage: an option of the wrong type (a
// malformed payload) is refused in the language the member chose, as
// the core answers them, not in their client's locale.
func TestFixplatTypeRefusalInMemberLanguage(t *testing.T) {
	h := MustHarness(t)
	o := func(n string, v any) discordtest.Option { return discordtest.Option{Name: n, Value: v} }
	MustEphemeral(t, h.Client.Send(t, discordtest.Command(testApp, h.Guild, mentor1, "lang", o("lang", "en")).WithLocale("fr")), "")
	en := MustEphemeral(t, h.Client.Send(t, discordtest.Command(testApp, h.Guild, mentor2, "offer", o("topics", "go"), o("capacity", "abc")).WithLocale("en-US")), "")
	got := MustEphemeral(t, h.Client.Send(t, discordtest.Command(testApp, h.Guild, mentor1, "offer", o("topics", "go"), o("capacity", "abc")).WithLocale("fr")), "")
	if got.Text() != en.Text() || strings.Contains(got.Text(), "Pour") {
		t.Fatalf("got %q, want the English refusal %q", got.Text(), en.Text())
	}
}
