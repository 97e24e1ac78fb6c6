package bot_test

import (
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestPairMessagesNameTheOtherMember: a mentor with two pairs on the same
// topic knows which one each message is about: the charter's timeout and
// decline notices, the check-ins, the surveys (every question of them) and
// the end of a pair all name the other member, in English and in French.
func TestPairMessagesNameTheOtherMember(t *testing.T) {
	const nb = "\u202f"
	t.Run("CharterExpired", func(t *testing.T) {
		h := MustHarness(t)
		h.Run("bob", "lang fr")
		mustOfficial(h, "bob", "offer kubernetes capacity:2 years:12 languages:en,fr", "jules", "request kubernetes")
		h.Run("erin", "request kubernetes")
		h.Click("bob", "bob", bot.ActionProposalAccept)
		h.Click("bob", "bob", bot.ActionCharterAccept)
		inbox(h)
		MustTick(t, h, 3*day)
		got := strings.Join(inbox(h), "\n")
		mustHaveMessages(t, got,
			"bob: La charte de votre binôme avec Erin sur «"+nb+"kubernetes"+nb+"» n'a pas été acceptée à temps"+nb+": le binôme est annulé.",
			"erin: The charter for your pair with Bob on “kubernetes” wasn't accepted in time, so the pair is cancelled.",
			"bob: Point d'étape"+nb+": kubernetes | Avez-vous pu échanger avec Jules"+nb+"?",
		)
	})
	t.Run("CharterDeclined", func(t *testing.T) {
		h := MustHarness(t)
		h.Run("dan", "lang fr")
		h.Run("carol", "offer go languages:en,fr")
		h.Run("dan", "request go")
		h.Click("carol", "carol", bot.ActionProposalAccept)
		inbox(h)
		MustContain(t, h.Click("dan", "dan", bot.ActionCharterDecline), "Vous avez décliné la charte"+nb+": votre binôme avec Carol sur «"+nb+"go"+nb+"» est annulé.")
		got := strings.Join(inbox(h), "\n")
		mustHaveMessages(t, got, "carol: Dan did not accept the charter, so your pair on “go” is cancelled.")
	})
	t.Run("Withdrawn", func(t *testing.T) {
		h := MustHarness(t)
		h.Run("carol", "offer go")
		h.Run("ines", "request go")
		h.Click("carol", "carol", bot.ActionProposalAccept)
		inbox(h)
		r := h.Run("carol", "end")
		MustContain(t, clickIn(h, "carol", r, bot.ActionCharterWithdraw), "You cancelled your pair with Ines on “go” before it started.")
		got := strings.Join(inbox(h), "\n")
		mustHaveMessages(t, got, "ines: Carol cancelled your pair on “go” before it started.")
	})
	t.Run("FlashSurvey", func(t *testing.T) {
		h := MustHarness(t)
		h.Run("bob", "lang fr")
		mustOfficial(h, "bob", "offer kubernetes languages:en,fr", "jules", "request kubernetes")
		mustSayMet(t, h, "jules") // a session nobody said took place gets no survey
		inbox(h)
		MustTick(t, h, 3*day)
		inbox(h)
		MustTick(t, h, 4*day)
		MustInbox(t, h,
			"bob: Comment s'est passée votre séance avec Jules sur «"+nb+"kubernetes"+nb+"»"+nb+"? | Quelle note donneriez-vous, de 1 (décevant) à 5 (excellent)"+nb+"?",
			"jules: How was your session with Bob on “kubernetes”? | How would you rate it, from 1 (poor) to 5 (excellent)?")
		// The next question replaces the first: it keeps the title.
		r := h.Click("jules", "jules", "5")
		if r.Message.Title != "How was your session with Bob on “kubernetes”?" {
			t.Fatalf("got title %q on the second question, want the pair named", r.Message.Title)
		}
	})
	t.Run("RelationshipSurveysAndEnd", func(t *testing.T) {
		h := MustHarness(t)
		h.Run("dan", "lang fr")
		mustOfficial(h, "carol", "offer go languages:en,fr", "dan", "request go kind:one-to-one")
		mustSayMet(t, h, "carol") // a pair nobody said met gets no end survey
		inbox(h)
		MustTick(t, h, 90*day)
		got := strings.Join(inbox(h), "\n")
		mustHaveMessages(t, got,
			"carol: Halfway through your mentoring with Dan on “go” | How would you rate it",
			"dan: À mi-parcours de votre mentorat avec Carol sur «"+nb+"go"+nb+"» | Quelle note",
		)
		MustTick(t, h, 90*day)
		got = strings.Join(inbox(h), "\n")
		mustHaveMessages(t, got,
			"carol: Your mentoring with Dan on “go” is ending | How would you rate it",
			"dan: Votre mentorat avec Carol sur «"+nb+"go"+nb+"» se termine | Quelle note",
		)
	})
	t.Run("Ended", func(t *testing.T) {
		h := MustHarness(t)
		h.Run("dan", "lang fr")
		mustOfficial(h, "carol", "offer go languages:en,fr", "dan", "request go kind:one-to-one")
		MustTick(t, h, 3*day)
		inbox(h)
		MustContain(t, clickStop(t, h, "carol"), "I've ended your pair with Dan: these things happen")
		MustInbox(t, h,
			"carol: Your pair with Dan on “go” has ended | Thank you for the time you gave. Would you like to mentor someone else?",
			"dan: Votre binôme avec Carol sur «"+nb+"go"+nb+"» est terminé | Dommage que cela n'ait pas fonctionné. Souhaitez-vous un nouveau binôme sur «"+nb+"go"+nb+"»"+nb+"?")
	})
}

// mustHaveMessages fails unless got, the messages sent, holds each of want.
func mustHaveMessages(t *testing.T, got string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Fatalf("got messages:\n%s\nwant one with %q", got, w)
		}
	}
}
