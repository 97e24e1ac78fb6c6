package bot

import (
	"strings"
	"testing"
)

// TestTruthPlatformWordsGone: on a Discord server, "err.gone" and the
// topic aliases' sentences have their Discord words (platformKey): a
// server, never Slack's workspace, in both languages; elsewhere they
// stay as they were.
func TestTruthPlatformWordsGone(t *testing.T) {
	discord, slack := Tenant{Platform: "discord", Workspace: "G1"}, Tenant{Platform: "slack", Workspace: "T1"}
	keys := []string{"err.gone", "admin.topics.intro", "admin.topics.none", "err.admin.topics_too_many", "err.admin.topics_not_alias"}
	for _, key := range keys {
		for _, l := range Langs {
			k := platformKey(discord, key)
			if k != key+".discord" || !HasKey(l, k) {
				t.Errorf("%s %s: got key %q, want %q in the catalog", l, key, k, key+".discord")
				continue
			}
			got := strings.ToLower(T(l, k))
			if strings.Contains(got, "workspace") || strings.Contains(got, "espace") || !strings.Contains(got, map[Lang]string{English: "server", French: "serveur"}[l]) {
				t.Errorf("%s %s: got %q, want the server's words", l, key, got)
			}
			if k := platformKey(slack, key); k != key {
				t.Errorf("%s %s: got key %q on Slack, want %q", l, key, k, key)
			}
		}
	}
}
