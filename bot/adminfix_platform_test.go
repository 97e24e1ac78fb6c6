package bot_test

import (
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// TestPlatformWords: on a Discord server the core says server, not
// workspace, where the catalog has the sentence in Discord's words; on
// another platform, workspace. Every Discord sentence exists in both
// languages.
func TestPlatformWords(t *testing.T) {
	run := func(platform, lang string, command ...string) string {
		t.Helper()
		tn := storetest.Tenant(t, "test")
		tn.Platform = platform
		h := bottest.New(t, storetest.MustMemory(t), tn, bot.Config{Managers: []string{"alice"}})
		if lang != "" {
			h.Run("alice", "lang "+lang)
		}
		if len(command) > 0 {
			return h.Run("alice", command[0]).Message.Text
		}
		return h.Run("alice", "admin program show default").Message.Text
	}
	for _, c := range []struct{ platform, lang, want string }{
		{"discord", "", "The default program is always open: it cannot be shown or closed. `/mentor admin stats` shows the whole server."},
		{"discord", "fr", "Le programme par défaut est toujours ouvert\u202f: il ne peut être ni affiché ni clos. `/mentor admin statistiques` montre l'ensemble du serveur."},
		{"slack", "fr", "Le programme par défaut est toujours ouvert\u202f: il ne peut être ni affiché ni clos. `/mentor admin statistiques` montre l'ensemble de l'espace de travail."},
	} {
		if got := run(c.platform, c.lang); got != c.want {
			t.Errorf("%s %s: got %q, want %q", c.platform, c.lang, got, c.want)
		}
	}
	// The managers' list says who else is a manager, as the platform
	// names it.
	for _, c := range []struct{ platform, lang, want string }{
		{"discord", "fr", "Les membres qui ont la permission «\u202fGérer le serveur\u202f» ou «\u202fAdministrateur\u202f» sont aussi responsables."},
		{"discord", "", "Members with the Manage Server or Administrator permission are managers too."},
		{"slack", "", "The workspace's administrators are managers too."},
	} {
		if got := run(c.platform, c.lang, "admin managers"); !strings.HasSuffix(got, "\n"+c.want) {
			t.Errorf("%s %s: got %q, want it to end with %q", c.platform, c.lang, got, c.want)
		}
	}
	for _, k := range []string{"admin.managers.admins.discord", "err.program.default.discord"} {
		for _, l := range bot.Langs {
			if !bot.HasKey(l, k) {
				t.Errorf("%s: missing %q", l, k)
			}
		}
	}
}
