package bot_test

import (
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestPauseUntilWithApostrophe: French writes « jusqu'au », with a
// straight or a typographic apostrophe, and « jusqu'à »: each names
// until:, as jusqu-au: does.
func TestPauseUntilWithApostrophe(t *testing.T) {
	b := bot.New(bot.Config{}, nil, bot.SystemClock{}, nil, nil)
	for _, typed := range []string{"pause jusqu'au:2027-01-10", "pause jusqu’au:2027-01-10", "pause jusqu‘au:2027-01-10", "pause Jusqu'à:2027-01-10", "pause jusqu-au:2027-01-10"} {
		spec, values, err := b.ParseIn(bot.French, typed)
		if err != nil || spec.Name != "pause" || values["until"] != "2027-01-10" {
			t.Errorf("%q: got %q %v (%v), want pause until 2027-01-10", typed, spec.Name, values, err)
		}
	}
	h := MustHarness(t)
	h.Run("bob", "lang fr")
	h.Run("bob", "offer go")
	r := h.Run("bob", "pause jusqu’au:10 janvier 2027")
	if got := r.Message.Text; strings.Contains(got, "ne prend pas de texte") || !strings.Contains(got, "10 janvier 2027") {
		t.Errorf("got %q, want the pause until 10 janvier 2027", got)
	}
}

// TestOptionLikeWordIsAnUnknownOption: in a command that takes no text,
// a word that looks like an option but names none is refused as an
// unknown option, with the closest one, not as text the command does
// not take.
func TestOptionLikeWordIsAnUnknownOption(t *testing.T) {
	h := MustHarness(t)
	h.Run("bob", "offer go")
	for _, tc := range []struct{ user, text, want string }{
		{"bob", "pause until2:2027-01-10", "I don't know the option `until2:`. Did you mean `until:`?"},
		{"bob", "pause jusqu'a.:2027-01-10", "I don't know the option `jusqu'a.:`."},
		{"bob", "pause 2027-01-10", "`/mentor pause` takes no text."},
	} {
		if got := h.Run(tc.user, tc.text).Message.Text; !strings.Contains(got, tc.want) {
			t.Errorf("%s: got %q, want it to contain %q", tc.text, got, tc.want)
		}
	}
	h.Run("eve", "lang fr")
	want := "Je ne connais pas l'option `jusqu'o:`. Vouliez-vous dire `jusqu'au:`\u202f?"
	if got := h.Run("eve", "pause jusqu'o:2027-01-10").Message.Text; !strings.Contains(got, want) {
		t.Errorf("got %q, want it to contain %q", got, want)
	}
}
