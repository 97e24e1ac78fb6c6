package bot_test

import (
	"strings"
	"testing"
)

// TestGoalsNotifyOnChange: the other member of the pair hears of a change
// of goals only, in its words (set, changed, removed), and not of goals
// given again as they were.
func TestGoalsNotifyOnChange(t *testing.T) {
	h := MustHarness(t)
	mustOfficial(h, "bob", "offer go", "dan", "request go kind:one-to-one")
	toBob := func() string {
		var out []string
		for _, s := range h.Platform.Take() {
			if s.To[0].User == "bob" {
				out = append(out, s.Message.Text)
			}
		}
		return strings.Join(out, "\n")
	}
	toBob()
	h.Run("dan", "goals first:read code")
	if got := toBob(); !strings.HasPrefix(got, "Dan set their goals for your pair.") {
		t.Fatalf("got %q, want the goals set", got)
	}
	h.Run("dan", "goals first:read code")
	if got := toBob(); got != "" {
		t.Fatalf("got %q for goals given again as they were, want nothing", got)
	}
	h.Run("dan", "goals second:write tests")
	if got := toBob(); !strings.HasPrefix(got, "Dan changed their goals for your pair.") {
		t.Fatalf("got %q, want the goals changed", got)
	}
	h.Run("dan", "goals first:none second:none")
	if got := toBob(); got != "Dan removed their goals for your pair on “go”." {
		t.Fatalf("got %q, want the goals removed", got)
	}
}
