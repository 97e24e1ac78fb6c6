package slack

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mentorbot/mentorbot/bot"
)

// Slack's mrkdwn gives meaning to three characters only: & starts an
// entity, and < > enclose mentions (<@U123>), broadcasts (<!channel>) and
// links (<https://x|label>). Escaping those three turns any text into
// literal text; *, _ and ~ can only change the styling of the member's own
// words.
var mrkdwnEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// escape returns plain text as mrkdwn that shows exactly that text.
func escape(s string) string { return mrkdwnEscaper.Replace(s) }

// escapedLen is the length in characters of r once escaped.
func escapedLen(r rune) int {
	switch r {
	case '&':
		return 5
	case '<', '>':
		return 4
	}
	return 1
}

// escapeClip escapes plain text and clips it to at most n characters
// (Slack counts characters, not bytes), ending with "…" when it cut. It
// cuts the plain text, never an entity, so the result is valid mrkdwn.
func escapeClip(s string, n int) string {
	chunks := escapeChunks(s, n, 1)
	if len(chunks) == 0 {
		return ""
	}
	return chunks[0]
}

// escapeChunks escapes plain text into at most max pieces of at most n
// characters each (n at least 5, the longest entity), preferring to cut
// after a newline or a space. If the text does not fit, the last piece
// ends with "…".
func escapeChunks(s string, n, max int) []string {
	var out []string
	for s != "" {
		cut := cutPoint(s, n)
		if cut == len(s) {
			return append(out, escape(s))
		}
		if len(out) == max-1 {
			cut = cutPoint(s, n-1)
			return append(out, escape(strings.TrimRightFunc(s[:cut], unicode.IsSpace))+"…")
		}
		piece := s[:cut]
		if i := strings.LastIndexAny(piece, "\n "); i > len(piece)/2 {
			piece = piece[:i+1]
		}
		if p := strings.TrimRightFunc(piece, unicode.IsSpace); p != "" {
			out = append(out, escape(p))
		}
		s = strings.TrimLeftFunc(s[len(piece):], unicode.IsSpace)
	}
	return out
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

// unescapeText turns the text of a slash command, as Slack sends it with
// should_escape on, back into the plain text the member typed: mentions
// become @U123 and channels #C123 (their IDs in the core's form:
// bot.MemberRef, bot.ChannelRef), broadcasts @here, links their URL, or
// the name typed when Slack made the link of a bare name ("asp.net" comes
// as <http://asp.net|asp.net>) or of an e-mail address, and the entities
// &amp; &lt; &gt; their characters. The core then treats it as plain text, and the renderer
// escapes it again on the way out.
func unescapeText(s string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(s)
			break
		}
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		b.WriteString(unescapeToken(s[i+1 : i+j]))
		s = s[i+j+1:]
	}
	return entityUnescaper.Replace(b.String())
}

// entityUnescaper undoes Slack's three entities, &amp; last so that
// "&amp;lt;" stays the literal text "&lt;".
var entityUnescaper = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&")

// linkedName reports whether label is the bare name Slack made the link
// target of (asp.net for http://asp.net). A label that says something
// else (a link formatted by hand) gives way to its URL, which shows
// where it leads.
func linkedName(target, label string) bool {
	for _, scheme := range []string{"http://", "https://"} {
		if name, ok := strings.CutPrefix(target, scheme); ok && (strings.EqualFold(name, label) || strings.EqualFold(name, label+"/")) {
			return true
		}
	}
	return false
}

// unescapeToken reads the inside of one <...> token.
func unescapeToken(tok string) string {
	target, label, hasLabel := strings.Cut(tok, "|")
	switch {
	case strings.HasPrefix(target, "@"):
		// The member's ID in the core's form (bot.MemberRef), not their
		// name: commands that name them (admin pair @ada) need the ID,
		// and names change.
		return bot.MemberRef(target[1:])
	case strings.HasPrefix(target, "#"):
		// The channel's ID in the core's form (bot.ChannelRef), for
		// digest-channel #team and announce.
		return bot.ChannelRef(target[1:])
	case strings.HasPrefix(target, "!"):
		if hasLabel {
			return label // <!subteam^S1|@team>, <!date^...|fallback>
		}
		return "@" + strings.TrimPrefix(target, "!")
	case strings.HasPrefix(target, "mailto:") && hasLabel, hasLabel && linkedName(target, label):
		// A link Slack made of what the member typed (asp.net, an
		// e-mail address): the label is the text as typed.
		return label
	}
	return target
}
