package shell_test

import (
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestSpeedTranscript plays a 3-round speed-mentoring event with 6
// mentors and 9 mentees, some reading French: registration (a double
// click, a mentee clicking the mentor's button), three rounds where 3
// mentees sit out in turn and nobody meets a mentor twice, the continue
// question (two yeses make a pair with its charter; one yes alone tells
// the other nothing), and a mentee who unregisters mid-round, whose mentor
// is paired again. Golden file: testdata/speed.golden (-update rewrites it).
func TestSpeedTranscript(t *testing.T) {
	playTranscript(t, "speed", transcript{cfg: bot.Config{Managers: []string{"alice"}}})
}
