package bot_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestStructuredOptionTwice: an adapter's values given under two names
// of one option are refused as a typed option given twice, both values
// shown in the member's language, every time (a map's order does not
// choose); a list takes both, in the order of the option's names; the
// same value twice is one.
func TestStructuredOptionTwice(t *testing.T) {
	h := MustHarness(t)
	ctx := context.Background()
	run := func(user string, values map[string]string) bot.Reply {
		return h.Bot.HandleCommand(ctx, bot.Command{Member: h.Tenant.Member(user), Name: "offer", Values: values})
	}
	h.Run("fr", "lang fr")
	for i := range 20 {
		t.Run(fmt.Sprint("ErrTwice", i), func(t *testing.T) {
			MustContain(t, run("fr", map[string]string{"topics": "go", "capacity": "3", "Capacité": "5"}),
				"Vous avez donné `capacité:` deux fois («\u202f3\u202f» et «\u202f5\u202f»)\u202f: ne donnez cette option qu'une fois.")
			MustContain(t, run("en", map[string]string{"topics": "go", "places": "5", "capacity": "3"}),
				"You gave `capacity:` twice (“3” and “5”): give it once.")
		})
	}
	for _, u := range []string{"en", "fr"} {
		if _, err := h.Store.GetOffer(ctx, h.Tenant.Member(u)); bot.ErrorCode(err) != bot.ENOTFOUND {
			t.Fatalf("%s: got offer error %v, want none stored", u, err)
		}
	}
	t.Run("ListKeepsBoth", func(t *testing.T) {
		for i := range 10 {
			user := fmt.Sprint("list", i)
			run(user, map[string]string{"sujets": "rust", "topics": "go"})
			o, err := h.Store.GetOffer(ctx, h.Tenant.Member(user))
			if err != nil || !slices.Equal(o.Topics, []string{"go", "rust"}) {
				t.Fatalf("got %v, %v; want [go rust]", o.Topics, err)
			}
		}
	})
	t.Run("SameValueOnce", func(t *testing.T) {
		run("same", map[string]string{"topics": "go", "capacity": "3", "capacité": "3"})
		if o, err := h.Store.GetOffer(ctx, h.Tenant.Member("same")); err != nil || o.Capacity != 3 {
			t.Fatalf("got %+v, %v; want capacity 3", o, err)
		}
	})
}
