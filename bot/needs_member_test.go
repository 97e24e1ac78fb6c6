package bot_test

import (
	"strings"
	"testing"
)

// TestNeedsNoneForMember: a member who answers a needs survey that does
// not exist is told so in a member's words, not to start one with a
// managers' command.
func TestNeedsNoneForMember(t *testing.T) {
	h := MustHarness(t)
	MustContain(t, h.Run("bob", `needs "Mentorat 2027" learn:go`), "There is no needs survey for “Mentorat 2027” to answer: the program's managers will tell you when one opens.")
	h.Run("ann", "lang fr")
	r := h.Run("ann", `needs "Mentorat 2027"`)
	MustContain(t, r, "les responsables du programme vous préviendront à son ouverture.")
	if strings.Contains(r.Message.Text, "admin") {
		t.Fatalf("got %q, want no managers' command", r.Message.Text)
	}
}
