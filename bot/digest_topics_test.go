package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestDigestTopicListsCountTheRest: the digest's topic lists show their
// first 10 topics and count the rest ("… and 2 more"), as its other lists
// do, instead of stopping at 5 without a word.
func TestDigestTopicListsCountTheRest(t *testing.T) {
	h := MustAdminHarness(t)
	offered := []string{"go", "rust", "python", "java", "kotlin", "swift", "ruby", "elixir", "haskell", "scala", "perl", "php"}
	wanted := []string{"design", "sql", "docker", "terraform", "react", "angular", "flutter", "unity", "excel", "figma", "linux", "security"}
	for i, topic := range offered {
		h.Run("mentor"+digestLetter(i), "offer "+topic)
	}
	for i, topic := range wanted {
		h.Run("mentee"+digestLetter(i), "request "+topic)
	}
	h.At(9, 9, 0) // Monday: the digest reports the week of the requests
	ctx := context.Background()
	for _, tc := range []struct {
		lang bot.Lang
		want []string
	}{
		{bot.English, []string{"Requested in the week: ", "On offer (mentors per topic): ", "Requested, but nobody offers them: "}},
		{bot.French, []string{"Demandés dans la semaine\u202f: ", "Proposés (mentors par sujet)\u202f: ", "Demandés, mais que personne ne propose\u202f: "}},
	} {
		if tc.lang == bot.French {
			h.Run("alice", "admin settings default-lang:fr")
		}
		msg, _, err := h.Bot.Digest(ctx, h.Tenant, h.Clock.Now())
		if err != nil {
			t.Fatal(err)
		}
		more := map[bot.Lang]string{bot.English: ", … and 2 more", bot.French: ", … et 2 de plus"}[tc.lang]
		for _, prefix := range tc.want {
			line := lineStarting(msg.Text, prefix)
			if line == "" {
				t.Fatalf("%s: got digest:\n%s\nwant a line starting %q", tc.lang, msg.Text, prefix)
			}
			if !strings.HasSuffix(line, more) || strings.Count(line, "), ") != 10 {
				t.Errorf("%s: got %q, want 10 topics then %q", tc.lang, line, more)
			}
		}
	}
}

func lineStarting(text, prefix string) string {
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(l, prefix) {
			return l
		}
	}
	return ""
}

func digestLetter(i int) string { return string(rune('a' + i)) }
