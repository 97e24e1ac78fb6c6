package bot_test

import (
	"strings"
	"testing"
)

// TestAdminPairRequestLanguage: two members who share a language, whose
// pair only the request's own languages rule out, are not said to share
// none: the manager is told what the request asks for, in English and in
// French.
func TestAdminPairRequestLanguage(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("bob", "offer go languages:fr")
	h.Run("carol", "lang fr")
	h.Run("carol", "demande go langue:en")
	r := h.Run("alice", "admin pair @bob @carol")
	if strings.Contains(r.Message.Text, "share no language") {
		t.Errorf("got %q, want no “share no language”: both speak French", r.Message.Text)
	}
	MustContain(t, r, "• Carol's request asks for a mentor who speaks English, and Bob speaks French. Both speak French: pair them if Carol is happy with mentoring in French\n")
	h.Run("alice", "lang fr")
	r = h.Run("alice", "admin binôme @bob @carol")
	MustContain(t, r, "• La demande de Carol cherche un mentor qui parle anglais, et Bob parle français. Tous deux parlent français\u202f: associez-les si Carol accepte un mentorat en français\n")
	if len(r.Message.Buttons) != 2 {
		t.Errorf("got buttons %+v, want to confirm or cancel", r.Message.Buttons)
	}
}
