package bot_test

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
)

// profileCounter is the recording fake platform that counts the
// profiles it is asked for.
type profileCounter struct {
	*bottest.Platform
	asked atomic.Int32
}

func (p *profileCounter) Profile(ctx context.Context, id bot.MemberID) (bot.Profile, error) {
	p.asked.Add(1)
	return p.Platform.Profile(ctx, id)
}

// TestTypedFixFirstCommandReadsProfileLocale: a newcomer whose first
// command comes without a locale (the adapter had none cached) is
// answered in their platform's language, even when refused before
// anything is recorded; the platform is asked once for it, and not at
// all for a known member's command or one that comes with its locale.
func TestTypedFixFirstCommandReadsProfileLocale(t *testing.T) {
	h := MustHarness(t)
	p := &profileCounter{Platform: h.Platform}
	h.Bot.Register(h.Tenant.Platform, p)
	h.Platform.Locales["elise"] = "fr-FR"
	h.Platform.Locales["henri"] = "fr-FR"

	r := h.Run("elise", "request go kind:individul")
	if r.Lang != bot.French || !strings.Contains(r.Message.Text, "«\u202findividul\u202f»") {
		t.Fatalf("got %q in %s, want the refusal in French", r.Message.Text, r.Lang)
	}
	if n := p.asked.Load(); n != 1 {
		t.Fatalf("got %d profile lookups for a refused first command, want 1", n)
	}
	p.asked.Store(0)
	r = h.Run("elise", "request go")
	if r.Lang != bot.French || p.asked.Load() != 1 {
		t.Fatalf("got %s and %d profile lookups for a first recorded command, want French and 1 (read once, kept)", r.Lang, p.asked.Load())
	}
	if m, err := h.Store.GetMember(context.Background(), h.Tenant.Member("elise")); err != nil || m.Lang != bot.French || m.Name != "Elise" {
		t.Fatalf("got %+v, %v; want Elise recorded reading French", m, err)
	}

	p.asked.Store(0)
	h.Run("elise", "request go kind:individul")
	h.Run("elise", "status")
	if n := p.asked.Load(); n != 0 {
		t.Fatalf("got %d profile lookups for a known member, want none", n)
	}
	r = h.Bot.HandleCommand(context.Background(), bot.Command{Member: h.Tenant.Member("henri"), Text: "request go kind:individul", Locale: "fr-FR"})
	if n := p.asked.Load(); n != 0 || r.Lang != bot.French {
		t.Fatalf("got %d profile lookups and %s for a command with its locale, want none and French", n, r.Lang)
	}
}

// TestTypedFixSuggestionInTheLanguageSaid: a member answered in French
// for their French command words, and told by the status that they read
// French, gets "Did you mean …?" in French, with French command words,
// whatever their platform's locale; they are recorded reading French,
// unless they asked to be forgotten.
func TestTypedFixSuggestionInTheLanguageSaid(t *testing.T) {
	h := MustHarness(t)
	run := func(user, text, locale string) bot.Reply {
		return h.Bot.HandleCommand(context.Background(), bot.Command{Member: h.Tenant.Member(user), Text: text, Locale: locale})
	}
	fr := func(typed, suggestion string) string {
		return "Je ne connais pas la commande «\u202f" + typed + "\u202f». Vouliez-vous dire `/mentor " + suggestion + "`\u202f? Tapez `/mentor aide` pour la liste."
	}
	for _, locale := range []string{"", "en-GB"} {
		user := "dan" + strings.ReplaceAll(locale, "-", "")
		run(user, "aide", locale)
		MustContain(t, run(user, "statut", locale), "vous lisez les messages en français")
		for _, tc := range []struct{ text, want string }{
			{"demnde go", fr("demnde", "demande")},
			{"propse go", fr("propse", "propose")},
			{"aide demnde", fr("demnde", "aide demande")},
			{"lang:fr", fr("lang:fr", "langue fr")},
		} {
			if r := run(user, tc.text, locale); r.Message.Text != tc.want {
				t.Errorf("%s (locale %q): got %q, want %q", tc.text, locale, r.Message.Text, tc.want)
			}
		}
	}
	if r := h.Run("en", "help demnde"); !strings.Contains(r.Message.Text, "Did you mean `/mentor help request`?") {
		t.Errorf("got %q, want the help of request suggested", r.Message.Text)
	}
	if r := h.Run("en", "lang:fr"); !strings.Contains(r.Message.Text, "Did you mean `/mentor lang fr`?") {
		t.Errorf("got %q, want /mentor lang fr suggested", r.Message.Text)
	}
	if r := h.Run("en", "admn stats"); !strings.Contains(r.Message.Text, "Did you mean `/mentor admin stats`?") {
		t.Errorf("got %q, want /mentor admin stats suggested", r.Message.Text)
	}
	if r := h.Run("en", "offer:go"); !strings.Contains(r.Message.Text, "Did you mean `/mentor offer go`?") {
		t.Errorf("got %q, want /mentor offer go suggested", r.Message.Text)
	}
	// Forgetting records nobody, even in French words.
	run("olga", "oublier", "")
	if _, err := h.Store.GetMember(context.Background(), h.Tenant.Member("olga")); bot.ErrorCode(err) != bot.ENOTFOUND {
		t.Fatalf("got olga recorded (%v), want no record after /mentor oublier", err)
	}
}
