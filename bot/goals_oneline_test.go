package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestGoalOnOneLine: a goal typed over several lines in the form is kept
// on one line, so that the numbered list shows who set it and where it
// stands after it, not on a line of its own.
func TestGoalOnOneLine(t *testing.T) {
	h := MustHarness(t)
	mustOfficial(h, "carol", "offer go", "dan", "request go kind:one-to-one")
	r := h.Bot.HandleCommand(context.Background(), bot.Command{Member: h.Tenant.Member("dan"), Name: "goals",
		Values: map[string]string{"first": "Ship my first\nGo service\n\n  to production"}, FromForm: true, Forms: true})
	if len(r.FieldErrors) > 0 {
		t.Fatalf("got %+v", r.FieldErrors)
	}
	status := h.Run("dan", "status").Message.Text
	if !strings.Contains(status, "• Ship my first Go service to production (Dan): not started") {
		t.Fatalf("got status %q, want the goal on one line, then who set it", status)
	}
}
