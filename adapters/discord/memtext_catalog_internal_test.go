package discord

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestDiscordMemtextEveryValue fills every sentence of the catalog, in
// both languages, with a member's text in backticks for each of its
// values: a command of the catalog's, a word of its spans, an option
// with its value. Wherever the sentence puts a value, the member's
// backticks are escaped, and every span of the catalog's stays code. The
// few lines whose words are too few to tell their values from any text
// (bot's "{name}: {help}", "{goals}") are the pieces of others; the core
// writes them inside a sentence that tells.
func TestDiscordMemtextEveryValue(t *testing.T) {
	ph := regexp.MustCompile(`\{([^{}|]*)(\|[^{}]*)?\}`)
	for _, member := range []string{"`/mentor forget`", "x `/mentor admin settings` y", "`list`", "`capacity:3`", "`Ada`"} {
		escaped := strings.ReplaceAll(member, "`", "\\`")
		for _, lang := range bot.Langs {
			keys := bot.CatalogKeys(lang)
			sort.Strings(keys)
			for _, key := range keys {
				raw := bot.T(lang, key)
				// The names of the values the core writes (in a span of
				// the sentence, or as code): theirs is "id-1" or "2".
				bots := map[string]bool{}
				tells := true
				for _, line := range strings.Split(raw, "\n") {
					for _, sp := range spansIn(line) {
						for _, m := range ph.FindAllStringSubmatch(line[sp[0]:sp[1]], -1) {
							bots[m[1]] = true
						}
					}
					if ph.MatchString(line) && templateOf(line) == nil {
						tells = false
					}
				}
				var args []string
				values := 0
				for _, m := range ph.FindAllStringSubmatch(raw, -1) {
					switch {
					case m[2] != "" || strings.Contains(raw, "{"+m[1]+"|"):
						args = append(args, m[1], "2")
					case bots[m[1]] || slices.Contains(codePlaceholders, "{"+m[1]+"}"):
						args = append(args, m[1], "id-1")
					default:
						args = append(args, m[1], member)
						values++
					}
				}
				if values == 0 || !tells {
					continue
				}
				filled := bot.T(lang, key, args...)
				got := escapeMarkdown(filled)
				if want := strings.Count(filled, member); strings.Count(got, escaped) != want {
					t.Errorf("%s %s: got %q, want the member's %s escaped %d times", lang, key, got, member, want)
				}
				if strings.Contains(strings.ReplaceAll(got, escaped, ""), "\\`") {
					t.Errorf("%s %s: got %q, want the catalog's spans kept", lang, key, got)
				}
			}
		}
	}
}
