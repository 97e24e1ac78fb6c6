package bot_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// placeholder is a {name}, or a {name|one|other} plural form, whose name
// is its first group.
var placeholder = regexp.MustCompile(`\{([a-z_]+)(?:\|[^{}]*)?\}`)

// placeholders lists the names a sentence fills, sorted and once each.
func placeholders(s string) []string {
	var names []string
	for _, m := range placeholder.FindAllStringSubmatch(s, -1) {
		names = append(names, m[1])
	}
	slices.Sort(names)
	return slices.Compact(names)
}

// TestCatalogParity: every sentence exists in both languages, with the
// same placeholders, so no member ever sees a key or an unfilled {name}.
func TestCatalogParity(t *testing.T) {
	en, fr := bot.CatalogKeys(bot.English), bot.CatalogKeys(bot.French)
	for _, k := range en {
		if !bot.HasKey(bot.French, k) {
			t.Errorf("key %q is missing in French", k)
			continue
		}
		pe, pf := placeholders(bot.T(bot.English, k)), placeholders(bot.T(bot.French, k))
		if !slices.Equal(pe, pf) {
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
				if !bot.HasKey(l, o.HelpKey()) {
					t.Errorf("%s: missing option help %q", l, o.HelpKey())
				}
			}
		}
	}
}

func TestT(t *testing.T) {
	got := bot.T(bot.French, "request.cancelled", "topic", "go")
	if want := "Votre demande sur «\u202fgo\u202f» est retirée."; got != want {
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

// TestTGrammar: T writes the plural a count takes in each language and,
// in French, elides "de", "que", "le" and "la" before a vowel.
func TestTGrammar(t *testing.T) {
	for _, tc := range []struct {
		name string
		got  string
		want string
	}{
		{"FrenchElidesDe", bot.T(bot.French, "status.pair.mentor", "name", "Erin", "topic", "go", "state", "actif"), "Mentor d'Erin sur «\u202fgo\u202f»\u202f: actif"},
		{"FrenchKeepsDe", bot.T(bot.French, "status.pair.mentor", "name", "Bob", "topic", "go", "state", "actif"), "Mentor de Bob sur «\u202fgo\u202f»\u202f: actif"},
		{"FrenchElidesDeBeforeYves", bot.T(bot.French, "status.pair.mentor", "name", "Yves", "topic", "go", "state", "actif"), "Mentor d'Yves sur «\u202fgo\u202f»\u202f: actif"},
		{"FrenchKeepsDeBeforeYann", bot.T(bot.French, "status.pair.mentor", "name", "Yann", "topic", "go", "state", "actif"), "Mentor de Yann sur «\u202fgo\u202f»\u202f: actif"},
		{"FrenchElidesQue", bot.T(bot.French, "charter.waiting_other", "name", "Élodie"), "J'attends maintenant qu'Élodie l'accepte aussi."},
		{"EnglishNoElision", bot.T(bot.English, "status.pair.mentor", "name", "Erin", "topic", "go", "state", "active"), "Mentor of Erin on “go”: active"},
		{"FrenchZeroSingular", bot.T(bot.French, "reason.exp_senior", "years", "1"), "1 an d'expérience"},
		{"FrenchTwoPlural", bot.T(bot.French, "reason.exp_senior", "years", "2"), "2 ans d'expérience"},
		{"EnglishOneSingular", bot.T(bot.English, "reason.exp_senior", "years", "1"), "1 year of experience"},
		{"EnglishZeroPlural", bot.T(bot.English, "checkin.notyet", "days", "0"), "No problem: I'll check in again in 0 days."},
		{"FrenchOneDay", bot.T(bot.French, "checkin.notyet", "days", "1"), "Pas de souci\u202f: je reviens vers vous dans 1 jour."},
		{"CountFrenchZero", bot.Count(bot.French, 0, "round.pairs"), "0 binôme"},
		{"CountEnglishZero", bot.Count(bot.English, 0, "round.pairs"), "0 pairs"},
		{"CountEnglishOne", bot.Count(bot.English, 1, "round.pairs"), "1 pair"},
		{"NumberFrench", bot.Number(bot.French, 12500), "12\u202f500"},
		{"NumberEnglish", bot.Number(bot.English, 1234567), "1,234,567"},
		{"NumberSmall", bot.Number(bot.French, 999), "999"},
		{"DecimalFrench", bot.Decimal(bot.French, 4.6), "4,6"},
		{"DecimalEnglish", bot.Decimal(bot.English, 4.6), "4.6"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got != tc.want {
				t.Fatalf("got %q, want %q", tc.got, tc.want)
			}
		})
	}
}

// TestTElidesBeforeQuotes: a quoted value elides the word before its
// quotation mark as the bare value would (« le mentor d'« IA » »), and
// only before a vowel.
func TestTElidesBeforeQuotes(t *testing.T) {
	for topic, want := range map[string]string{
		"IA":        "Le mentor d'«\u202fIA\u202f» est une personne",
		"go":        "Le mentor de «\u202fgo\u202f» est une personne",
		"UX design": "Le mentor d'«\u202fUX design\u202f» est une personne",
		"réseaux":   "Le mentor de «\u202fréseaux\u202f» est une personne",
		"écriture":  "Le mentor d'«\u202fécriture\u202f» est une personne",
	} {
		if got := bot.T(bot.French, "waiting.not_again", "topic", topic, "count", "1"); !strings.HasPrefix(got, want) {
			t.Errorf("topic %q: got %q, want it to begin %q", topic, got, want)
		}
	}
	if got := bot.T(bot.English, "waiting.not_again", "topic", "AI", "count", "1"); !strings.Contains(got, "of “AI”") && !strings.Contains(got, "for “AI”") {
		t.Errorf("got %q, want English unchanged", got)
	}
}

// TestCatalogNoDuplicateKeys: no key is defined by two catalog files, in
// either language (one of the two sentences would never be read, and which
// one depends on the files' order).
func TestCatalogNoDuplicateKeys(t *testing.T) {
	if d := bot.DuplicateKeys(); len(d) > 0 {
		t.Errorf("keys defined twice: %v", d)
	}
}

// TestCampaignKindsHaveTitles: the progress message of every kind of
// campaign has its title, in both languages (T would print the key).
func TestCampaignKindsHaveTitles(t *testing.T) {
	for _, k := range bot.CampaignKinds() {
		for _, l := range []bot.Lang{bot.English, bot.French} {
			if !bot.HasKey(l, "campaign.progress.title."+k) {
				t.Errorf("%s: no campaign.progress.title.%s", l, k)
			}
		}
	}
}
