package bot_test

import (
	"strings"
	"testing"
)

// TestAdminHelpConfirmOptions: confirm: on announce and invite-mentors is
// explained as what it does there, not as the pair's confirmation.
func TestAdminHelpConfirmOptions(t *testing.T) {
	h := MustAdminHarness(t)
	for cmd, want := range map[string]string{
		"admin help announce":       "confirm: yes: send the call again to those who already got it",
		"admin help invite-mentors": "confirm: yes: invite again those who already got an invitation to this program",
	} {
		r := h.Run("alice", cmd)
		MustContain(t, r, want)
		if strings.Contains(r.Message.Text, "matcher will not pair") {
			t.Errorf("%s: got %q, want no word of pairs", cmd, r.Message.Text)
		}
	}
	h.Run("alice", "lang fr")
	MustContain(t, h.Run("alice", "admin help annonce"), "oui\u202f: envoyer de nouveau l'appel à qui l'a déjà reçu")
	MustContain(t, h.Run("alice", "admin help inviter-mentors"), "oui\u202f: envoyer de nouveau l'invitation à qui l'a déjà reçue pour ce programme")
}
