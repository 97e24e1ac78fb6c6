package bot_test

import (
	"strings"
	"testing"
)

// TestTrialfixGoalsOptionTypo: a "word:" one or two edits from an option
// of /mentor goals, inside a goal's free text, is refused with the option
// meant, and nothing is saved; other colons stay in the goal.
func TestTrialfixGoalsOptionTypo(t *testing.T) {
	h := MustHarness(t)
	h.Run("dan", "lang fr")
	mustOfficial(h, "bob", "offer go languages:en,fr", "dan", "request go kind:one-to-one")
	h.Platform.Take()

	r := h.Run("bob", "goals first:ship a Go service second:learn testing thrd:x")
	MustContain(t, r, "Did you mean `third:`?")
	r = h.Run("dan", "objectifs premier:écrire un service deuxième:tester troisème:x")
	MustContain(t, r, "Vouliez-vous dire `troisième:`\u202f?")
	r = h.Run("dan", "goals first:a secnd:b") // named as a French reader reads it
	MustContain(t, r, "Vouliez-vous dire `deuxième:`\u202f?")
	if got := h.Platform.Take(); len(got) != 0 {
		t.Errorf("got %d messages sent, want none: nothing is saved", len(got))
	}
	r = h.Run("bob", "goals")
	if strings.Contains(r.Message.Text, "thrd") || strings.Contains(r.Message.Text, "ship a Go service") {
		t.Errorf("got %q, want no goal saved", r.Message.Text)
	}
	// Other colons are the member's text.
	r = h.Run("bob", "goals first:read chapter 3: testing second:note: ask Dan")
	MustContain(t, r, "1. read chapter 3: testing (Bob)")
	MustContain(t, r, "2. note: ask Dan (Bob)")
}
