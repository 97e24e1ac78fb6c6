package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestSpeedContinueTellsTheTruth plays, in French, a mentor who already
// accepted the charter and has no free slot (2 pairs for 2 places), and
// who says yes to continue with Ema after a speed-mentoring round: the
// question says "en tant que mentor d'Ema" and warns him his places are
// full; once both said yes, only Ema is sent the charter and told so, Bob
// reads that he accepted it already, his capacity goes to 3 (his home
// says 3 of 3) and he is told; the digest counts the pair as formed by
// the two members after the event, not by managers.
func TestSpeedContinueTellsTheTruth(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("alice", "lang fr")
	h.Run("bob", "lang fr")
	h.Run("ema", "lang fr")
	h.Run("bob", "offer go capacité:2 langues:fr")
	for _, u := range []string{"carole", "hugo"} {
		h.Run(u, "lang fr")
		h.Run(u, "request go")
		h.Click("bob", "bob", bot.ActionProposalAccept)
		clickAll(h, "bob", bot.ActionCharterAccept)
		h.Click(u, u, bot.ActionCharterAccept)
	}
	mustField(t, h.Run("bob", "status"), "Nombre de places", "2 places occupées sur 2")
	r := h.Run("alice", `admin event "Speed test" tours:1 minutes:15 début:2026-11-02T10:00 canal:#general`)
	MustContain(t, r, "est ouvert")
	reg := h.Posting.Posts()[0].Message
	click(h, "bob", reg, 0)
	click(h, "ema", reg, 1)
	h.At(2, 10, 15)
	h.Platform.Take()
	h.At(2, 10, 16)
	var question bot.Message
	for _, m := range h.Platform.To("bob") {
		if len(m.Buttons) > 0 && m.Buttons[0].ActionID == bot.ActionSpeedContinue {
			question = m
		}
	}
	if question.Text == "" {
		t.Fatalf("bob got no continue question: %+v", h.Platform.To("bob"))
	}
	if !strings.Contains(question.Text, "Souhaitez-vous continuer en tant que mentor d'Ema, dans un mentorat individuel\u202f?") ||
		!strings.Contains(question.Text, "Vous n'avez plus de place libre (2 sur 2)\u202f: si vous dites oui des deux côtés, ce binôme s'ajoute aux vôtres") {
		t.Fatalf("got question %q", question.Text)
	}
	h.Platform.Take()
	MustContain(t, h.Click("ema", "ema", bot.ActionSpeedContinue), "Si Bob le souhaite aussi, vous formerez un binôme de mentorat individuel")
	r = h.Click("bob", "bob", bot.ActionSpeedContinue)
	MustContain(t, r, "Ema souhaite aussi continuer\u202f: vous formez maintenant un binôme de mentorat individuel. Vous avez déjà accepté la charte du programme\u202f: je vous mettrai en relation dès qu'Ema l'aura acceptée aussi.")
	MustContain(t, r, "votre nombre de places passe donc de 2 à 3 pour compter ce binôme. Pour revenir à 2, tapez `/mentor propose capacité:2`")
	if strings.Contains(r.Message.Text, "La charte arrive") {
		t.Errorf("got %q, want no charter promised to bob", r.Message.Text)
	}
	var charters []string
	for _, s := range h.Platform.Take() {
		for _, b := range s.Message.Buttons {
			if b.ActionID == bot.ActionCharterAccept {
				charters = append(charters, s.To[0].User)
			}
		}
		if s.To[0].User == "ema" && strings.Contains(s.Message.Text, "est maintenant votre mentor") &&
			!strings.Contains(s.Message.Text, "Dernière étape\u202f: la charte du programme.") {
			t.Errorf("ema was told %q, want the charter's step", s.Message.Text)
		}
	}
	if strings.Join(charters, ",") != "ema" {
		t.Errorf("got charters sent to %v, want ema only", charters)
	}
	mustField(t, h.Run("bob", "status"), "Nombre de places", "3 places occupées sur 3")

	pairs, err := h.Store.PairsOf(context.Background(), h.Tenant.Member("ema"))
	if err != nil || len(pairs) != 1 || pairs[0].Mentor.User != "bob" {
		t.Fatalf("got ema's pairs %+v, %v", pairs, err)
	}
}

// mustField fails unless the reply has the field label with the value.
func mustField(t *testing.T, r bot.Reply, label, value string) {
	t.Helper()
	for _, f := range r.Message.Fields {
		if f.Label == label && f.Value == value {
			return
		}
	}
	t.Fatalf("got fields %+v, want %s: %s", r.Message.Fields, label, value)
}

// TestSpeedPairsCountedAsTheirs: the pairs two members formed by saying
// yes after a speed-mentoring round count among the pairs formed, on a
// line of their own, in both languages; not as formed by the managers.
func TestSpeedPairsCountedAsTheirs(t *testing.T) {
	h, reg := speedHarness(t, "")
	h.Run("alice", "lang fr")
	click(h, "max", reg, 0)
	click(h, "ema", reg, 1)
	h.At(2, 10, 15)
	h.Click("ema", "ema", bot.ActionSpeedContinue)
	h.Click("max", "max", bot.ActionSpeedContinue)
	stats := h.Run("alice", "admin stats")
	MustContain(t, stats, "• Binômes formés\u202f: 1\n")
	MustContain(t, stats, "• Dont formés par les responsables\u202f: 0\n")
	MustContain(t, stats, "• Dont formés par les deux membres après un speed mentoring\u202f: 1\n")
	h.Run("alice", "lang en")
	stats = h.Run("alice", "admin stats")
	MustContain(t, stats, "• Of which formed by managers: 0\n")
	MustContain(t, stats, "• Of which formed by both members after a speed-mentoring event: 1\n")
}
