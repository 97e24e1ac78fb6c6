package bot_test

import (
	"context"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

func init() {
	adminSamples["admin topics"] = "admin topics alias sre site reliability engineering"
}

// TestAdminTopics: a manager adds, lists and removes the workspace's own
// topic aliases; the bot refuses those that cannot work, in the manager's
// language, and the matcher sees a change at once.
func TestAdminTopics(t *testing.T) {
	h := MustAdminHarness(t)
	ctx := context.Background()
	for _, tc := range []struct{ name, text, want string }{
		{"ListNoneOK", "admin topics list", "This workspace has no topic aliases of its own yet. Add one with `/mentor admin topics alias sre site reliability engineering`."},
		{"AliasOK", "admin topics alias SRE Site Reliability Engineering", "From now on, “SRE” means “Site Reliability Engineering”, in every offer and request, including those already made."},
		{"AliasPhraseOK", "admin topics alias conduite de projets = project management", "From now on, “conduite de projets” means “project management”, in every offer and request, including those already made."},
		{"AliasChainOK", "admin topics add fiabilite sre", "From now on, “fiabilite” means “site reliability engineering”, in every offer and request, including those already made."},
		{"ErrSelf", "admin topics alias k8s kubernetes", "“k8s” and “kubernetes” are already the same topic, so there is nothing to add."},
		{"ErrSelfPlural", "admin topics alias APIs api", "“APIs” and “api” are already the same topic, so there is nothing to add."},
		{"ErrCycle", "admin topics alias site reliability engineering = fiabilité", "“site reliability engineering” can't mean “fiabilité”: “fiabilité” already leads back to “site reliability engineering”, and the aliases would go round in circles."},
		{"ErrBuiltin", "admin topics alias golang = rust", "“golang” is one of the usual spellings of “go”: as an alias, it would make every “go” mean “rust”. Choose an alias of your own."},
		{"ErrWithin", "admin topics alias web = dev web", "No alias is needed: a request on “web” already finds the mentors of “dev web”, a topic that contains it. (As an alias, “web” would also turn every other topic with that word into a longer one.)"},
		{"ErrEmpty", "admin topics alias !!! go", "An alias and its topic each need at least one letter or digit."},
		{"ErrEmptyAlias", "admin topics alias = kubernetes", "An alias and its topic each need at least one letter or digit."},
		{"ErrEmptyTopic", "admin topics alias foo =", "An alias and its topic each need at least one letter or digit."},
		{"ErrMissingTopic", "admin topics alias sre", bot.T(bot.English, "err.admin.topics_usage")},
		{"ErrUsage", "admin topics rename sre", bot.T(bot.English, "err.admin.topics_usage")},
		{"RemoveOK", "admin topics remove Conduite de projet", "“conduite de projets” is no longer an alias."},
		{"AliasBuiltinWordsOK", "admin topics alias k8s-ops = kubernetes", "From now on, “k8s-ops” means “kubernetes”, in every offer and request, including those already made."},
		{"RemoveAsTypedOK", "admin topics remove k8s-ops", "“k8s-ops” is no longer an alias."},
		{"ErrRemoveNotAlias", "admin topics remove conduite de projet", "“conduite de projet” is not one of this workspace's aliases. Type `/mentor admin topics list` to see them."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if r := h.Run("alice", tc.text); r.Message.Text != tc.want {
				t.Fatalf("got %q, want %q", r.Message.Text, tc.want)
			}
		})
	}
	t.Run("ErrTooLong", func(t *testing.T) {
		long := "x123456789x123456789x123456789x123456789x123456789x123456789x"
		if r := h.Run("alice", "admin topics alias "+long+" = go"); r.Message.Text != "An alias and its topic take at most 60 characters each." {
			t.Fatalf("got %q", r.Message.Text)
		}
	})
	t.Run("ListOK", func(t *testing.T) {
		r := h.Run("alice", "admin topics")
		MustLines(t, r.Message.Text,
			"Besides the usual spellings (k8s, golang, node.js…), this workspace reads:",
			"“fiabilite” as “site reliability engineering”",
			"“SRE” as “Site Reliability Engineering”")
	})
	t.Run("AppliesAtOnce", func(t *testing.T) {
		syn := h.Bot.Synonyms(ctx, h.Tenant)
		if got := syn.Normalize("Fiabilité"); got != "site reliability engineering" {
			t.Fatalf("got %q, want the alias applied", got)
		}
		h.Run("alice", "admin topics remove fiabilite")
		if got := h.Bot.Synonyms(ctx, h.Tenant).Normalize("Fiabilité"); got != "fiabilite" {
			t.Fatalf("got %q after removing the alias, want it gone at once", got)
		}
	})
	t.Run("French", func(t *testing.T) {
		h.Run("alice", "lang fr")
		if r := h.Run("alice", "admin topics alias ops devops"); r.Message.Text != "Désormais, «\u202fops\u202f» veut dire «\u202fdevops\u202f», dans toutes les offres et demandes, y compris celles déjà faites." {
			t.Fatalf("got %q", r.Message.Text)
		}
		if r := h.Run("alice", "admin topics alias golang go"); r.Message.Text != "«\u202fgolang\u202f» et «\u202fgo\u202f» sont déjà le même sujet\u202f: il n'y a rien à ajouter." {
			t.Fatalf("got %q", r.Message.Text)
		}
		// Listed as typed, accents and words kept, not folded
		// ("dev web", "artificial intelligence generative").
		h.Run("alice", "admin topics alias dév web = développement web")
		h.Run("alice", "admin topics alias IA générative = intelligence artificielle")
		MustLines(t, h.Run("alice", "admin topics lister").Message.Text,
			"«\u202fIA générative\u202f» comme «\u202fintelligence artificielle\u202f»",
			"«\u202fdév web\u202f» comme «\u202fdéveloppement web\u202f»")
		if got := h.Bot.Synonyms(ctx, h.Tenant).Normalize("Dev Web"); got != "web development" {
			t.Fatalf("got %q, want the alias applied to the folded topic", got)
		}
	})
}
