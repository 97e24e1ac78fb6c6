package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestOptionTwice: an option given twice (by one name, by its English
// and its French name, or positionally and by name) is refused with both
// values, named as the member's language names it, and nothing is saved;
// a list given twice gets both, and a form, whose fields are options,
// never meets the refusal.
func TestOptionTwice(t *testing.T) {
	h := MustHarness(t)
	h.Run("fr", "lang fr")
	tests := []struct {
		name, user, text, want string
	}{
		{"Same", "en", "offer go capacity:1 capacity:5", "You gave `capacity:` twice (“1” and “5”): give it once."},
		{"EnglishAndFrench", "en", "offer go capacity:1 capacité:5", "You gave `capacity:` twice (“1” and “5”): give it once."},
		{"French", "fr", "propose go capacité:1 places:5", "Vous avez donné `capacité:` deux fois («\u202f1\u202f» et «\u202f5\u202f»)\u202f: ne donnez cette option qu'une fois."},
		{"PositionalAndNamed", "fr", "demande go sujet:rust", "Vous avez donné `sujet:` deux fois («\u202fgo\u202f» et «\u202frust\u202f»)\u202f: ne donnez cette option qu'une fois."},
		{"PositionalAndNamedEnglish", "en", "request go topic:rust", "You gave `topic:` twice (“go” and “rust”): give it once."},
		{"Goals", "en", "goals first:a first:b", "You gave `first:` twice (“a” and “b”): give it once."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			MustContain(t, h.Run(tt.user, tt.text), tt.want)
		})
	}
	ctx := context.Background()
	for _, u := range []string{"en", "fr"} {
		if _, err := h.Store.GetOffer(ctx, h.Tenant.Member(u)); bot.ErrorCode(err) != bot.ENOTFOUND {
			t.Fatalf("%s: got offer error %v, want none stored", u, err)
		}
		if _, err := h.Store.OpenRequest(ctx, h.Tenant.Member(u)); bot.ErrorCode(err) != bot.ENOTFOUND {
			t.Fatalf("%s: got request error %v, want none stored", u, err)
		}
	}

	// Lists repeat by design.
	MustContain(t, h.Run("en", "offer go topics:rust languages:en langues:fr"), "go and rust")
	o, err := h.Store.GetOffer(ctx, h.Tenant.Member("en"))
	if err != nil || len(o.Topics) != 2 || len(o.Languages) != 2 {
		t.Fatalf("got %+v, %v; want both topics and both languages", o, err)
	}

	// A form's fields are one value each, whatever their names.
	r := h.Bot.HandleCommand(ctx, bot.Command{Member: h.Tenant.Member("form"), Name: "offer", FromForm: true,
		Values: map[string]string{"topics": "go", "capacity": "3"}})
	MustContain(t, r, "You are now a mentor for: go")
	r = h.Bot.HandleCommand(ctx, bot.Command{Member: h.Tenant.Member("slash"), Name: "request", Forms: true,
		Values: map[string]string{"topic": "go", "kind": "peer"}})
	if len(r.FieldErrors) > 0 || r.Message.Text == "" || strings.Contains(r.Message.Text, "twice") {
		t.Fatalf("got %+v, want the request taken", r)
	}
}
