package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestSpeedBusyTellsBoth: a mentee whose request is under way (proposed to
// another mentor) says yes first, then her speed partner does: no pair can
// be formed, and both are told so, each in their language, with what they
// can do, and not only the second; a mentee who said yes first is never
// left waiting for news that does not come. Once she withdraws her
// request, "Try again" forms the pair. Her registration says the topic her
// sessions take, as the room then does.
func TestSpeedBusyTellsBoth(t *testing.T) {
	const nb = "\u202f"
	h, reg := speedHarness(t, "")
	h.Run("fay", "lang fr")
	h.Run("dan", "offer python languages:en,fr")
	h.Run("fay", "request python")
	h.Run("bob", "offer kubernetes languages:en,fr")
	click(h, "bob", reg, 0)
	MustContain(t, click(h, "fay", reg, 1), "Vous parlerez de «"+nb+"python"+nb+"», le sujet de votre demande.")
	MustContain(t, click(h, "fay", reg, 1), "Vous parlerez de «"+nb+"python"+nb+"», le sujet de votre demande.")
	h.At(2, 10, 0)
	together, _ := rooms(h)
	if room := together["bob+fay"]; !strings.Contains(room.Text, "Sujet"+nb+": python.") && !strings.Contains(room.Text, "Topic: python.") {
		t.Fatalf("got room %q, want the topic her registration named", room.Text)
	}
	h.At(2, 10, 15)
	h.Platform.Take()

	MustContain(t, h.Click("fay", "fay", bot.ActionSpeedContinue), "Si Bob le souhaite aussi")
	r := h.Click("bob", "bob", bot.ActionSpeedContinue)
	MustContain(t, r, "Fay wants to continue too, but has a mentoring request on “python” under way: another mentor was asked about it, so I could not pair you yet. Fay can withdraw it with `/mentor cancel`, or wait for that mentor's answer; then click “Try again”. A manager can also pair you with `/mentor admin pair`.")
	if !r.Replace || len(r.Message.Buttons) != 1 || r.Message.Buttons[0].Label != "Try again" {
		t.Fatalf("got reply %+v, want the question replaced by one Try again button", r)
	}
	var told []bot.Message
	for _, s := range h.Platform.Take() {
		if s.To[0].User == "fay" {
			told = append(told, s.Message)
		}
	}
	if len(told) != 1 || !strings.Contains(told[0].Text, "Bob souhaite continuer aussi, mais votre demande de mentorat sur «"+nb+"python"+nb+"» est en cours"+nb+": un autre mentor a été sollicité pour elle, je n'ai donc pas encore pu former votre binôme. Vous pouvez la retirer avec `/mentor annuler`, ou attendre la réponse de ce mentor"+nb+"; cliquez ensuite sur «"+nb+"Réessayer"+nb+"». Un ou une responsable peut aussi former votre binôme avec `/mentor admin binôme`.") ||
		len(told[0].Buttons) != 1 || told[0].Buttons[0].Label != "Réessayer" {
		t.Fatalf("got fay told %+v, want the truth, in French, with a Try again button", told)
	}

	// Trying again while the request is still under way answers the
	// clicker only: Fay was told already.
	MustContain(t, clickIn(h.Harness, "bob", r, "Try again"), "Fay wants to continue too, but has a mentoring request")
	for _, s := range h.Platform.Take() {
		if s.To[0].User == "fay" {
			t.Fatalf("fay was told again: %q", s.Message.Text)
		}
	}

	h.Run("fay", "cancel")
	MustContain(t, h.Click("fay", "fay", "Réessayer"), "Bob souhaite aussi continuer")
	pairs, err := h.Store.PairsOf(context.Background(), h.Tenant.Member("fay"))
	if err != nil || len(pairs) != 1 || pairs[0].Mentor.User != "bob" || pairs[0].Topic != "python" {
		t.Fatalf("got fay's pairs %+v, %v, want one with bob on python", pairs, err)
	}
}
