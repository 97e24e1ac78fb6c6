package bot_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

const (
	nnbsp = "\u202f" // narrow no-break space: before : ; ? ! and inside « »
	nbsp  = "\u00a0" // no-break space: before %
)

// codeSpan is text between backticks: a command or an option as the member
// types it, which keeps its own spelling.
var codeSpan = regexp.MustCompile("`[^`]*`")

// placeholderName is a {name} filled in by T, and pluralForms a
// {name|one|other}.
var (
	placeholderName = regexp.MustCompile(`\{[a-z_]+\}`)
	pluralForms     = regexp.MustCompile(`\{[a-z_]+\|([^{}|]*)\|([^{}|]*)\}`)
)

// prose is s without its code spans and placeholders, each replaced by a
// word, and with the words of its plural forms, so that the punctuation
// and the words around them are still checked.
func prose(s string) string {
	s = pluralForms.ReplaceAllString(codeSpan.ReplaceAllString(s, "CODE"), "$1 $2")
	return placeholderName.ReplaceAllString(s, "X")
}

// isCommand reports whether the sentence of key is a command as typed
// (an example), not prose.
func isCommand(key string) bool { return strings.HasSuffix(key, ".example") }

// frenchTypography returns what is wrong with a French sentence, following
// /work/shared/FRENCH.md: U+202F before : ; ? ! and inside « », U+00A0
// before %, no space before . , ) nor after (, and no English quotes.
func frenchTypography(s string) []string {
	var bad []string
	p := []rune(prose(s))
	for i, r := range p {
		var before, after rune
		if i > 0 {
			before = p[i-1]
		}
		if i+1 < len(p) {
			after = p[i+1]
		}
		switch r {
		case ':', ';', '?', '!':
			// "?!" takes one space, before the first mark; "…" and ":"
			// in a time or a ratio (9:30, 4/5) do not occur in prose.
			if before != '\u202f' && !(r == '!' && before == '?') {
				bad = append(bad, "want U+202F before "+string(r))
			}
		case '%':
			if before != '\u00a0' {
				bad = append(bad, "want U+00A0 before %")
			}
		case '«':
			if after != '\u202f' {
				bad = append(bad, "want U+202F after «")
			}
		case '»':
			if before != '\u202f' {
				bad = append(bad, "want U+202F before »")
			}
		case '.', ',', ')':
			if before == ' ' || before == '\u202f' || before == '\u00a0' {
				bad = append(bad, "want no space before "+string(r))
			}
		case '(':
			if after == ' ' || after == '\u202f' || after == '\u00a0' {
				bad = append(bad, "want no space after (")
			}
		case '"', '“', '”':
			bad = append(bad, "want « » rather than "+string(r))
		}
	}
	return bad
}

// englishTypography returns what is wrong with an English sentence: quotes
// are “ ”, and no space comes before : ; ? ! . ,
func englishTypography(s string) []string {
	var bad []string
	p := []rune(prose(s))
	for i, r := range p {
		var before rune
		if i > 0 {
			before = p[i-1]
		}
		switch r {
		case '«', '»', '"':
			bad = append(bad, "want “ ” rather than "+string(r))
		case ':', ';', '?', '!', '.', ',':
			if before == ' ' || before == '\u202f' || before == '\u00a0' {
				bad = append(bad, "want no space before "+string(r))
			}
		}
	}
	return bad
}

// englishOptions are the option names a French sentence may not show alone:
// each needs its French name beside it.
var englishOptions = map[string]string{
	"capacity:":  "capacité:",
	"languages:": "langues:",
	"language:":  "langue:",
	"tz:":        "fuseau:",
	"years:":     "années:",
	"kinds:":     "types:",
	"kind:":      "type:",
	"goal:":      "objectif:",
	"topic:":     "sujet:",
	"topics:":    "sujets:",
}

// englishOption finds an English option name written alone in s.
var optionWord = regexp.MustCompile(`(?i)(^|[^\pL-])([\pL-]+:)`)

// glossaryEnglish are the programme's words that French says otherwise
// (FRENCH.md): binôme, point d'étape, questionnaire, personne mentorée,
// bilan hebdomadaire.
var glossaryEnglish = regexp.MustCompile(`(?i)\b(pairs?|check-?ins?|surveys?|mentees?|digests?)\b`)

// capitalAfterColon is a capitalised word after « : » on the same line:
// French writes it in lower case, unless it is a proper noun.
var capitalAfterColon = regexp.MustCompile(`\x{202f}: \p{Lu}\p{Ll}`)

// TestCatalogTypography: every sentence of the catalog follows the
// typography of its language, and no French sentence shows an English
// option name alone or an English word of the glossary.
func TestCatalogTypography(t *testing.T) {
	keys := bot.CatalogKeys(bot.French)
	if len(keys) < 400 {
		t.Fatalf("got %d keys, want the whole catalog", len(keys))
	}
	for _, k := range keys {
		fr := bot.T(bot.French, k)
		if !isCommand(k) {
			for _, bad := range frenchTypography(fr) {
				t.Errorf("fr %s: %s in %q", k, bad, fr)
			}
			if w := capitalAfterColon.FindString(prose(fr)); w != "" {
				t.Errorf("fr %s: got a capital after the colon in %q, want lower case (FRENCH.md)", k, fr)
			}
			// « mentorat entre pairs » is French: peer mentoring.
			if w := glossaryEnglish.FindString(strings.ReplaceAll(prose(fr), "entre pairs", "")); w != "" {
				t.Errorf("fr %s: got the English word %q in %q, want the glossary's French word", k, w, fr)
			}
		}
		for _, m := range optionWord.FindAllStringSubmatch(fr, -1) {
			name := strings.ToLower(m[2])
			if french, ok := englishOptions[name]; ok && !strings.Contains(strings.ToLower(fr), french) {
				t.Errorf("fr %s: got the English option %q alone in %q, want %q beside it", k, name, fr, french)
			}
		}
	}
	for _, k := range bot.CatalogKeys(bot.English) {
		en := bot.T(bot.English, k)
		if isCommand(k) {
			continue
		}
		for _, bad := range englishTypography(en) {
			t.Errorf("en %s: %s in %q", k, bad, en)
		}
	}
}

// TestTypographyRules: the checker itself sees what it must.
func TestTypographyRules(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want int
	}{
		{"Bonjour" + nnbsp + ": «" + nnbsp + "go" + nnbsp + "» ?", 1},
		{"Bonjour" + nnbsp + "! 85" + nbsp + "%, «" + nnbsp + "go" + nnbsp + "»" + nnbsp + "?", 0},
		{"Tapez `capacity:3` puis `/mentor aide`" + nnbsp + "?", 0},
		{"Merci !", 1},
		{"Merci" + nnbsp + "!", 0},
		{"« go »", 2},
		{"fin .", 1},
		{"“go”", 2},
		{"85 %", 1},
		{"( go )", 2},
	} {
		if got := len(frenchTypography(tc.s)); got != tc.want {
			t.Errorf("%q: got %d faults %v, want %d", tc.s, got, frenchTypography(tc.s), tc.want)
		}
	}
}

// agreesWithReader is a French participle or adjective that would agree
// with the member it is said to, whose gender the bot does not know:
// « vous êtes inscrit », « merci de m'avoir prévenu », « accompagné·e ».
var agreesWithReader = regexp.MustCompile(`(?i)(?:^|[^\pL])(êtes|être|m'avoir|vous avoir|soyez|serez|restez)( \p{L}+)? (inscrit|prêt|sûr|désolé|prévenu|accompagné|invité|connecté|seul|ravi|content|bienvenu)\p{L}*(·e|\(e\))?`)

// TestFrenchAgreesWithNobody: no French sentence makes a word agree with
// the reader (FRENCH.md: turn the sentence so that nothing must agree).
func TestFrenchAgreesWithNobody(t *testing.T) {
	for _, k := range bot.CatalogKeys(bot.French) {
		if w := agreesWithReader.FindString(bot.T(bot.French, k)); w != "" {
			t.Errorf("fr %s: %q agrees with a reader of unknown gender in %q", k, w, bot.T(bot.French, k))
		}
	}
	if got, want := bot.T(bot.French, "checkin.yes"), "Parfait, merci pour votre réponse"+nnbsp+"!"; got != want {
		t.Errorf("checkin.yes: got %q, want %q", got, want)
	}
}

// inclusiveDot is a word spelt with a middle dot (« mentoré·es »): the
// French catalog says « personnes mentorées » and turns its sentences so
// that nothing must agree; a · between two spaces separates items.
var inclusiveDot = regexp.MustCompile(`\pL·\pL`)

// TestFrenchNoInclusiveDot: no French sentence spells a word with a
// middle dot, and the invite-mentors help uses the glossary's term.
func TestFrenchNoInclusiveDot(t *testing.T) {
	for _, k := range bot.CatalogKeys(bot.French) {
		if fr := bot.T(bot.French, k); inclusiveDot.MatchString(fr) {
			t.Errorf("fr %s: got %q, want no word spelt with ·", k, fr)
		}
	}
	if got := bot.T(bot.French, "cmd.admin.invite-mentors.summary"); !strings.Contains(got, "inviter à devenir mentors les personnes mentorées au mentorat réussi") {
		t.Errorf("invite-mentors help: got %q, want « les personnes mentorées au mentorat réussi »", got)
	}
}
