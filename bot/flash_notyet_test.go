package bot_test

import (
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestFlashNotYetKeepsPromise: a flash pair that answers "Not yet" is
// asked again, as the answer promises, rather than sent a survey on a
// session that has not happened (which also ended the pair before the
// reminder could ask); a "Yes" to the reminder sends the survey; without
// one, no survey ever comes: nobody said the session took place
// (followfix_stall_test.go follows such a pair to its stall).
func TestFlashNotYetKeepsPromise(t *testing.T) {
	for _, answer := range []string{"yes", "none"} {
		t.Run(answer, func(t *testing.T) {
			h := MustHarness(t)
			mustOfficial(h, "erin", "offer kubernetes kinds:flash", "gaby", "request kubernetes kind:flash")
			MustTick(t, h, 3*day)
			h.Platform.Take()
			MustContain(t, h.Click("gaby", "gaby", bot.ActionCheckinNotYet), "check in again in 4 days")
			MustTick(t, h, 4*day)
			var got []string
			for _, s := range h.Platform.Take() {
				got = append(got, s.To[0].User+": "+s.Message.Text)
			}
			all := strings.Join(got, "\n")
			if !strings.Contains(all, "gaby: Reminder: have you been in touch with Erin yet?") || strings.Contains(all, "How would you rate") {
				t.Fatalf("got:\n%s\nwant the reminder, no survey", all)
			}
			if answer == "yes" {
				h.Click("gaby", "gaby", bot.ActionCheckinYes)
				MustTick(t, h, day)
			} else {
				MustTick(t, h, 5*day)
			}
			surveys := 0
			for _, s := range h.Platform.Take() {
				if strings.Contains(s.Message.Text, "How would you rate") {
					surveys++
				}
			}
			if want := map[string]int{"yes": 2, "none": 0}[answer]; surveys != want {
				t.Fatalf("got %d survey messages, want %d", surveys, want)
			}
		})
	}
}
