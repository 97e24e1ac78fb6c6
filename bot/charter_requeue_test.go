package bot_test

import (
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestCharterCancelTellsNextMentor: when a pair is cancelled over its
// charter and the request goes at once to another mentor, the mentee
// reads that another mentor was asked, not that it is back in the
// queue; with nobody to ask, that it waits, and why.
func TestCharterCancelTellsNextMentor(t *testing.T) {
	t.Run("MenteeDeclines", func(t *testing.T) {
		h := MustHarness(t)
		h.Run("mia", "offer go")
		h.Run("ann", "request go")
		h.Click("mia", "mia", bot.ActionProposalAccept)
		h.Run("bob", "offer go")
		inbox(h)
		r := h.Click("ann", "ann", bot.ActionCharterDecline)
		MustContain(t, r, "You declined the charter, so your pair with Mia on “go” is cancelled. I've asked another mentor who fits your request, and I'll tell you as soon as they answer; withdraw it with `/mentor cancel` if you no longer need it.")
		if strings.Contains(r.Message.Text, "back in the queue") {
			t.Fatalf("got %q, want no queue: the request went to Bob", r.Message.Text)
		}
		MustInbox(t, h,
			"bob: Mentoring request: go | Ann would like your help on “go”.",
			"mia: Ann did not accept the charter, so your pair on “go” is cancelled. Thank you for offering your time.")
	})
	t.Run("MentorDeclinesFR", func(t *testing.T) {
		h := MustHarness(t)
		h.Run("ines", "lang fr")
		h.Run("mia", "offer go languages:en,fr")
		h.Run("ines", "request go")
		h.Click("mia", "mia", bot.ActionProposalAccept)
		h.Run("bob", "offer go languages:en,fr")
		inbox(h)
		h.Click("mia", "mia", bot.ActionCharterDecline)
		MustInbox(t, h,
			"bob: Mentoring request: go | Ines would like your help on “go”.",
			"ines: Mia n'a pas accepté la charte\u202f: votre binôme sur «\u202fgo\u202f» est annulé. Pas d'inquiétude\u202f: j'ai sollicité un autre mentor qui correspond à votre demande, et je vous préviens dès que j'ai sa réponse.")
	})
	t.Run("MentorWithdraws", func(t *testing.T) {
		h := MustHarness(t)
		h.Run("carol", "offer go")
		h.Run("ines", "request go")
		h.Click("carol", "carol", bot.ActionProposalAccept)
		h.Run("bob", "offer go")
		inbox(h)
		r := h.Run("carol", "end")
		MustContain(t, clickIn(h, "carol", r, bot.ActionCharterWithdraw), "You cancelled your pair with Ines on “go” before it started.")
		MustInbox(t, h,
			"bob: Mentoring request: go | Ines would like your help on “go”.",
			"ines: Carol cancelled your pair on “go” before it started. Don't worry: I've asked another mentor who fits your request, and I'll tell you as soon as they answer.")
	})
	t.Run("NobodyElse", func(t *testing.T) {
		h := MustHarness(t)
		h.Run("mia", "offer go")
		h.Run("ann", "request go")
		h.Click("mia", "mia", bot.ActionProposalAccept)
		inbox(h)
		r := h.Click("ann", "ann", bot.ActionCharterDecline)
		MustContain(t, r, "You declined the charter, so your pair with Mia on “go” is cancelled. Your request is back in the queue; withdraw it with `/mentor cancel` if you no longer need it.\n")
		if lines := strings.Split(r.Message.Text, "\n"); len(lines) != 2 || lines[1] == "" {
			t.Fatalf("got %q, want the reason it waits on a line of its own", r.Message.Text)
		}
		MustInbox(t, h, "mia: Ann did not accept the charter, so your pair on “go” is cancelled. Thank you for offering your time.")
	})
}
