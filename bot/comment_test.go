package bot_test

import (
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// TestCommentBeforeLastAnswer: a comment sent while the survey still has
// questions says which ones are left, and is kept for later.
func TestCommentBeforeLastAnswer(t *testing.T) {
	h := MustHarness(t)
	h.Run("alice", "lang fr")
	h.Run("bob", "offer go languages:en,fr")
	h.Run("alice", "request go")
	h.Click("bob", "bob", bot.ActionProposalAccept)
	h.Click("bob", "bob", bot.ActionCharterAccept)
	h.Click("alice", "alice", bot.ActionCharterAccept)
	MustContain(t, h.Run("bob", "comment too soon"), "There is no survey to comment on yet.")
	MustTick(t, h, 3*day)
	h.Click("bob", "bob", bot.ActionCheckinYes)
	MustTick(t, h, time.Minute)

	MustContain(t, h.Run("bob", "comment Great"), "Please finish your survey on “go” first, with its buttons, then send your comment again. "+
		"Still to answer: “How would you rate it, from 1 (poor) to 5 (excellent)?” and “Would you mentor again?”")
	r := h.Click("alice", "alice", "4")
	quote := func(q string) string { return "«\u202f" + q + "\u202f»" }
	answered, become := quote(bot.T(bot.French, "survey.q.answered", "name", "Bob")), quote(bot.T(bot.French, "survey.q.become"))
	MustContain(t, h.Run("alice", "comment Super"), bot.T(bot.French, "survey.left", "topic", "go", "questions", answered+" et "+become))
	r = clickIn(h, "alice", r, bot.ActionSurveyAnswer)
	MustContain(t, h.Run("alice", "comment Super"), bot.T(bot.French, "survey.left", "topic", "go", "questions", become))
	clickIn(h, "alice", r, bot.ActionSurveyAnswer)
	MustContain(t, h.Run("alice", "comment Super"), "votre commentaire est enregistré")
}
