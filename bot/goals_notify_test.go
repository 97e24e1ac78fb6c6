package bot_test

import (
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
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

// TestReadjustToldWithChannel: with a managers' channel, the readjustment
// asked at the mid-way review is posted there, and the member is told
// so; without one (TestGoals), only that it is noted.
func TestReadjustToldWithChannel(t *testing.T) {
	a := MustAdminHarness(t)
	h := a.Harness
	h.Run("alice", "admin digest-channel #managers")
	mustOfficial(h, "carol", "offer go capacity:1", "dan", "request go kind:one-to-one goal:write goroutines")
	h.Run("carol", "goals first:listen well")
	MustTick(t, h, 3*day)
	MustTick(t, h, 87*day)
	inbox(h)
	r := h.Click("carol", "carol", bot.ActionGoalsReadjust)
	MustContain(t, r, "I've told the program's managers")
	a.Posting.mu.Lock()
	defer a.Posting.mu.Unlock()
	if n := len(a.Posting.posts); n == 0 || a.Posting.posts[n-1].Message.Title != "A pair asks to be readjusted" {
		t.Fatalf("got posts %+v, want the readjustment posted", a.Posting.posts)
	}
}
