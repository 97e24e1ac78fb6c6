package slack

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mentorbot/mentorbot/bot"
)

// Slack's mrkdwn gives meaning to & (an entity) and to < > (mentions
// <@U123>, broadcasts <!channel>, links <https://x|label>): escaping those
// three is what keeps anything a member typed from pinging or linking.
var mrkdwnEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// escapeEntities escapes &, < and > only: for a URL inside <url|label>.
func escapeEntities(s string) string { return mrkdwnEscaper.Replace(s) }

// Styling is the other half of mrkdwn: *bold*, _italic_, ~strike~,
// `code`, ```preformatted``` and a line starting with > (a quote; Slack
// reads &gt; there as >). Every string of a bot.Message is plain text,
// much of it written by members (a goal, a topic, a name), and mrkdwn
// has no escape for styling: a backslash is shown, not read
// (slackhq/slack-api-docs#34, #93), and no entity but &amp; &lt; &gt; is
// decoded. So, as Slack's own advice goes ("adding a space on either side of the
// formatting character", slackhq/slack-api-docs#34), a character can only
// be kept from styling by what stands next to it, and that must hold
// whatever Slack counts as a word boundary. A zero-width space next to it
// does not hold everywhere: U+200B is neither a space nor a letter, so a
// parser that takes any non-letter for a boundary (some bots insert it to
// make *x* bold next to letters) lets "*\u200bx\u200b*" open and close. A
// character that is not *, _ or ~ at all styles nothing, whatever the
// parser. So:
//
//   - *, _ and ~ that could open or close a span (not between two ASCII
//     letters or digits, as in snake_case, and not between two spaces, as
//     in "0 9 * * 1") are replaced with a look-alike that Slack does not
//     read (lookAlikes): the text reads the same, and copying it gives
//     the look-alike. A backtick is always replaced, except in the bot's
//     own code spans (below).
//   - A > at the start of a line (after spaces) gets a zero-width space
//     before it: the line no longer starts with it, and it shows as typed.
//
// The bot's own formatting in the text of a message follows the same two
// conventions the catalog writes, which the Discord adapter keeps too
// (adapters/discord/escape.go): a line that is wholly one *phrase* is a
// bold heading ("*Right now*" in admin stats), and backticks that pair up
// on a line are code spans ("`/mentor status`"), where Slack styles
// nothing; a line with a backtick left unpaired (a member typed one) has
// them all replaced, so that none opens a span into the catalog's words.
// Runs of two or more backticks are never spans: the catalog writes none,
// and ``` would open a preformatted block. Labels, values and links carry
// no convention: everything in them is shown as typed.
var lookAlikes = map[rune]rune{
	'*': '\u2217', // ∗ ASTERISK OPERATOR
	'_': '\u02cd', // ˍ MODIFIER LETTER LOW MACRON
	'~': '\u223c', // ∼ TILDE OPERATOR
	'`': '\u02cb', // ˋ MODIFIER LETTER GRAVE ACCENT
}

// zwsp is a zero-width space: put before a > at the start of a line, it
// keeps Slack from reading the line as a quote.
const zwsp = "\u200b"

// valueIndent starts each line of a field's value written on several
// lines, so that no line of it (a member's goal with newlines) can pass
// for a label of its own: labels are bold and start their line, a value's
// lines are indented under its label.
const valueIndent = "\u2003" // EM SPACE

// style says which conventions a string's escaping keeps (see lookAlikes).
type style int

const (
	styleText  style = iota // a message's text: headings and code spans
	styleLines              // literal, lines kept as they are
	styleValue              // a field's value: literal, several lines indented
	styleLabel              // a label: literal, on one line
)

// escapeAs returns plain text as mrkdwn that shows that text, no part of
// it a mention, a link or styling but what st keeps.
func escapeAs(s string, st style) string {
	if st == styleLabel {
		s = oneLine.Replace(s)
	}
	lines := strings.Split(s, "\n")
	if st == styleValue {
		lines = valueLines(lines)
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i, line := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		if st == styleValue && len(lines) > 1 && line != "" {
			b.WriteString(valueIndent)
		}
		if inner, ok := bot.HeadingLine(line); ok && st == styleText {
			b.WriteByte('*')
			escapeLine(&b, inner, false)
			b.WriteByte('*')
			continue
		}
		escapeLine(&b, line, st == styleText && pairedTicks(line))
	}
	return b.String()
}

// oneLine folds a label's line breaks into spaces.
var oneLine = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ")

// valueLines are the lines of a field's value, without the blank lines
// at its ends and with runs of blank lines inside made one.
func valueLines(lines []string) []string {
	out := lines[:0:0]
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			if len(out) == 0 || out[len(out)-1] == "" {
				continue
			}
			l = ""
		}
		out = append(out, l)
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// pairedTicks reports whether the single backticks of line pair up.
func pairedTicks(line string) bool {
	n := 0
	for i := range len(line) {
		if line[i] == '`' && singleTick(line, i) {
			n++
		}
	}
	return n%2 == 0
}

// singleTick reports whether the backtick at i stands alone, not in a
// run of them.
func singleTick(line string, i int) bool {
	return (i == 0 || line[i-1] != '`') && (i+1 == len(line) || line[i+1] != '`')
}

// escapeLine writes one line escaped (see lookAlikes); with spans, its
// single backticks open and close code spans, where only &, < and > are
// escaped.
func escapeLine(b *strings.Builder, line string, spans bool) {
	if !strings.ContainsAny(line, "*_~`<>&") {
		b.WriteString(line) // most lines: nothing to escape
		return
	}
	code, lead := false, true
	for i, r := range line {
		switch {
		case r == '`' && spans && singleTick(line, i):
			code = !code
			b.WriteRune(r)
		case code:
			writeEscaped(b, r)
		case r == '>' && lead:
			b.WriteString(zwsp + "&gt;")
		case r == '`':
			b.WriteRune(lookAlikes[r])
		case r == '*' || r == '_' || r == '~':
			if mayStyle(line, i) {
				r = lookAlikes[r]
			}
			b.WriteRune(r)
		default:
			writeEscaped(b, r)
		}
		lead = lead && (r == ' ' || r == '\t')
	}
}

func writeEscaped(b *strings.Builder, r rune) {
	switch r {
	case '&':
		b.WriteString("&amp;")
	case '<':
		b.WriteString("&lt;")
	case '>':
		b.WriteString("&gt;")
	default:
		b.WriteRune(r)
	}
}

// mayStyle reports whether the *, _ or ~ at i of line could open or close
// a styled span: unless it stands between two ASCII letters or digits
// (snake_case: Slack styles no part of a word) or between two spaces (or
// the line's ends: "0 9 * * 1"), where no parser reads a delimiter.
func mayStyle(line string, i int) bool {
	prev, next := rune(' '), rune(' ')
	if i > 0 {
		prev, _ = utf8.DecodeLastRuneInString(line[:i])
	}
	if i+1 < len(line) {
		next, _ = utf8.DecodeRuneInString(line[i+1:])
	}
	space := func(r rune) bool { return r == ' ' || r == '\t' }
	word := func(r rune) bool { return r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) }
	return !(space(prev) && space(next)) && !(word(prev) && word(next))
}

// escapedLen is at most the length in characters of r once escaped: an
// entity, a > after a zero-width space, a newline and a value's indent.
// A look-alike is one character, as what it replaces.
func escapedLen(r rune) int {
	switch r {
	case '&', '>':
		return 5
	case '<':
		return 4
	case '\n':
		return 2
	}
	return 1
}

// escapeClip escapes plain text in style st and clips it to at most n
// characters (Slack counts characters, not bytes), ending with "…" when
// it cut. It cuts the plain text, never an entity, so the result is valid
// mrkdwn.
func escapeClip(s string, n int, st style) string {
	chunks := escapeChunks(s, n, 1, st)
	if len(chunks) == 0 {
		return ""
	}
	return chunks[0]
}

// escapeChunks escapes plain text in style st into at most max pieces of
// at most n characters each (n at least 6, the longest escape and a
// value's indent), preferring to cut after a line break, then after a
// space (cutAt). If the text does not fit, the last piece ends with "…".
func escapeChunks(s string, n, max int, st style) []string {
	if st == styleValue {
		n-- // the first line's indent
	}
	var out []string
	for s != "" {
		cut := cutPoint(s, n)
		if cut == len(s) {
			return append(out, escapeAs(s, st))
		}
		if len(out) == max-1 {
			cut = cutPoint(s, n-1)
			return append(out, escapeAs(strings.TrimRightFunc(s[:cut], unicode.IsSpace)+"…", st))
		}
		piece := s[:cutAt(s[:cut])]
		if p := strings.TrimRightFunc(piece, unicode.IsSpace); p != "" {
			out = append(out, escapeAs(p, st))
		}
		s = strings.TrimLeftFunc(s[len(piece):], unicode.IsSpace)
	}
	return out
}

// cutAt returns where to end piece, a chunk's worth of text that does not
// end the text: after its last line break, so that a paragraph (a line of
// the help) is not cut mid-sentence when a line ends in the chunk, else
// after its last space, else where it is full. A break or a space counts
// only past the chunk's first half, so that no chunk is left short.
func cutAt(piece string) int {
	for _, sep := range []string{"\n", " "} {
		if i := strings.LastIndex(piece, sep); i > len(piece)/2 {
			return i + 1
		}
	}
	return len(piece)
}

// cutPoint returns the byte index in s up to which the escaped text holds
// in n characters.
func cutPoint(s string, n int) int {
	size := 0
	for i, r := range s {
		size += escapedLen(r)
		if size > n {
			return i
		}
	}
	return len(s)
}

// clip shortens plain text to at most n characters, ending with "…" when
// it cut. For plain_text objects, which Slack never parses.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimRightFunc(string(r[:n-1]), unicode.IsSpace) + "…"
}
