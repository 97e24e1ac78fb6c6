package discord

import (
	"errors"
	"strings"
)

var errTooManyButtons = errors.New("more buttons than Discord's 5 rows of 5")

// zwsp is a zero-width space. Put after "<" or "@" it keeps Discord from
// reading a mention (<@id>, <@&role>, <#channel>, @everyone, @here) or a
// timestamp while the text looks the same.
const zwsp = "\u200b"

// escapeMarkdown makes s show as typed in Discord: markdown characters are
// backslash-escaped (Discord hides the backslash), block syntax at the
// start of a line (# heading, > quote, - list) is escaped, and mention
// syntax is broken with a zero-width space. Backticks are kept: the
// catalog writes commands as `/mentor help`, and a code span can neither
// ping nor link; inside a code span nothing is escaped, as Discord would
// show the backslashes there. A line with an odd number of backticks (a
// member typed one alone) has them all escaped, so that none opens a span
// that runs into the catalog's text. A line that is wholly one *phrase*,
// as the catalog writes a heading, is bold. allowed_mentions is the real
// guard against pings; this keeps mentions from even showing as names.
func escapeMarkdown(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		if inner, ok := headingLine(line); ok {
			b.WriteString("**")
			escapeLine(&b, inner, false)
			b.WriteString("**")
			continue
		}
		escapeLine(&b, line, strings.Count(line, "`")%2 == 0)
	}
	return b.String()
}

// headingLine reports whether line is one *phrase* and nothing else,
// and returns the phrase.
func headingLine(line string) (string, bool) {
	if len(line) < 3 || line[0] != '*' || line[len(line)-1] != '*' {
		return "", false
	}
	inner := line[1 : len(line)-1]
	if strings.TrimSpace(inner) != inner || strings.ContainsAny(inner, "*`") {
		return "", false
	}
	return inner, true
}

// escapeLine writes one line escaped (escapeMarkdown); with spans, its
// backticks open and close code spans, else they are escaped.
func escapeLine(b *strings.Builder, line string, spans bool) {
	lineStart, code := true, false
	for i, r := range line {
		switch {
		case r == '`' && spans:
			code = !code
			lineStart = false
			b.WriteRune(r)
			continue
		case code:
			b.WriteRune(r)
			continue
		case lineStart && (r == ' ' || r == '\t'):
			b.WriteRune(r)
			continue
		case lineStart && (r == '#' || r == '>' || r == '-' || r == '+'):
			b.WriteString(`\`)
		case strings.ContainsRune(`\*_~|[]`, r), r == '`':
			b.WriteString(`\`)
		}
		lineStart = false
		b.WriteRune(r)
		switch {
		case r == '<':
			b.WriteString(zwsp)
		case r == '@' && (strings.HasPrefix(line[i+1:], "everyone") || strings.HasPrefix(line[i+1:], "here")):
			b.WriteString(zwsp)
		}
	}
}

// clip shortens s to at most n characters, marking the cut with "…".
func clip(s string, n int) string {
	if n <= 0 {
		return ""
	}
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
