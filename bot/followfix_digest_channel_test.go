package bot_test

import (
	"strings"
	"testing"
)

// TestDigestChannelCannotPost: on a platform that cannot post in
// channels, setting the managers' channel says one true thing: the
// channel is saved, and the digest will not be posted there; never
// "Done: … will be posted" before a note that it will not.
func TestDigestChannelCannotPost(t *testing.T) {
	h := MustAdminHarness(t)
	h.Bot.Register(h.Tenant.Platform, h.Platform) // no Poster
	for _, tc := range []struct{ lang, want string }{
		{"en", "Saved: #mentoring. I can't post in channels on this platform, so the weekly digest will not be posted there; `/mentor admin stats` shows it to you."},
		{"fr", "Enregistré\u202f: #mentoring. Je ne peux pas publier dans les canaux sur cette plateforme, le bilan hebdomadaire n'y sera donc pas publié\u202f; `/mentor admin statistiques` vous le montre."},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			h.Run("alice", "lang "+tc.lang)
			got := h.Run("alice", "admin digest-channel #mentoring").Message.Text
			if got != tc.want {
				t.Fatalf("got %q, want %q", got, tc.want)
			}
			for _, word := range []string{"Done", "will be posted", "C'est fait", "sera publié dans"} {
				if strings.Contains(got, word) {
					t.Errorf("got %q, want no %q", got, word)
				}
			}
		})
	}
}
