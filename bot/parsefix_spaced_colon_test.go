package bot_test

import (
	"context"
	"maps"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestParseSpacedColon: an option's name typed with a space before its
// colon, as French typography writes « nom : valeur » (an ordinary, a
// no-break or a narrow no-break space), is that option; a word that names
// no option of the command keeps its " : " as text.
func TestParseSpacedColon(t *testing.T) {
	b := bot.New(bot.Config{}, nil, bot.SystemClock{}, nil, nil)
	tests := []struct {
		name, text, cmd string
		values          map[string]string
	}{
		{"Goal", "demande go objectif : apprendre les goroutines", "request",
			map[string]string{"topic": "go", "goal": "apprendre les goroutines"}},
		{"TwoOptions", "propose python fuseau : Paris capacité : 3", "offer",
			map[string]string{"topics": "python", "tz": "Paris", "capacity": "3"}},
		{"Apostrophe", "pause jusqu'au : 10 janvier", "pause", map[string]string{"until": "10 janvier"}},
		{"NameInTwoWords", "pause jusqu au : 10 janvier", "pause", map[string]string{"until": "10 janvier"}},
		{"NoBreakSpaces", "propose python fuseau\u00a0: Paris capacité\u202f:\u202f3", "offer",
			map[string]string{"topics": "python", "tz": "Paris", "capacity": "3"}},
		{"NoSpaceAfter", "propose python capacité :3", "offer", map[string]string{"topics": "python", "capacity": "3"}},
		{"SpaceAfterOnly", "propose python fuseau: Paris", "offer", map[string]string{"topics": "python", "tz": "Paris"}},
		{"EnglishName", "offer go capacity : 2", "offer", map[string]string{"topics": "go", "capacity": "2"}},
		{"NotAnOptionStaysText", "demande go objectif : apprendre note : vite", "request",
			map[string]string{"topic": "go", "goal": "apprendre note : vite"}},
		{"TopicWithColon", "propose go : le langage", "offer", map[string]string{"topics": "go : le langage"}},
		{"URLStaysText", "demande go objectif : lire https ://go.dev", "request",
			map[string]string{"topic": "go", "goal": "lire https ://go.dev"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spec, values, err := b.ParseIn(bot.French, tt.text)
			if err != nil {
				t.Fatalf("got error %v, want none", err)
			}
			if spec.Name != tt.cmd || !maps.Equal(values, tt.values) {
				t.Fatalf("got %q %v, want %q %v", spec.Name, values, tt.cmd, tt.values)
			}
		})
	}
}

// TestSpacedColonEndToEnd: what a French tester typed in the shell.
func TestSpacedColonEndToEnd(t *testing.T) {
	h := MustHarness(t)
	ctx := context.Background()
	h.Run("bob", "lang fr")

	t.Run("RequestGoal", func(t *testing.T) {
		r := h.Run("bob", "demande go objectif : apprendre les goroutines")
		if strings.Contains(r.Message.Text, "objectif") {
			t.Fatalf("got reply %q, want the goal out of the topic", r.Message.Text)
		}
		req, err := h.Store.OpenRequest(ctx, h.Tenant.Member("bob"))
		if err != nil || req.Topic != "go" || req.Goal != "apprendre les goroutines" {
			t.Fatalf("got request %+v, %v; want topic go and goal « apprendre les goroutines »", req, err)
		}
	})
	t.Run("OfferZoneAndCapacity", func(t *testing.T) {
		h.Run("ann", "lang fr")
		MustContain(t, h.Run("ann", "propose python fuseau : Paris capacité : 3"), "mentor pour\u202f: python.")
		o, err := h.Store.GetOffer(ctx, h.Tenant.Member("ann"))
		if err != nil || len(o.Topics) != 1 || o.Topics[0] != "python" || o.TZ != "Europe/Paris" || o.Capacity != 3 {
			t.Fatalf("got offer %+v, %v; want python, Europe/Paris, 3", o, err)
		}
	})
	t.Run("PauseUntil", func(t *testing.T) {
		r := h.Run("ann", "pause jusqu'au : 10 janvier")
		MustContain(t, r, "en pause jusqu'au")
		if strings.Contains(r.Message.Text, "::") {
			t.Fatalf("got reply %q, want no double colon", r.Message.Text)
		}
	})
}

// TestColonForgottenNoDoubleColon: a colon the parser does not read as
// the option's (on the next line) is not repeated in the suggestion.
func TestColonForgottenNoDoubleColon(t *testing.T) {
	h := MustHarness(t)
	h.Run("bob", "offer go")
	h.Run("bob", "lang fr")
	MustContain(t, h.Run("bob", "pause jusqu'au\n: 10 janvier"), "Vouliez-vous dire `jusqu'au:10 janvier`\u202f?")
	MustContain(t, h.Run("bob", "pause jusqu'au\n:"), "Donnez une valeur à `jusqu'au:` après ses deux-points")
}

// TestReadTypedSpacedColon: the typed commands' reader (syntax.go)
// shares the parser's scanner, and reads a spaced colon the same way.
func TestReadTypedSpacedColon(t *testing.T) {
	tc, ok := bot.ReadTyped("/mentor propose python fuseau : Paris")
	if !ok || len(tc.Options) != 2 {
		t.Fatalf("got %+v, %v; want two options", tc, ok)
	}
	if o := tc.Options[1]; o.Option.Name != "tz" || o.Value != "Paris" || !tc.French {
		t.Fatalf("got %+v (French %v), want tz Paris, written in French", o, tc.French)
	}
}
