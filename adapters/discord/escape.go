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
// syntax is broken with a zero-width space. The bot's own markup is kept:
// the catalog's code spans (it writes commands as `/mentor help`), where
// nothing is escaped, as Discord would show the backslashes there, and
// its headings, a line that is wholly one *phrase*, shown bold. Both are
// the bot's only where the catalog writes them (ownSpans, ownHeading):
// what a member typed shows as typed, a `span` or a ```block``` in a
// goal, a lone backtick in a name, a goal "*Click here*" alone on its
// line, like any other markdown, even when it holds one of the catalog's
// commands. allowed_mentions is the real guard against pings; this keeps
// mentions from even showing as names.
func escapeMarkdown(s string) string { return escapeWith(s, nil) }

// escapeWith is escapeMarkdown that writes each code span the catalog
// wrote as rewrite returns it (nil: as it is): a command, in Discord's
// shape (spanRewriter).
func escapeWith(s string, rewrite *spanRewriter) string { return escapeLines(s, rewrite, false) }

// escapeValue is escapeWith for a field's value, which is often a
// member's text alone (a goal "*Click here*", "`/mentor forget`"): no
// line of it is a heading, the core never writes one there, and a span
// is the bot's only where a sentence of the catalog has it (ownSpans).
func escapeValue(s string, rewrite *spanRewriter) string { return escapeLines(s, rewrite, true) }

// escapeLines is escapeWith, for a message's text or for a field's
// value (field): no heading, and no span but where a sentence of the
// catalog has one (ownSpans).
func escapeLines(s string, rewrite *spanRewriter, field bool) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		if rewrite != nil {
			rewrite.line()
		}
		if inner, ok := ownHeading(line); ok && !field {
			b.WriteString("**")
			escapeLine(&b, inner, nil, false) // no backticks in it
			b.WriteString("**")
			continue
		}
		escapeLine(&b, line, rewrite, field)
	}
	return b.String()
}

// escapeLine writes one line escaped (escapeMarkdown): a code span the
// bot wrote (ownSpans) is written as it is, any other backtick escaped.
func escapeLine(b *strings.Builder, line string, rewrite *spanRewriter, field bool) {
	own := ownSpans(line, field)
	lineStart, skip := true, 0
	for i, r := range line {
		switch {
		case i < skip:
			continue // inside a span written whole
		case r == '`':
			if end, ok := own[i]; ok {
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
