package bot_test

import (
	"context"
	"slices"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestOfferAddAndRemove: a topic both given (add: or the topics) and
// removed in one command, compared as the offer compares topics (case,
// accents, plurals, aliases), is refused by name, and nothing changes.
func TestOfferAddAndRemove(t *testing.T) {
	h := MustHarness(t)
	ctx := context.Background()
	h.Run("fr", "lang fr")
	h.Run("fr", "propose rust")
	h.Run("en", "offer rust")
	tests := []struct {
		name, user, text, want string
	}{
		{"French", "fr", "propose ajouter:Go retirer:go",
			"Vous demandez à la fois d'ajouter «\u202fGo\u202f» et de le retirer\u202f: je n'ai rien changé."},
		{"Alias", "en", "offer add:golang remove:go", "“golang” and “go” are the same topic, which you asked both to add and to remove, so I changed nothing."},
		{"Plural", "en", "offer add:databases remove:database", "“databases” and “database” are the same topic"},
		{"Accents", "fr", "propose ajouter:réseaux retirer:reseau", "«\u202fréseaux\u202f» et «\u202freseau\u202f» sont le même sujet"},
		{"Topics", "en", "offer python, rust remove:Python", "You asked both to add “python” and to remove it, so I changed nothing."},
		{"Spaced", "fr", "propose ajouter : go retirer : go", "Vous demandez à la fois d'ajouter «\u202fgo\u202f» et de le retirer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			MustContain(t, h.Run(tt.user, tt.text), tt.want)
			o, err := h.Store.GetOffer(ctx, h.Tenant.Member(tt.user))
			if err != nil || !slices.Equal(o.Topics, []string{"rust"}) {
				t.Fatalf("got %v, %v; want [rust] unchanged", o.Topics, err)
			}
		})
	}
	t.Run("NoOffer", func(t *testing.T) {
		MustContain(t, h.Run("new", "offer add:go remove:Go"), "You asked both to add “go” and to remove it")
		if _, err := h.Store.GetOffer(ctx, h.Tenant.Member("new")); bot.ErrorCode(err) != bot.ENOTFOUND {
			t.Fatalf("got offer error %v, want none stored", err)
		}
	})
	t.Run("OtherTopicsStillChange", func(t *testing.T) {
		h.Run("en", "offer add:go remove:rust")
		if o, _ := h.Store.GetOffer(ctx, h.Tenant.Member("en")); !slices.Equal(o.Topics, []string{"go"}) {
			t.Fatalf("got %v, want [go]", o.Topics)
		}
	})
}
