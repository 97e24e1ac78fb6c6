package bot

import "strings"

// catalogs holds every sentence the bot says, by language and key. Each
// sentence may use {name} placeholders, filled by T. A test checks that
// both languages have the same keys and the same placeholders.
var catalogs = map[Lang]map[string]string{
	English: catalogEN,
	French:  catalogFR,
}

// T returns the sentence key in lang, with {name} placeholders replaced by
// the name/value pairs in args. A key missing in lang falls back to
// English, and a key missing everywhere is returned as is, so a slip shows
// up in a test rather than as an empty message.
func T(lang Lang, key string, args ...string) string {
	s, ok := catalogs[lang][key]
	if !ok {
		if s, ok = catalogEN[key]; !ok {
			return key
		}
	}
	if len(args) == 0 || strings.IndexByte(s, '{') < 0 {
		return s
	}
	return fill(s, args)
}

// fill replaces each {name} of s by its value in args, in one pass, and
// leaves unknown placeholders as they are. Values are never scanned for
// placeholders, so a member's text cannot inject one.
func fill(s string, args []string) string {
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
		name, v, ok := s[i+1:i+j], "", false
		for k := 0; k+1 < len(args); k += 2 {
			if args[k] == name {
				v, ok = args[k+1], true
				break
			}
		}
		if ok {
			b.WriteString(v)
		} else {
			b.WriteString(s[i : i+j+1])
		}
		s = s[i+j+1:]
	}
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
