package bot

import "testing"

// TestQuotedWords: a member's words quoted by the bot keep one kind of
// quotation marks outside: theirs inside take the other kind, in French
// “ ” inside « », in English ‘ ’ inside “ ”.
func TestQuotedWords(t *testing.T) {
	for _, tt := range []struct {
		lang     Lang
		in, want string
	}{
		{French, "Des échanges très concrets sur «\u202fkubernetes\u202f», même à 6 h de décalage.", "«\u202fDes échanges très concrets sur “kubernetes”, même à 6 h de décalage.\u202f» — Océane"},
		{French, "sur « go » et «rust»", "«\u202fsur “go” et “rust”\u202f» — Océane"},
		{English, "Great tips on “kubernetes”.", "“Great tips on ‘kubernetes’.” — Océane"},
		{English, "plain words", "“plain words” — Océane"},
	} {
		if got := T(tt.lang, "admin.testimonials.quote", "text", quotedWords(tt.lang, tt.in), "by", "Océane"); got != tt.want {
			t.Errorf("%s %q: got %q, want %q", tt.lang, tt.in, got, tt.want)
		}
	}
}
