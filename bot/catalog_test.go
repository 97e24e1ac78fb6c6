package bot_test

import (
	"regexp"
	"slices"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

var placeholder = regexp.MustCompile(`\{[a-z_]+\}`)

// TestCatalogParity: every sentence exists in both languages, with the
// same placeholders, so no member ever sees a key or an unfilled {name}.
func TestCatalogParity(t *testing.T) {
	en, fr := bot.CatalogKeys(bot.English), bot.CatalogKeys(bot.French)
	for _, k := range en {
		if !bot.HasKey(bot.French, k) {
			t.Errorf("key %q is missing in French", k)
			continue
		}
		pe := placeholder.FindAllString(bot.T(bot.English, k), -1)
		pf := placeholder.FindAllString(bot.T(bot.French, k), -1)
		slices.Sort(pe)
		slices.Sort(pf)
		if !slices.Equal(slices.Compact(pe), slices.Compact(pf)) {
			t.Errorf("key %q: got placeholders %v in French, want %v as in English", k, pf, pe)
		}
	}
	for _, k := range fr {
		if !bot.HasKey(bot.English, k) {
			t.Errorf("key %q is missing in English", k)
		}
	}
}

// TestCommandTableIsTranslated: every command and option of the table has
// its help sentences in both languages.
func TestCommandTableIsTranslated(t *testing.T) {
	b := bot.New(bot.Config{}, nil, bot.SystemClock{}, nil, nil)
	for _, c := range b.Commands() {
		for _, l := range bot.Langs {
			for _, k := range []string{c.CatalogKey() + ".summary", c.CatalogKey() + ".example"} {
				if !bot.HasKey(l, k) {
					t.Errorf("%s: missing %q", l, k)
				}
			}
			for _, o := range c.Options {
				if !bot.HasKey(l, "opt."+o.Name) {
					t.Errorf("%s: missing option help %q", l, "opt."+o.Name)
				}
			}
		}
	}
}

func TestT(t *testing.T) {
	got := bot.T(bot.French, "request.cancelled", "topic", "go")
	if want := "Votre demande sur « go » est retirée."; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	if got := bot.T(bot.French, "no.such.key"); got != "no.such.key" {
		t.Fatalf("got %q, want the key back", got)
	}
	// A value is never scanned for placeholders: a member's text cannot
	// inject one. An unknown placeholder stays as it is.
	got = bot.T(bot.English, "status.pair.mentor", "name", "{topic} {state}", "topic", "go")
	if want := "Mentor of {topic} {state} on “go”: {state}"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

// BenchmarkT: one sentence with three placeholders (the catalog's common
// case), in one pass with one allocation.
func BenchmarkT(b *testing.B) {
	for i := 0; i < b.N; i++ {
		_ = bot.T(bot.French, "status.pair.mentor", "name", "Alice", "topic", "go", "state", "actif")
	}
}
