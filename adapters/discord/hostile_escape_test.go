package discord_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/adapters/discord"
	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
	"github.com/mentorbot/mentorbot/bot"
)

// TestDiscordHostileCatalogSpansKept: every code span the catalog writes,
// in both languages, stays a code span once its sentence is filled in:
// escaping members' backticks takes none of the catalog's.
func TestDiscordHostileCatalogSpansKept(t *testing.T) {
	placeholder := regexp.MustCompile(`\{([^{}|]*)(\|[^{}]*)?\}`)
	for _, lang := range bot.Langs {
		for _, key := range bot.CatalogKeys(lang) {
			raw := bot.T(lang, key)
			if !strings.Contains(raw, "`") {
				continue
			}
			var args []string
			for _, m := range placeholder.FindAllStringSubmatch(raw, -1) {
				v := "Ada"
				if m[2] != "" || strings.Contains(raw, "{"+m[1]+"|") {
					v = "2"
				}
				args = append(args, m[1], v)
			}
			filled := bot.T(lang, key, args...)
			if got := discord.EscapeMarkdown(filled); strings.Contains(got, "\\`") {
				t.Errorf("%s %s: got %q, want the catalog's code spans kept", lang, key, got)
			}
		}
		// The values the core writes as code itself: programs' names, a
		// cron schedule.
		for _, s := range []string{
			bot.T(lang, "err.program.unknown", "name", "nope", "programs", "`Mentorat 2027`, `x_y`"),
			bot.T(lang, "admin.digest_channel.set_schedule", "channel", "#1", "schedule", "`0 9 * * 1`", "zone", "UTC"),
		} {
			if got := discord.EscapeMarkdown(s); strings.Contains(got, "\\`") || strings.Contains(got, "\\*") || strings.Contains(got, "\\_") {
				t.Errorf("%s: got %q, want the core's code spans kept", lang, got)
			}
		}
	}
}

// TestDiscordHostileMemberBackticks: backticks a member typed show as
// typed, whether they pair up (a `span`, a ```block``` in a goal) or not
// (one alone in a name): they are escaped like any other markdown, where
// before only an odd number of them on a line was.
func TestDiscordHostileMemberBackticks(t *testing.T) {
	for _, tt := range []struct{ name, in, want string }{
		{"SpanInGoal", "learn `c` and more", "learn \\`c\\` and more"},
		{"BlockInGoal", "```block```", "\\`\\`\\`block\\`\\`\\`"},
		{"LoneInName", "Ad`a", "Ad\\`a"},
		{"PairInName", "`Ada`", "\\`Ada\\`"},
		{"MemberSpanThenCatalogSpan", "x `y then Type `/mentor help`", "x \\`y then Type `/mentor help`"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := discord.EscapeMarkdown(tt.in); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	t.Run("RequestDM", func(t *testing.T) {
		h := MustHarness(t)
		h.MustOffer(t, mentor1, "go")
		p := discordtest.Command(testApp, h.Guild, mentee, "request", discordtest.Option{Name: "topic", Value: "go"},
			discordtest.Option{Name: "kind", Value: "one-to-one"}, discordtest.Option{Name: "goal", Value: "learn `c` and ```block```"})
		p["member"].(map[string]any)["nick"] = "Ada `x`"
		MustEphemeral(t, h.Client.Send(t, p), "asked a mentor")
		dm := h.Client.LastDM(t, mentor1).Text()
		if !strings.Contains(dm, "learn \\`c\\` and \\`\\`\\`block\\`\\`\\`") || !strings.Contains(dm, "Ada \\`x\\`") {
			t.Errorf("got %q, want the goal's and the name's backticks escaped", dm)
		}
	})
}
