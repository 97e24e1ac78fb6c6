package matching

import (
	"slices"
	"testing"
)

// TestNormalizeLanguagesFastPath checks that the codes normalizeLanguages
// returns as they are are those it would have left unchanged.
func TestNormalizeLanguagesFastPath(t *testing.T) {
	for _, codes := range [][]string{
		{"en", "fr"}, {"EN"}, {"en-GB"}, {"en_GB"}, {" en"}, {"en", ""}, {"é"}, {"de\t"}, {"pt", "BR"},
	} {
		fast := normalized(codes)
		// "X" is not normalised: it forces the slow path, and becomes "x".
		slow := normalizeLanguages(append(slices.Clone(codes), "X"))
		slow = slow[:len(slow)-1]
		if fast && !slices.Equal(slow, codes) {
			t.Errorf("%q: returned as is, but normalises to %q", codes, slow)
		}
		if !slices.Equal(normalizeLanguages(codes), slow) {
			t.Errorf("%q: normalised to %q, want %q", codes, normalizeLanguages(codes), slow)
		}
	}
}
