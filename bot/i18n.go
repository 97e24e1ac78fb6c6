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
	if len(args) == 0 {
		return s
	}
	pairs := make([]string, 0, len(args))
	for i := 0; i+1 < len(args); i += 2 {
		pairs = append(pairs, "{"+args[i]+"}", args[i+1])
	}
	return strings.NewReplacer(pairs...).Replace(s)
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

// Message errors, in the reader's language.
func errorText(lang Lang, err error) string {
	key, args := userError(err)
	return T(lang, key, args...)
}
