package bot_test

import (
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestSpeedRegisterStranded: a member who registers when nobody on the
// other side shares a language with them is told so, truthfully, and is
// promised no room; those registered before are not written to. With
// nobody on the other side yet, or someone who shares a language, the
// usual reply goes.
func TestSpeedRegisterStranded(t *testing.T) {
	const nb = "\u202f"
	h, reg := speedHarness(t, "")
	h.Run("fm", "lang fr")
	h.Run("fe", "lang fr")
	// The first mentee: nobody on the other side yet, the usual reply.
	r := click(h, "eli", reg, 1)
	MustContain(t, r, "I will send you each mentor's video room then.")
	// A French mentor, with an English mentee registered: warned, in French.
	r = click(h, "fm", reg, 0)
	MustContain(t, r, "Le premier tour commence le 2 novembre 2026 à 10\u00a0h (UTC). Mais aucune personne mentorée inscrite pour l'instant ne parle français"+nb+": en l'état, vous ne rencontreriez personne.")
	if strings.Contains(r.Message.Text, "je vous enverrai alors la salle de chaque rencontre") {
		t.Errorf("fm is promised rooms: %q", r.Message.Text)
	}
	// An English mentee, with only a French mentor: warned.
	h.Platform.Take()
	r = click(h, "erin", reg, 1)
	MustContain(t, r, "You are registered for “Speed test” as a mentee. The first round starts on 2 November 2026 at 10:00 (UTC). But no mentor registered so far speaks English: as things stand, you would meet nobody.")
	if strings.Contains(r.Message.Text, "each mentor's video room then") {
		t.Errorf("erin is promised rooms: %q", r.Message.Text)
	}
	if sent := h.Platform.Take(); len(sent) != 0 {
		t.Errorf("registrations wrote to others: %+v", sent)
	}
	// A French mentee: fm speaks French, the usual reply.
	r = click(h, "fe", reg, 1)
	MustContain(t, r, "je vous enverrai alors la salle de chaque rencontre.")
	if strings.Contains(r.Message.Text, "Mais aucun") {
		t.Errorf("fe is warned: %q", r.Message.Text)
	}
}

// TestRoundPreviewBroaderOtherLanguages: when only mentors of other
// languages offer a broader topic, the preview says so, as the member is
// told ("1 English-speaking mentor offers “finance”: ask them instead?"),
// rather than only that nobody offers the topic.
func TestRoundPreviewBroaderOtherLanguages(t *testing.T) {
	const nb = "\u202f"
	h := MustAdminHarness(t)
	h.Run("carol", "offer finance, accounting languages:en")
	h.Run("fatou", "lang fr")
	r := h.Run("fatou", "request corporate finance")
	MustContain(t, r, "1 mentor parlant anglais propose «"+nb+"finance"+nb+"»")
	MustContain(t, h.Run("alice", "admin match"),
		"Fatou, “corporate finance”, less than a day: Nobody offers “corporate finance” yet; 1 English-speaking mentor offers “finance”, a broader topic.")
	h.Run("alice", "lang fr")
	MustContain(t, h.Run("alice", "admin match"),
		"Fatou, «"+nb+"corporate finance"+nb+"», moins d'un jour"+nb+": personne ne propose encore «"+nb+"corporate finance"+nb+"»"+nb+"; 1 mentor parlant anglais propose «"+nb+"finance"+nb+"», un sujet plus large.")
	// Two languages.
	h.Run("dirk", "offer finance languages:de")
	MustContain(t, h.Run("alice", "admin match"),
		"2 mentors parlant allemand ou anglais proposent «"+nb+"finance"+nb+"», un sujet plus large.")
}

// TestNeedsConfirmationCumulative: each answer to a menu of the needs
// survey confirms the whole answer so far, with its sign-up buttons: the
// month picked after the topics keeps the topics and their button.
func TestNeedsConfirmationCumulative(t *testing.T) {
	const nb = "\u202f"
	h, _ := needsHarness(t, 1)
	h.Run("alice", `admin needs "Mentorat 2027" channel:#general topics:go, finance`)
	survey := h.Posting.Posts()[0].Message
	h.Run("m00", "lang fr")
	r := choose(t, h, "m00", survey, bot.NeedsLearn, "0", "1")
	MustContain(t, r, "Vous aimeriez un accompagnement sur"+nb+": go et finance.")
	r = choose(t, h, "m00", survey, bot.NeedsMonth, "2")
	MustContain(t, r, "Vous aimeriez un accompagnement sur"+nb+": go et finance.\nVous pourriez commencer en")
	if len(r.Message.Buttons) != 1 || r.Message.Buttons[0].ActionID != bot.ActionNeedsMentee || !strings.Contains(r.Message.Buttons[0].Label, "go") {
		t.Errorf("got buttons %+v, want the mentee's sign-up on go", r.Message.Buttons)
	}
	// Cleared topics are said so; the month stays.
	r = choose(t, h, "m00", survey, bot.NeedsLearn)
	MustContain(t, r, "Aucun sujet sur lequel vous aimeriez un accompagnement.\nVous pourriez commencer en")
	if len(r.Message.Buttons) != 0 {
		t.Errorf("got buttons %+v, want none", r.Message.Buttons)
	}
	// By command, likewise.
	r = h.Run("m00", `besoins "Mentorat 2027" transmettre:sql`)
	MustContain(t, r, "Vous pourriez accompagner sur"+nb+": sql.\nVous pourriez commencer en")
}

// TestAnnounceProgramKind: the call for mentors of a program describes
// mentoring as the program's kind has it, not "one short session or a
// few conversations" whatever its kind.
func TestAnnounceProgramKind(t *testing.T) {
	const nb = "\u202f"
	for _, c := range []struct{ kind, en, fr string }{
		{"one-to-one", "in one-to-one mentoring, you accompany one mentee through the program", "en mentorat individuel, vous accompagnez une personne mentorée tout au long du programme"},
		{"flash", "in flash mentoring (Meet & Share), a single short session with each mentee you meet", "en mentorat flash (Meet & Share), une seule courte séance avec chaque personne mentorée"},
		{"peer", "In peer mentoring, members of similar experience", "En mentorat entre pairs, des membres d'expérience comparable"},
		{"reverse", "In reverse mentoring, a younger or less senior member", "En mentorat inversé, un membre plus jeune"},
	} {
		t.Run(c.kind, func(t *testing.T) {
			h := MustAdminHarness(t)
			h.Run("alice", `admin program create "Mentorat 2027" kind:`+c.kind+` start:2026-11-10 end:2026-11-20`)
			h.Run("alice", "admin announce #general lang:both program:mentorat-2027")
			posts := h.Posting.Posts()
			if len(posts) == 0 {
				t.Fatalf("no call posted")
			}
			text := posts[len(posts)-1].Message.Text
			for _, want := range []string{
				"“Mentorat 2027” runs from 10 November 2026 to 20 November 2026. Our mentoring program is looking for mentors.",
				"«\u202fMentorat 2027\u202f» se déroule du 10 novembre 2026 au 20 novembre 2026.",
				c.en, c.fr, "program:mentorat-2027", "programme:mentorat-2027",
			} {
				if !strings.Contains(text, want) {
					t.Errorf("the call does not say %q:\n%s", want, text)
				}
			}
			if strings.Contains(text, "one short session or a few conversations") || strings.Contains(text, "une courte séance ou quelques échanges") || strings.Contains(text, nb+nb) {
				t.Errorf("the call describes every kind:\n%s", text)
			}
		})
	}
}

// TestSpeedTwoChartersNameTheirPair: a mentee who goes on with two
// mentors after one event, with no request of her own, reads two charters
// that each name their mentor, not two identical messages; each mentor's
// names her. A pair on a topic keeps its usual charter.
func TestSpeedTwoChartersNameTheirPair(t *testing.T) {
	h, reg := speedHarness(t, "")
	h.Run("erin", "lang fr")
	h.Run("dave", "offer go languages:en,fr")
	h.Run("max", "offer sql languages:en,fr")
	click(h, "dave", reg, 0)
	click(h, "max", reg, 0)
	click(h, "erin", reg, 1)
	for _, at := range []int{15, 30} { // the end of round 1, then 2
		h.At(2, 10, at)
		for _, u := range []string{"erin", "dave", "max"} {
			clickAll(h, u, bot.ActionSpeedContinue)
		}
	}
	if pairs := speedPairsOf(t, h, "erin"); len(pairs) != 2 {
		t.Fatalf("got erin's pairs %+v, want two", pairs)
	}
	var erin []string
	for _, m := range h.Platform.To("erin") {
		if strings.Contains(m.Text, "Avant que votre binôme") {
			erin = append(erin, m.Text)
		}
	}
	if len(erin) != 2 || erin[0] == erin[1] {
		t.Fatalf("got erin's charters %q, want two that differ", erin)
	}
	all := strings.Join(erin, "\n")
	for _, want := range []string{
		"Avant que votre binôme de l'événement de speed mentoring devienne officiel (avec Dave comme mentor), merci de lire",
		"Avant que votre binôme de l'événement de speed mentoring devienne officiel (avec Max comme mentor), merci de lire",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("erin's charters do not say %q:\n%s", want, all)
		}
	}
	for _, u := range []string{"dave", "max"} {
		var found bool
		for _, m := range h.Platform.To(u) {
			found = found || strings.Contains(m.Text, "Before your pair from the speed-mentoring event becomes official (as Erin's mentor), please read")
		}
		if !found {
			t.Errorf("%s's charter does not name Erin", u)
		}
	}
}
