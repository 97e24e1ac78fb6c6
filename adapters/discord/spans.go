package discord

import (
	"regexp"
	"strings"
	"sync"

	"github.com/mentorbot/mentorbot/bot"
)

// A message's text is the catalog's sentences with what members typed
// filled in: both are one string by the time it is rendered. The catalog
// writes commands and examples as code spans (`/mentor help`,
// `capacity:3`), which Discord shows as code; a member's backticks (a
// goal "learn `c`", a name) must show as typed. So a code span is kept
// only when the catalog could have written it: its content matches one of
// the catalog's code spans, each {placeholder} in it matching any text
// (`/mentor offer add:{typed}`, `{word}:`). A catalog span that is a
// placeholder alone (`{id}`, `{example}`) would match anything: it is
// recognised by the text around it in its sentence instead ("created
// (`{id}`)"). The core also writes a few values as code spans of its own,
// filled in for a placeholder (codePlaceholders): spans that start where
// such a placeholder starts in its sentence are kept, one or a list of
// them ("Open programs: `A`, `B`").

// codePlaceholders are the placeholders whose values the core writes as
// code spans: a list of programs' names, as they are typed (bot's
// programNames), and a digest schedule that is a cron spec.
var codePlaceholders = []string{"{programs}", "{schedule}"}

// spanIndex is the catalog's code spans, as catalogSpan matches them.
type spanIndex struct {
	// literal are the contents of the spans with no placeholder; content
	// matches those of the others with some text of their own.
	literal map[string]bool
	content *regexp.Regexp
	// bare are the spans that are a placeholder alone: the text just
	// before and after them in their sentence.
	bare []spanContext
	// lists are the text just before each of codePlaceholders in its
	// sentence.
	lists []string
}

type spanContext struct{ before, after string }

var catalogSpans = sync.OnceValue(func() spanIndex {
	var patterns []string
	seen := map[string]bool{}
	idx := spanIndex{literal: map[string]bool{}}
	placeholder := regexp.MustCompile(`\{[^{}]*\}`)
	for _, lang := range bot.Langs {
		sentences := []string{}
		for _, key := range bot.CatalogKeys(lang) {
			sentences = append(sentences, bot.T(lang, key)) // no args: the sentence as written
		}
		for _, s := range texts[lang] {
			sentences = append(sentences, s)
		}
		for _, s := range sentences {
			for _, line := range strings.Split(s, "\n") {
				for _, p := range codePlaceholders {
					for rest := line; strings.Contains(rest, p); {
						before, after, _ := strings.Cut(rest, p)
						if before = before[strings.LastIndexAny(before, "}`")+1:]; strings.TrimSpace(before) != "" {
							idx.lists = append(idx.lists, before)
						}
						rest = after
					}
				}
				for _, sp := range spansIn(line) {
					content := line[sp[0]+1 : sp[1]-1]
					if strings.TrimSpace(placeholder.ReplaceAllString(content, "")) == "" {
						before, after := line[:sp[0]], line[sp[1]:]
						before = before[strings.LastIndexAny(before, "}`")+1:]
						if i := strings.IndexAny(after, "{`"); i >= 0 {
							after = after[:i]
						}
						if strings.TrimSpace(before) != "" {
							idx.bare = append(idx.bare, spanContext{before, after})
						}
						continue
					}
					if !placeholder.MatchString(content) {
						idx.literal[content] = true
						continue
					}
					var p strings.Builder
					last := 0
					for _, m := range placeholder.FindAllStringIndex(content, -1) {
						p.WriteString(regexp.QuoteMeta(content[last:m[0]]))
						p.WriteString("[^`\n]+")
						last = m[1]
					}
					p.WriteString(regexp.QuoteMeta(content[last:]))
					if !seen[p.String()] {
						seen[p.String()] = true
						patterns = append(patterns, p.String())
					}
				}
			}
		}
	}
	idx.content = regexp.MustCompile("^(?:" + strings.Join(patterns, "|") + ")$")
	return idx
})

// spansIn returns the code spans of a catalog line, each as the indexes
// of its opening backtick and just past its closing one.
func spansIn(line string) [][2]int {
	var out [][2]int
	for i := 0; i < len(line); i++ {
		if line[i] != '`' {
			continue
		}
		j := strings.IndexByte(line[i+1:], '`')
		if j < 0 {
			break
		}
		out = append(out, [2]int{i, i + 1 + j + 1})
		i += j + 1
	}
	return out
}

// catalogSpan reports whether the backtick at line[i] opens a code span
// the catalog could have written, and where that span ends (just past
// its closing backtick). A run of two backticks or more never does.
func catalogSpan(line string, i int) (int, bool) {
	if i > 0 && line[i-1] == '`' || i+1 >= len(line) || line[i+1] == '`' {
		return 0, false
	}
	j := strings.IndexByte(line[i+1:], '`')
	if j < 0 {
		return 0, false
	}
	end := i + 1 + j + 1
	if end < len(line) && line[end] == '`' {
		return 0, false
	}
	content := line[i+1 : end-1]
	idx := catalogSpans()
	if idx.literal[content] || idx.content.MatchString(content) {
		return end, true
	}
	for _, c := range idx.bare {
		if strings.HasSuffix(line[:i], c.before) && strings.HasPrefix(line[end:], c.after) {
			return end, true
		}
	}
	for _, before := range idx.lists {
		if strings.HasSuffix(line[:i], before) {
			// The whole list: spans separated by ", ".
			for strings.HasPrefix(line[end:], ", `") {
				j := strings.IndexByte(line[end+3:], '`')
				if j <= 0 {
					break
				}
				end += 3 + j + 1
			}
			return end, true
		}
	}
	return 0, false
}

// plainSpans writes the catalog's code spans of s as plain text, for the
// places where Discord renders no markdown and would show the backticks
// as they are: a text input's or a menu's placeholder, a command's or an
// option's description. The backticks go and their text stays ("vos
// heures de travail : 9h-18h, …"): quotes would read as well, but cost
// characters that Discord's 100 and the command's size (fitSize) do not
// have to spare, French ones most. Any other backtick, a member's (a
// manager's question shown as its placeholder), stays as typed. A span
// that a clip cut short ("`2027-03-1…", the core's placeholders are
// clipped to 100 characters) loses its backtick too, when what is left
// of it starts one of the catalog's.
func plainSpans(s string) string {
	if !strings.Contains(s, "`") {
		return s
	}
	lines := strings.Split(s, "\n")
	for n, line := range lines {
		var b strings.Builder
		for i := 0; i < len(line); i++ {
			if line[i] != '`' {
				b.WriteByte(line[i])
				continue
			}
			if end, ok := catalogSpan(line, i); ok {
				// A list of spans ("`A`, `B`") is one: its inner
				// backticks go too.
				b.WriteString(strings.ReplaceAll(line[i+1:end-1], "`", ""))
				i = end - 1
				continue
			}
			if cutSpan(line[i+1:]) {
				continue
			}
			b.WriteByte('`')
		}
		lines[n] = b.String()
	}
	return strings.Join(lines, "\n")
}

// cutSpan reports whether rest, the text after a backtick to the end of
// its line, is a catalog span clipped with "…": no closing backtick, and
// the text before "…" starts a span the catalog wrote with no
// placeholder.
func cutSpan(rest string) bool {
	cut, ok := strings.CutSuffix(rest, "…")
	if !ok || cut == "" || strings.Contains(cut, "`") {
		return false
	}
	for content := range catalogSpans().literal {
		if strings.HasPrefix(content, cut) {
			return true
		}
	}
	return false
}
