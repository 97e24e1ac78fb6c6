package bot_test

import (
	"context"
	"slices"
	"testing"
)

// TestOfferTopicsUnquoted: quotes around each offered topic, straight,
// curly or French, are no part of it, in topics:, add: and remove:, even
// when every topic of the list is quoted.
func TestOfferTopicsUnquoted(t *testing.T) {
	h := MustHarness(t)
	ctx := context.Background()
	topics := func(user string) []string {
		t.Helper()
		o, err := h.Store.GetOffer(ctx, h.Tenant.Member(user))
		if err != nil {
			t.Fatal(err)
		}
		return o.Topics
	}
	tests := []struct {
		name, user, text string
		want             []string
	}{
		{"Straight", "bob", `offer "public speaking", leadership`, []string{"public speaking", "leadership"}},
		{"AllQuoted", "bob", `offer topics:"public speaking", "leadership"`, []string{"public speaking", "leadership"}},
		{"Add", "bob", `offer add:“team lead”, 'finance'`, []string{"public speaking", "leadership", "team lead", "finance"}},
		{"Remove", "bob", `offer remove:"team lead"`, []string{"public speaking", "leadership", "finance"}},
		{"French", "carol", "propose « gestion de projet », finance", []string{"gestion de projet", "finance"}},
		{"FrenchAllQuoted", "carol", "propose « gestion de projet », « finance »", []string{"gestion de projet", "finance"}},
	}
	h.Run("carol", "lang fr")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := h.Run(tt.user, tt.text)
			if got := topics(tt.user); !slices.Equal(got, tt.want) {
				t.Fatalf("%s: topics %q, want %q; reply:\n%s", tt.text, got, tt.want, out.Message.Text)
			}
		})
	}
	MustContain(t, h.Run("dan", `offer "public speaking", leadership`), "You are now a mentor for: public speaking and leadership.")
	h.Run("erin", "lang fr")
	MustContain(t, h.Run("erin", "propose « gestion de projet », finance"), "Vous êtes maintenant mentor pour\u202f: gestion de projet et finance.")
}
