package bot

import (
	"regexp"
	"strings"
	"testing"
)

// TestCatalogCommandsInTheirLanguage: every command a catalog shows, in a
// code span ("`/mentor propose <sujets>`") or as a command's example, is
// written with the names its readers type: a French reader reads
// "/mentor demande", "/mentor admin réglages", "capacité:", never
// "/mentor request". A sentence written with the other language's names
// fails here, with the span as it should read (TypedIn).
func TestCatalogCommandsInTheirLanguage(t *testing.T) {
	span := regexp.MustCompile("`(/mentor [^`]*)`")
	for _, lang := range Langs {
		for key, s := range catalogs[lang] {
			var commands []string
			for _, m := range span.FindAllStringSubmatch(s, -1) {
				commands = append(commands, m[1])
			}
			if strings.HasSuffix(key, ".example") && strings.HasPrefix(s, "/mentor ") {
				commands = append(commands, s)
			}
			for _, c := range commands {
				if want := TypedIn(lang, c); want != c {
					t.Errorf("%s %s: got %q, want %q", lang, key, c, want)
				}
			}
		}
	}
}

// TestTypedIn: a typed command is rewritten in the reader's words, its
// command, options and the values that have words in each language, and
// nothing else; back again, it is what it was.
func TestTypedIn(t *testing.T) {
	for _, tc := range []struct{ en, fr string }{
		{"/mentor offer go capacity:2", "/mentor propose go capacité:2"},
		{"/mentor offer", "/mentor propose"},
		{"/mentor help offer", "/mentor aide propose"},
		{"/mentor request kubernetes kind:one-to-one languages:fr", "/mentor demande kubernetes type:individuel langues:fr"},
		{"/mentor request <topic>", "/mentor demande <topic>"},
		{"/mentor pause until:2027-01-10", "/mentor pause jusqu'au:2027-01-10"},
		{"/mentor goals third:monter   mon cluster", "/mentor objectifs troisième:monter   mon cluster"},
		{`/mentor admin program create "Mentorat 2027"`, `/mentor admin programme créer "Mentorat 2027"`},
		{"/mentor admin settings nom:valeur", "/mentor admin réglages nom:valeur"},
		{"/mentor export-me", "/mentor mes-données"},
	} {
		if got := TypedIn(French, tc.en); got != tc.fr {
			t.Errorf("TypedIn(fr, %q) = %q, want %q", tc.en, got, tc.fr)
		}
		if got := TypedIn(English, tc.fr); got != tc.en {
			t.Errorf("TypedIn(en, %q) = %q, want %q", tc.fr, got, tc.en)
		}
	}
	for _, s := range []string{"/mentor", "/mentor nothing here", "no command", "/mentor  "} {
		if got := TypedIn(French, s); got != s {
			t.Errorf("TypedIn(fr, %q) = %q, want it unchanged", s, got)
		}
	}
}
