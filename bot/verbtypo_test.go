package bot_test

import (
	"strings"
	"testing"
)

// TestUnknownVerbSuggestion: a misspelled verb of a managers' command
// that starts with one ("admin topics lsit") gets the closest verb, in
// the reader's words, before the usage; a word close to none gets the
// usage alone.
func TestUnknownVerbSuggestion(t *testing.T) {
	h := MustAdminHarness(t)
	for _, tc := range []struct{ text, want string }{
		{"admin topics lsit", "I don't know “lsit” after `/mentor admin topics`. Did you mean `/mentor admin topics list`? Use `/mentor admin topics alias"},
		{"admin program creat Spring", "Did you mean `/mentor admin program create`? Write"},
		{"admin managers ad @bob", "Did you mean `/mentor admin managers add`?"},
		{"admin events cancl Spring", "Did you mean `/mentor admin events cancel`?"},
	} {
		if got := h.Run("alice", tc.text).Message.Text; !strings.Contains(got, tc.want) {
			t.Errorf("%s: got %q, want it to contain %q", tc.text, got, tc.want)
		}
	}
	if got := h.Run("alice", "admin topics banana").Message.Text; strings.Contains(got, "Did you mean") || !strings.HasPrefix(got, "Use `/mentor admin topics alias") {
		t.Errorf("admin topics banana: got %q, want the usage alone", got)
	}
	h.Run("alice", "lang fr")
	for _, tc := range []struct{ text, want string }{
		{"admin sujets lsit", "Je ne connais pas «\u202flsit\u202f» après `/mentor admin sujets`. Vouliez-vous dire `/mentor admin sujets lister`\u202f? Utilisez"},
		{"admin programme crée Printemps", "Vouliez-vous dire `/mentor admin programme créer`\u202f?"},
		{"admin responsables ajoutr @bob", "Vouliez-vous dire `/mentor admin responsables ajouter`\u202f?"},
		{"admin événements annler Printemps", "Vouliez-vous dire `/mentor admin événements annuler`\u202f?"},
	} {
		if got := h.Run("alice", tc.text).Message.Text; !strings.Contains(got, tc.want) {
			t.Errorf("%s: got %q, want it to contain %q", tc.text, got, tc.want)
		}
	}
}
