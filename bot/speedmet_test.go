package bot_test

import (
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestSpeedPairHasMet: two members who continue after a speed-mentoring
// round met there: their pair is formed as met, so that a silent pair is
// not later ended as "not having taken place", nor left out of the
// programme's "pairs who met". Before, a pair formed at an event counted
// as never met until one of them answered a check-in.
func TestSpeedPairHasMet(t *testing.T) {
	h, reg := speedHarness(t, "")
	h.Run("dave", "offer go")
	click(h, "dave", reg, 0)
	click(h, "erin", reg, 1)
	h.At(2, 10, 15)
	h.Click("erin", "erin", bot.ActionSpeedContinue)
	h.Click("dave", "dave", bot.ActionSpeedContinue)
	pairs := speedPairsOf(t, h, "erin")
	if len(pairs) != 1 || pairs[0].Met.IsZero() || !pairs[0].Met.Equal(pairs[0].Created) {
		t.Fatalf("got erin's pairs %+v, want one, met when it was formed", pairs)
	}
}
