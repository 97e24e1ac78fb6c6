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
// ping nor link. allowed_mentions is the real guard against pings; this
// keeps mentions from even showing as names.
func escapeMarkdown(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	lineStart := true
	for i, r := range s {
		switch {
		case r == '\n':
			lineStart = true
			b.WriteRune(r)
			continue
		case lineStart && (r == ' ' || r == '\t'):
			b.WriteRune(r)
			continue
		case lineStart && (r == '#' || r == '>' || r == '-' || r == '+'):
			b.WriteString(`\`)
		case strings.ContainsRune(`\*_~|[]`, r):
			b.WriteString(`\`)
		}
		lineStart = false
		b.WriteRune(r)
		switch {
		case r == '<':
			b.WriteString(zwsp)
		case r == '@' && (strings.HasPrefix(s[i+1:], "everyone") || strings.HasPrefix(s[i+1:], "here")):
			b.WriteString(zwsp)
		}
	}
	return b.String()
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
