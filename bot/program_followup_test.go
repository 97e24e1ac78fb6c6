package bot_test

import (
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestProgramPairFollowsItsProgram: a pair of a program has its
// mid-program survey halfway to the program's end, and its final survey
// at the program's end, whatever the workspace's program-length says.
func TestProgramPairFollowsItsProgram(t *testing.T) {
	h := mustProgramHarness(t) // Mentorat 2027: 10 to 20 November 2026
	h.Run("alice", "admin settings program-length:8d")
	h.Run("bob", "offer go program:mentorat-2027")
	h.Run("ann", "request go kind:one-to-one program:mentorat-2027")
	h.At(10, 0, 1)
	mustSendKickoff(t, h)
	h.Click("bob", "bob", bot.ActionProposalAccept)
	h.Click("bob", "bob", bot.ActionCharterAccept)
	h.Click("ann", "ann", bot.ActionCharterAccept) // official at 00:01 on the 10th; the program ends at 00:00 on the 21st
	h.Platform.Take()
	surveys := func() []string {
		var out []string
		for _, line := range inbox(h.Harness) {
			if strings.Contains(line, "Halfway through") || strings.Contains(line, "is ending") {
				out = append(out, line[:strings.Index(line, "|")])
			}
		}
		return out
	}
	h.At(15, 11, 0)
	if got := surveys(); len(got) != 0 {
		t.Fatalf("got %v before halfway to the program's end", got)
	}
	h.At(15, 13, 0)
	if got := strings.Join(surveys(), ","); got != "bob: Halfway through your mentoring on “go” ,ann: Halfway through your mentoring on “go” " {
		t.Fatalf("got %q, want the mid-program survey halfway to the program's end", got)
	}
	h.At(20, 23, 0) // program-length (8 days) has passed: no final survey yet
	if got := surveys(); len(got) != 0 {
		t.Fatalf("got %v before the program's end", got)
	}
	h.At(21, 0, 1)
	if got := strings.Join(surveys(), ","); !strings.Contains(got, "bob: Your mentoring on “go” is ending") {
		t.Fatalf("got %q, want the final survey at the program's end", got)
	}
	if p := mustPost(t, h); !strings.Contains(p.Text, "Final survey and thanks: 1 pair.") {
		t.Errorf("got %q, want the pair counted at the end", p.Text)
	}
}
