package bot_test

import (
	"strings"
	"testing"
)

// TestOrdinalEitherGender: French members write « premier » or
// « première » whichever command they type it for (goals are masculine,
// answers feminine): both are understood for both.
func TestOrdinalEitherGender(t *testing.T) {
	h := MustHarness(t)
	h.Run("ann", "lang fr")
	for _, text := range []string{"réponses premier:ce que j'ai appris", "objectifs première:écrire mon premier service"} {
		if got := h.Run("ann", text).Message.Text; strings.Contains(got, "Je ne connais pas l'option") {
			t.Errorf("%s: got %q, want the option understood", text, got)
		}
	}
}
