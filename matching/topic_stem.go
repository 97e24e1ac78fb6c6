package matching

import "strings"

// stem folds the plural of a folded word, in English and in French, to
// its singular: "apis" is "api", "databases" "database", "reseaux"
// "reseau", "technologies" "technology". It is deliberately light: it
// only removes endings, and only where removing them cannot merge two
// different words that people use as topics ("news", "redis", "pandas",
// "kubernetes", "analysis" and "ios" stay as they are). A few singular
// endings fold too, so that both languages meet where they differ by a
// final letter: "classe" and "class", "branche" and "branch", "syntaxe"
// and "syntax", "technologie" and "technology".
//
// Words of three letters or fewer, and words with anything but the
// letters a to z, are left alone. stem(stem(w)) == stem(w).
func stem(w string) string {
	if len(w) <= 3 || stableWords[w] || !isLowerASCIIWord(w) {
		return w
	}
	for range 4 { // every step shortens w or lands on a stable word
		next := stemOnce(w)
		if next == w {
			break
		}
		w = next
	}
	return w
}

// stemOnce applies one plural rule, then one singular rule.
func stemOnce(w string) string {
	if v, ok := irregular[w]; ok {
		return v
	}
	return singular(stripPlural(w))
}

// stripPlural removes a plural ending.
func stripPlural(w string) string {
	n := len(w)
	if n <= 3 || stableWords[w] {
		return w
	}
	switch {
	case strings.HasSuffix(w, "eaux"), strings.HasSuffix(w, "yaux"),
		strings.HasSuffix(w, "eux"), strings.HasSuffix(w, "oux"):
		return w[:n-1] // réseaux, noyaux, jeux, bijoux
	case strings.HasSuffix(w, "aux") && n >= 5:
		return w[:n-3] + "al" // journaux, canaux
	case w[n-1] != 's':
		return w
	}
	switch w[n-2] {
	case 's', 'j': // class, business; nodejs, vuejs
		return w
	case 'u': // status, virus, campus; but gpus
		if n >= 5 {
			return w
		}
	case 'i': // analysis, axis, anglais, chinois; but apis, kpis
		if strings.HasSuffix(w, "sis") || strings.HasSuffix(w, "xis") || strings.HasSuffix(w, "ois") ||
			(strings.HasSuffix(w, "ais") && n >= 6) {
			return w
		}
	case 'a': // saas, paas
		if w[n-3] == 'a' {
			return w
		}
	}
	return w[:n-1]
}

// singular folds a singular ending that differs between English and
// French, or between a word and the stem its plural leaves.
func singular(w string) string {
	n := len(w)
	if n <= 3 || stableWords[w] {
		return w
	}
	switch {
	case strings.HasSuffix(w, "sse") && n >= 5, strings.HasSuffix(w, "che"):
		return w[:n-1] // classe, processe (of processes); branche, cache
	case strings.HasSuffix(w, "xe"):
		if s := w[:n-1]; !strings.HasSuffix(s, "aux") && !strings.HasSuffix(s, "eux") && !strings.HasSuffix(s, "oux") {
			return s // syntaxe, annexe, boxe (of boxes)
		}
	case strings.HasSuffix(w, "ie") && !isVowel(w[n-3]):
		return w[:n-2] + "y" // technologie, librarie (of libraries)
	}
	return w
}

func isVowel(c byte) bool { return strings.IndexByte("aeiouy", c) >= 0 }

func isLowerASCIIWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// stableWords are words that end like a plural but are not one, or whose
// singular would be another word: stem leaves them alone.
var stableWords = setOf(
	// Technologies and products.
	"kubernetes", "pandas", "redis", "jenkins", "windows", "macos", "ipados", "tvos", "watchos",
	"visionos", "chromeos", "centos", "keras", "atlas", "canvas", "rails", "travis", "nats", "nexus",
	"express", "sass", "less", "aws", "ios", "postgres", "numpy", "scipy",
	// Practices.
	"devops", "mlops", "gitops", "secops", "devsecops", "finops", "dataops", "aiops", "llmops",
	"sysops", "netops", "chatops", "noops",
	// English words.
	"news", "business", "series", "species", "chaos", "kudos", "cosmos", "ethos", "alias", "bias",
	"plus", "opus", "onus", "tennis", "iris", "paris", "lens", "always", "perhaps", "towards",
	// French words that do not change in the plural, where the singular
	// without s is another word.
	"taux", "faux", "chaux", "temps", "corps", "souris", "avis", "permis", "devis", "tapis",
	"pays", "fois", "mois", "bois", "prix", "voix", "choix", "croix", "noix", "poids",
)

// irregular maps plurals (and spellings) that no ending rule folds.
var irregular = map[string]string{
	"serie":      "series",
	"travaux":    "travail",
	"vitraux":    "vitrail",
	"indices":    "index",
	"matrices":   "matrix",
	"vertices":   "vertex",
	"appendices": "appendix",
	"children":   "child",
}

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
