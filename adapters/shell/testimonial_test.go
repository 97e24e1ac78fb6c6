package shell_test

import (
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestTestimonialTranscript plays a flash session to its survey, in
// English and in French: both members write a testimonial (the button
// says how, in the shell), an empty and an oversized one are refused,
// consents are given, repeated and changed, a second sentence asks again,
// and the manager, alice, lists them and gets them as CSV and Markdown
// (whose contents follow the transcript). Run with -update to rewrite
// the golden files.
func TestTestimonialTranscript(t *testing.T) {
	for _, name := range []string{"testimonial_en", "testimonial_fr"} {
		t.Run(name, func(t *testing.T) {
			playTranscript(t, name, transcript{cfg: bot.Config{Managers: []string{"alice"}}, files: "mentorbot-*"})
		})
	}
}
