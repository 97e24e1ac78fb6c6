package bot

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// catalogs holds every sentence the bot says, by language and key. Each
// sentence may use {name} placeholders, filled by T. A test checks that
// both languages have the same keys and the same placeholders.
var catalogs = map[Lang]map[string]string{
	English: catalogEN,
	French:  catalogFR,
}

// T returns the sentence key in lang, with its placeholders filled by the
// name/value pairs in args. A key missing in lang falls back to English,
// and a key missing everywhere is returned as is, so a slip shows up in a
// test rather than as an empty message.
//
// A sentence has two kinds of placeholders:
//
//   - {name} is replaced by the value of name;
//   - {name|one|other} is replaced by one or other as the number in name
//     takes the singular or the plural in lang (see Singular): "{days}
//     {days|day|days}", "{days} {days|jour|jours}".
//
// In French, a value that begins with a vowel or a mute h elides the "de",
// "que", "le" or "la" written just before it: "le mentor de {name}" reads
// "le mentor d'Erin" and "le mentor de Bob".
func T(lang Lang, key string, args ...string) string {
	s, ok := catalogs[lang][key]
	if !ok {
		if s, ok = catalogEN[key]; !ok {
			return key
		}
		lang = English
	}
	if len(args) == 0 || strings.IndexByte(s, '{') < 0 {
		return s
	}
	if open := openTopicArgs(args); open != nil {
		// A pair from a speed-mentoring event, on no topic of its own.
		s = openTopicSentence(lang, key, s, open)
	}
	return fill(lang, s, args)
}

// fill replaces each placeholder of s by its value in args, in one pass,
// and leaves unknown placeholders as they are. Values are never scanned
// for placeholders, so a member's text cannot inject one.
func fill(lang Lang, s string, args []string) string {
	var b strings.Builder
	b.Grow(len(s) + 32)
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		name, forms, plural := strings.Cut(s[i+1:i+j], "|")
		v, ok := arg(args, name)
		switch {
		case !ok:
			b.WriteString(s[i : i+j+1])
		case plural:
			one, other, _ := strings.Cut(forms, "|")
			if n, isNum := number(v); isNum && Singular(lang, n) {
				b.WriteString(one)
			} else {
				b.WriteString(other)
			}
		default:
			v = storedText(lang, v) // a marker (OpenTopic) in lang
			if lang == French {
				elide(&b, v)
			}
			b.WriteString(v)
		}
		s = s[i+j+1:]
	}
}

func arg(args []string, name string) (string, bool) {
	for k := 0; k+1 < len(args); k += 2 {
		if args[k] == name {
			return args[k+1], true
		}
	}
	return "", false
}

// number reads the whole number a value writes, with or without
// thousands separators ("12 500", "12,500").
func number(v string) (int, bool) {
	n, digits := 0, 0
	for _, r := range v {
		switch {
		case r >= '0' && r <= '9':
			n = n*10 + int(r-'0')
			digits++
		case r == ',' || r == '\u202f' || r == '\u00a0' || r == ' ':
		default:
			return 0, false
		}
	}
	return n, digits > 0
}

// Singular reports whether the count n takes the singular in lang: in
// French 0 and 1 do ("0 binôme", "1 binôme"), in English only 1 does
// ("0 pairs", "1 pair").
func Singular(lang Lang, n int) bool {
	if lang == French {
		return n == 0 || n == 1
	}
	return n == 1
}

// elisions are the French words that lose their vowel before a vowel:
// "de Erin" is "d'Erin", "que Anne" is "qu'Anne".
var elisions = []struct{ word, elided string }{
	{"de ", "d'"}, {"De ", "D'"}, {"que ", "qu'"}, {"Que ", "Qu'"},
	{"le ", "l'"}, {"Le ", "L'"}, {"la ", "l'"}, {"La ", "L'"},
}

// elide turns the "de ", "que ", "le " or "la " that ends b (before an
// opening « or not) into its elided form when v, the value about to be written, begins with a vowel
// or an h (taken as mute, as it is in most names: "d'Hugo"), or with a y
// sounded as a vowel, before a consonant ("d'Yves", but "de Yann").
func elide(b *strings.Builder, v string) {
	if !elidesBefore(v) {
		return
	}
	written := b.String()
	// A quoted value elides the word before its quotation mark as it
	// would the bare value: « le mentor d'« IA » ».
	quote := ""
	if w, ok := strings.CutSuffix(written, "«\u202f"); ok {
		written, quote = w, "«\u202f"
	}
	for _, e := range elisions {
		before, ok := strings.CutSuffix(written, e.word)
		if !ok || (before != "" && !strings.HasSuffix(before, " ") && !strings.HasSuffix(before, "\n") && !strings.HasSuffix(before, "(")) {
			continue
		}
		b.Reset()
		b.WriteString(before)
		b.WriteString(e.elided)
		b.WriteString(quote)
		return
	}
}

// Count writes n with the noun of key in lang, singular or plural:
// Count(French, 0, "count.pairs") is "0 binôme", Count(English, 0, ...)
// "0 pairs". The catalog holds key.one and key.other, each with {count}.
func Count(lang Lang, n int, key string) string {
	if Singular(lang, n) {
		return T(lang, key+".one", "count", Number(lang, n))
	}
	return T(lang, key+".other", "count", Number(lang, n))
}

// plural is Count, by the name the package's code uses.
func plural(lang Lang, n int, key string) string { return Count(lang, n, key) }

// Number writes a whole number the way lang does: 12 500 in French, with
// a narrow no-break space, and 12,500 in English.
func Number(lang Lang, n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	if len(s) <= 3 {
		if neg {
			return "-" + s
		}
		return s
	}
	sep := ","
	if lang == French {
		sep = "\u202f"
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	return b.String()
}

// Decimal writes f with one decimal: 4,6 in French, 4.6 in English.
func Decimal(lang Lang, f float64) string {
	s := strconv.FormatFloat(f, 'f', 1, 64)
	if lang == French {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// HasKey reports whether key is in the catalog of lang.
func HasKey(lang Lang, key string) bool {
	_, ok := catalogs[lang][key]
	return ok
}

// CatalogKeys returns the keys of the catalog of lang, for tests.
func CatalogKeys(lang Lang) []string {
	keys := make([]string, 0, len(catalogs[lang]))
	for k := range catalogs[lang] {
		keys = append(keys, k)
	}
	return keys
}

// Message errors, in the reader's language. An "option" argument holds an
// option's Name ("mentee"); the reader sees its label instead, the catalog
// entry "optname.<name>" ("the mentee", "la personne mentorée"), so that
// no internal name reaches a member.
func errorText(lang Lang, err error) string {
	key, args := userError(err)
	for i := 0; i+1 < len(args); i += 2 {
		if args[i] == "option" && HasKey(lang, "optname."+args[i+1]) {
			args = append([]string(nil), args...)
			args[i+1] = T(lang, "optname."+args[i+1])
		}
	}
	return T(lang, key, args...)
}

// monthsFR are the French months, lower case as French writes them.
var monthsFR = [...]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}

// Date writes the day of t the way lang does: « 1er mars 2027 »,
// « 12 mars 2027 », "12 March 2027".
func Date(lang Lang, t time.Time) string {
	if lang != French {
		return t.Format("2 January 2006")
	}
	day := strconv.Itoa(t.Day())
	if t.Day() == 1 {
		day = "1er"
	}
	return day + " " + monthsFR[t.Month()-1] + " " + strconv.Itoa(t.Year())
}

// elidesBefore reports whether a French word before v loses its vowel.
func elidesBefore(v string) bool {
	r, size := utf8.DecodeRuneInString(v)
	if strings.ContainsRune("aeiouhàâäéèêëîïôöùûüœæAEIOUHÀÂÄÉÈÊËÎÏÔÖÙÛÜŒÆ", r) {
		return true
	}
	if r == 'y' || r == 'Y' {
		next, _ := utf8.DecodeRuneInString(v[size:])
		return next != utf8.RuneError && !strings.ContainsRune("aeiouyàâäéèêëîïôöùûüAEIOUY", next)
	}
	return false
}

// duplicateKeys are the catalog keys that two catalog files both define
// (TestCatalogNoDuplicateKeys): which one wins depends on the order files
// are initialised in, so one of them is never read.
var duplicateKeys []string

// addSentence adds a catalog file's sentence to its language's catalog,
// noting a key already there.
func addSentence(catalog map[string]string, key, sentence string) {
	if _, ok := catalog[key]; ok {
		duplicateKeys = append(duplicateKeys, key)
	}
	catalog[key] = sentence
}

// AfterColon is s, a sentence that can stand alone (it begins with a
// capital), as it reads after a colon in lang: French writes the word after
// « : » in lower case, so its first letter is lowered; English keeps it.
// A first word in capitals (an acronym) keeps them. Give it only sentences
// the bot writes, never one that may begin with a name.
func AfterColon(lang Lang, s string) string {
	if lang != French {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) {
		return s
	}
	if next, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(next) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// quotedList is andList of items each between the language's quotation
// marks: "“go” and “rust”", « « go » et « rust » ».
func quotedList(lang Lang, items []string) string {
	q := make([]string, len(items))
	for i, it := range items {
		if lang == French {
			q[i] = "«\u202f" + it + "\u202f»"
		} else {
			q[i] = "“" + it + "”"
		}
	}
	return andList(lang, q)
}

// innerQuotes prepares a member's words for the bot's quotation marks in
// lang: quotes inside quotes take the other kind, as typography wants:
// in French “ ” inside « » (« sur “kubernetes”, même… »), in English
// ‘ ’ inside “ ”.
var innerQuotes = map[Lang]*strings.Replacer{
	French:  strings.NewReplacer("«\u202f", "“", "«\u00a0", "“", "« ", "“", "«", "“", "\u202f»", "”", "\u00a0»", "”", " »", "”", "»", "”"),
	English: strings.NewReplacer("“", "‘", "”", "’"),
}

// quotedWords is s, a member's words, ready to stand between the bot's
// quotation marks in lang (innerQuotes).
func quotedWords(lang Lang, s string) string {
	if r, ok := innerQuotes[lang]; ok {
		return r.Replace(s)
	}
	return s
}

// andList joins items as a sentence does: "a, b and c", « a, b et c ».
func andList(lang Lang, items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + T(lang, "langs.and") + items[len(items)-1]
}
