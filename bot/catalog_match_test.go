package bot_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// badFrench finds French typography gone wrong: a plain space or none
// before : ; ? ! %, a quotation mark without its narrow no-break space,
// English quotes, or a space before a full stop or comma.
var badFrench = regexp.MustCompile("[^\u202f][:;?!%]|«[^\u202f]|[^\u202f]»|[“”\"]| [.,]")

// TestCatalogMatchTypography: the sentences of a manager's round and of
// the fairness report follow FRENCH.md in French and quote with “ ” in
// English.
func TestCatalogMatchTypography(t *testing.T) {
	n := 0
	for _, k := range bot.CatalogKeys(bot.French) {
		if !strings.HasPrefix(k, "round.") && !strings.HasPrefix(k, "fair.") {
			continue
		}
		n++
		if fr := bot.T(bot.French, k); badFrench.MatchString(strings.ReplaceAll(fr, "/mentor admin match", "")) {
			t.Errorf("%s: got %q, want French typography (U+202F before : ; ? ! %%, inside « »)", k, fr)
		}
		if en := bot.T(bot.English, k); strings.ContainsAny(en, "«»\"") {
			t.Errorf("%s: got %q, want English quotes “ ”", k, en)
		}
	}
	if n < 40 {
		t.Fatalf("got %d keys, want the round's and the fairness report's", n)
	}
}
