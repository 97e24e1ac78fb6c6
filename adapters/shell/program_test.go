package shell_test

import (
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// TestProgramTranscript plays a whole program, in English and in French:
// a manager creates it; mentors and mentees join it before it starts and
// wait; :advance to the start posts the kick-off round in the managers'
// channel, which the manager sends; the pairs form; :advance to the end
// sends the final survey and the thanks, and tells the managers. :advance
// runs the jobs and the sweep, as the running bot does.
//
// whole_program_en plays the guide's five steps end to end: a flash pair
// before any program, the needs survey and its results, the program's
// creation re-inviting the past mentor (who says yes), survey answers
// turned into a request and an offer, the kick-off round sent, charters,
// check-ins, the mid-program survey halfway to the program's end, the end
// with the final survey, a testimonial shared anonymously, and a week
// later the end-of-program report. Run with -update to rewrite the golden
// files.
func TestProgramTranscript(t *testing.T) {
	for _, name := range []string{"program_en", "program_fr", "whole_program_en"} {
		t.Run(name, func(t *testing.T) {
			// Hour by hour, as the running bot ticks and sweeps: what falls
			// due on the way runs in order. The in-memory store: a thousand
			// hourly ticks and sweeps take 30 s on a real Redis; the store's
			// behaviour is the contract suite's, on every backend.
			playTranscript(t, name, transcript{cfg: bot.Config{Managers: []string{"alice"}}, memory: true, step: time.Hour, sweep: true, files: "mentorbot-*.csv"})
		})
	}
}
