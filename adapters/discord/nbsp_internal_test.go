package discord

import "testing"

// TestOneLineKeepsNoBreakSpaces: button labels, thread names and modal
// titles are put on one line without losing the French no-break spaces
// (before a colon, inside « »), which strings.Fields took for spaces.
func TestOneLineKeepsNoBreakSpaces(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"1\u202f: ce créneau me convient", "1\u202f: ce créneau me convient"},
		{"Mettre fin au binôme avec Ada («\u202fgo\u202f»)", "Mettre fin au binôme avec Ada («\u202fgo\u202f»)"},
		{"  Mise en relation\u00a0: go\n\t(2)  ", "Mise en relation\u00a0: go (2)"},
	} {
		if got := buttonLabel(tt.in); got != tt.want {
			t.Errorf("buttonLabel(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := threadName(tt.in); got != tt.want {
			t.Errorf("threadName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
