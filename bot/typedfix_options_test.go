package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestTypedFixSameValueTwice: an option given twice with the same value,
// under one name or two, is given once; two values are still refused.
func TestTypedFixSameValueTwice(t *testing.T) {
	h := MustHarness(t)
	h.Run("zoe", "lang fr")
	r := h.Run("zoe", "propose go capacity:3 capacité:3")
	if !strings.Contains(r.Message.Text, "go") || strings.Contains(r.Message.Text, "deux fois") {
		t.Fatalf("got %q, want the offer saved", r.Message.Text)
	}
	if o, err := h.Store.GetOffer(context.Background(), h.Tenant.Member("zoe")); err != nil || o.Capacity != 3 {
		t.Fatalf("got %+v, %v; want capacity 3", o, err)
	}
	MustContain(t, h.Run("zoe", "propose go capacity:3 capacité:4"), "deux fois")
	// A form's, or Discord's, values under two names: the same.
	r = h.Bot.HandleCommand(context.Background(), bot.Command{Member: h.Tenant.Member("zoe"), Name: "offer",
		Values: map[string]string{"topics": "go", "capacity": "2", "capacité": " 2 "}})
	if o, _ := h.Store.GetOffer(context.Background(), h.Tenant.Member("zoe")); o.Capacity != 2 {
		t.Fatalf("got %q and capacity %d, want capacity 2", r.Message.Text, o.Capacity)
	}
}

// TestTypedFixFormFlagsEveryField: a submitted form with several wrong
// fields gets each flagged at once, each with its own sentence; typed,
// the same values get one sentence, the first option's, every time.
func TestTypedFixFormFlagsEveryField(t *testing.T) {
	h := MustHarness(t)
	values := func() map[string]string {
		return map[string]string{"topics": "go", "kinds": "individul", "tz": "Paris/France", "languages": "klingon"}
	}
	r := h.Bot.HandleCommand(context.Background(), bot.Command{Member: h.Tenant.Member("zoe"), Name: "offer", Values: values(), FromForm: true, Locale: "fr-FR"})
	if len(r.FieldErrors) != 3 {
		t.Fatalf("got field errors %v, want kinds, tz and languages", r.FieldErrors)
	}
	for field, want := range map[string]string{"kinds": "«\u202findividul\u202f»", "tz": "«\u202fParis/France\u202f»", "languages": "klingon"} {
		if !strings.Contains(r.FieldErrors[field], want) {
			t.Errorf("got %q under %s, want its own sentence, in French", r.FieldErrors[field], field)
		}
	}
	// Where a form cannot show a sentence under each field (Discord, the
	// shell), the text says them all, one a line, in the options' order.
	if want := r.FieldErrors["languages"] + "\n" + r.FieldErrors["kinds"] + "\n" + r.FieldErrors["tz"]; r.Message.Text != want {
		t.Errorf("got text %q, want every field's sentence in the options' order:\n%s", r.Message.Text, want)
	}
	if _, err := h.Store.GetOffer(context.Background(), h.Tenant.Member("zoe")); bot.ErrorCode(err) != bot.ENOTFOUND {
		t.Fatalf("got an offer (%v), want none saved", err)
	}
	for i := 0; i < 5; i++ {
		r := h.Bot.HandleCommand(context.Background(), bot.Command{Member: h.Tenant.Member("zoe"), Name: "offer", Values: values()})
		if len(r.FieldErrors) != 0 || !strings.Contains(r.Message.Text, "klingon") {
			t.Fatalf("got %q (fields %v), want the languages' sentence alone, each time", r.Message.Text, r.FieldErrors)
		}
	}
}

// TestTypedFixHoursAsWritten: the profile takes working hours as the bot
// writes them back, in French and in English.
func TestTypedFixHoursAsWritten(t *testing.T) {
	h := MustHarness(t)
	h.Run("zoe", "lang fr")
	hours := func(user, text, want string) {
		t.Helper()
		r := h.Run(user, text)
		for _, f := range r.Message.Fields {
			if f.Value == want {
				return
			}
		}
		t.Errorf("%s: got %q %+v, want the hours %q", text, r.Message.Text, r.Message.Fields, want)
	}
	for _, typed := range []string{"9 h-18 h du lundi au jeudi", "9 h - 18 h du lundi au jeudi", "de 9h à 18h, du lundi au jeudi", "9h-18h du lundi au jeudi"} {
		hours("zoe", "profil heures:"+typed, "de 9\u00a0h à 18\u00a0h, du lundi au jeudi")
	}
	// What the profile shows, typed back.
	shown := "de 9\u00a0h\u00a030 à 17\u00a0h\u00a030, du lundi au jeudi"
	hours("zoe", "profil heures:"+shown, shown)
	h.Run("ann", "lang en")
	for _, typed := range []string{"9am-6pm Mon-Thu", "from 9 to 18 Mon-Thu", "9:00–18:00, Monday to Thursday"} {
		hours("ann", "profile hours:"+typed, "9:00–18:00, Monday to Thursday")
	}
}

// TestTypedFixSmallerWords: the campaigns' refusal names what was
// answered; a date that does not exist is said not to exist.
func TestTypedFixSmallerWords(t *testing.T) {
	h := MustHarness(t)
	h.Run("zoe", "lang fr")
	MustContain(t, h.Run("zoe", "campagnes peut-être"), "«\u202fpeut-être\u202f» n'est pas une valeur possible pour la réponse à `/mentor campagnes`. Choisissez parmi\u202f: oui, non.")
	MustContain(t, h.Run("ann", "campaigns maybe"), "“maybe” is not a valid value for the answer to `/mentor campaigns`. Choose one of: on, off.")
	h.Run("zoe", "propose go")
	MustContain(t, h.Run("zoe", "pause jusqu'au : 31/02/2027"), "La date «\u202f31/02/2027\u202f» n'existe pas\u202f: février 2027 n'a que 28 jours.")
	MustContain(t, h.Run("zoe", "pause jusqu'au:31/04"), "La date «\u202f31/04\u202f» n'existe pas\u202f: avril n'a que 30 jours.")
	h.Run("ann", "offer go")
	MustContain(t, h.Run("ann", "pause until:2027-02-29"), "The date “2027-02-29” does not exist: February 2027 has 28 days.")
	MustContain(t, h.Run("ann", "pause until:2027-02-32"), "I can't read the date")
}
