package bot_test

import (
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// TestTrialfixTestimonialAfterLastQuestion: a testimonial typed while the
// final survey still asks its next question is refused, naming what is
// left; once the last question is answered, it is taken. In English and
// French.
func TestTrialfixTestimonialAfterLastQuestion(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("dan", "lang fr")
	h.Run("bob", "offer go languages:en,fr")
	h.Run("dan", "request go")
	h.Click("bob", "bob", bot.ActionProposalAccept)
	h.Click("bob", "bob", bot.ActionCharterAccept)
	h.Click("dan", "dan", bot.ActionCharterAccept)
	MustTick(t, h.Harness, 3*day)
	h.Click("bob", "bob", bot.ActionCheckinYes)
	MustTick(t, h.Harness, time.Minute)

	again := h.Click("bob", "bob", "5") // "Would you mentor again?" is still open
	r := h.Run("bob", "testimonial Dan came with sharp questions.")
	MustContain(t, r, "Please finish your survey on “go” first")
	MustContain(t, r, "“Would you mentor again?”")
	answered := h.Click("dan", "dan", "4")
	r = h.Run("dan", "témoignage Bob a répondu à tout.")
	MustContain(t, r, "Merci de terminer d'abord votre questionnaire sur «\u202fgo\u202f»")

	last := clickIn(h.Harness, "bob", again, bot.ActionSurveyAnswer)
	MustContain(t, last, bot.T(bot.English, "testimonial.ask", "topic", "go"))
	MustContain(t, h.Run("bob", "testimonial Dan came with sharp questions."), "saved")
	clickIn(h.Harness, "dan", clickIn(h.Harness, "dan", answered, bot.ActionSurveyAnswer), bot.ActionSurveyAnswer)
	MustContain(t, h.Run("dan", "témoignage Bob a répondu à tout."), "enregistré")
}
