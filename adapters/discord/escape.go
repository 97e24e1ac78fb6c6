package discord

import (
	"errors"
	"strings"

	"github.com/mentorbot/mentorbot/bot"
)

var errTooManyButtons = errors.New("more buttons than Discord's 5 rows of 5")

// zwsp is a zero-width space. Put after "<" or "@" it keeps Discord from
// reading a mention (<@id>, <@&role>, <#channel>, @everyone, @here) or a
// timestamp while the text looks the same.
const zwsp = "\u200b"

// escapeMarkdown makes s show as typed in Discord: markdown characters are
// backslash-escaped (Discord hides the backslash), block syntax at the
// start of a line (# heading, > quote, - list) is escaped, and mention
// syntax is broken with a zero-width space. The catalog's code spans are
// kept (it writes commands as `/mentor help`), and nothing inside them is
// escaped, as Discord would show the backslashes there; every other
// backtick is escaped, so that what a member typed shows as typed: a
// `span` or a ```block``` in a goal, or a lone backtick in a name, like
// any other markdown (see catalogSpan). A line that is wholly one
// *phrase*, as the catalog writes a heading, is bold. allowed_mentions is
// the real guard against pings; this keeps mentions from even showing as
// names.
func escapeMarkdown(s string) string { return escapeWith(s, nil) }

// escapeWith is escapeMarkdown that writes each code span the catalog
// wrote as rewrite returns it (nil: as it is): a command, in Discord's
// shape (spanRewriter).
func escapeWith(s string, rewrite *spanRewriter) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		if rewrite != nil {
			rewrite.line()
		}
		if inner, ok := bot.HeadingLine(line); ok {
			b.WriteString("**")
			escapeLine(&b, inner, nil) // no backticks in it
			b.WriteString("**")
			continue
		}
		escapeLine(&b, line, rewrite)
	}
	return b.String()
}

// escapeLine writes one line escaped (escapeMarkdown): a code span the
// catalog wrote is written as it is, any other backtick escaped.
func escapeLine(b *strings.Builder, line string, rewrite *spanRewriter) {
	lineStart, skip := true, 0
	for i, r := range line {
		switch {
		case i < skip:
			continue // inside a span written whole
		case r == '`':
			if end, ok := catalogSpan(line, i); ok {
				// Written as it is: Discord shows a code span's text as
				// it is, mentions and timestamps too, so nothing in it
				// needs defusing (and allowed_mentions pings no one).
				span := line[i:end]
				if rewrite != nil {
					span = "`" + rewrite.span(line[i+1:end-1]) + "`"
				}
				b.WriteString(span)
				lineStart, skip = false, end
				continue
			}
			b.WriteString(`\`)
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
		defuse(b, line, i, r)
	}
}

// defuse writes a zero-width space after the rune r at s[i] when it
// starts a mention: "<" (<@id>, <#id>, <t:…>), or the "@" of @everyone or
// @here.
func defuse(b *strings.Builder, s string, i int, r rune) {
	switch {
	case r == '<':
		b.WriteString(zwsp)
	case r == '@' && (strings.HasPrefix(s[i+1:], "everyone") || strings.HasPrefix(s[i+1:], "here")):
		b.WriteString(zwsp)
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
