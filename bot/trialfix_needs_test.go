package bot_test

import (
	"strings"
	"testing"
)

// TestTrialfixNeedsSubcommandTypo: a first word one or two edits from
// "results" (or its French words) is answered "Did you mean `results`?",
// whatever else the command says, and nothing is posted; a stray quote in
// a program's name is refused, never kept in a title.
func TestTrialfixNeedsSubcommandTypo(t *testing.T) {
	for _, c := range []struct{ name, lang, text, want string }{
		{"ResultChannel", "en", `admin needs result "Mentorat 2027" channel:#general`, "Did you mean `results`?"},
		{"Result", "en", `admin needs result "Mentorat 2027"`, "Did you mean `results`?"},
		{"Resuts", "en", `admin needs resuts "Mentorat 2027"`, "Did you mean `results`?"},
		{"ResultatFR", "fr", `admin besoins resultat "Mentorat 2027"`, "Vouliez-vous dire `résultats`\u202f?"},
		{"ResultatsFRChannel", "fr", `admin besoins résultat "Mentorat 2027" canal:#general`, "Vouliez-vous dire `résultats`\u202f?"},
		{"StrayQuote", "en", `admin needs "Mentorat 2027 channel:#general`, "quote"},
		{"StrayQuoteFR", "fr", `admin besoins "Mentorat 2027 canal:#general`, "guillemet"},
		{"QuoteInside", "en", `admin needs Spring "Mentorat 2027" channel:#general`, "quote"},
	} {
		t.Run(c.name, func(t *testing.T) {
			h := MustAdminHarness(t)
			h.Run("alice", "lang "+c.lang)
			h.Run("alice", `admin needs "Mentorat 2027" channel:#general`)
			h.Posting.Posts()
			r := h.Run("alice", c.text)
			if !strings.Contains(r.Message.Text, c.want) {
				t.Errorf("got %q, want %q", r.Message.Text, c.want)
			}
			if posts := h.Posting.Posts(); len(posts) != 0 {
				t.Errorf("got posts %+v, want none", posts)
			}
		})
	}
	// A program whose name starts with a word close to "results", in
	// quotes, with where to post it, is a program's name; "results"
	// itself still works.
	h := MustAdminHarness(t)
	MustContain(t, h.Run("alice", `admin needs "Result 2027" channel:#general`), "is posted in #general")
	MustContain(t, h.Run("alice", `admin needs results "Result 2027"`), "No answer yet")
}
