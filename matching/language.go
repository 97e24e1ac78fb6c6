package matching

import "strings"

// Language part scores.
const (
	languagePreferred = 1.0 // the need's first language is shared
	languageOther     = 0.8 // another acceptable language is shared, or either side lists none
)

// normalizeLanguages lower-cases codes, keeps only the primary subtag
// ("en-GB" and "en_GB" become "en") and drops blanks, keeping order.
func normalizeLanguages(codes []string) []string {
	if normalized(codes) {
		return codes // read only, as every profile's slices
	}
	out := make([]string, 0, len(codes))
	for _, c := range codes {
		c = strings.ToLower(strings.TrimSpace(c))
		if i := strings.IndexAny(c, "-_"); i >= 0 {
			c = c[:i]
		}
		if c != "" {
			out = append(out, c)
		}
	}
	return out
}

// matchLanguage scores the need's acceptable languages (preferred first)
// against the mentor's. ok is false when both sides list languages and none
// is shared. detail is the shared language, or "" when either side is empty.
func matchLanguage(want, spoken []string) (score float64, detail string, ok bool) {
	if len(want) == 0 || len(spoken) == 0 {
		return languageOther, "", true
	}
	for i, w := range want {
		for _, s := range spoken {
			if w != s {
				continue
			}
			if i == 0 {
				return languagePreferred, w, true
			}
			return languageOther, w, true
		}
	}
	return 0, "", false
}

// normalized reports whether normalizeLanguages would return codes as
// they are: each non-empty, in lower case, with no space, '-' or '_'.
func normalized(codes []string) bool {
	for _, c := range codes {
		if c == "" {
			return false
		}
		for i := 0; i < len(c); i++ {
			b := c[i]
			if b >= 0x80 || ('A' <= b && b <= 'Z') || b == '-' || b == '_' || b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\v' || b == '\f' {
				return false
			}
		}
	}
	return true
}
