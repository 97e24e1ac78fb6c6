package discord

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/mentorbot/mentorbot/bot"
)

// A message's text is the catalog's sentences with what members typed
// filled in: both are one string by the time it is rendered, and nothing
// in it marks where a member's value starts or ends. What tells the
// bot's code spans from a member's backticks is the catalog itself,
// which says where its sentences have spans and where they have values.
// A code span is the bot's (ownSpans):
//
//   - where a sentence of the catalog has one: its content matches that
//     span, each {placeholder} in it matching any text (`/mentor offer
//     add:{typed}`, `{word}:`), and the words just before and after it
//     are that span's in its sentence (spanContext): "Type `/mentor
//     help` for the list";
//   - where a sentence has one of the values the core writes as code
//     spans itself (codePlaceholders): one, or a list of them ("Open
//     programs: `A`, `B`").
//
// Anywhere else in a line that is one of the catalog's, filled in, it
// stands in a value (lineTemplate): it is a member's, whatever it holds.
// A goal "`/mentor forget`" holds one of the catalog's commands, but
// stands where "{n}. {goal} ({name}): {progress}" has the goal: its
// backticks are escaped, and it is neither code nor rewritten for its
// reader (syntax.go). Only in a line the catalog does not account for at
// all does a span's content decide, as one of the catalog's. A field's
// value, or a placeholder (plainSpans), is not such a line: it is a
// sentence of the catalog or a value, often a member's text alone (a
// goal, a manager's question).

// codePlaceholders are the placeholders whose values the core writes as
// code spans: a list of programs' names, as they are typed (bot's
// programNames), a digest schedule that is a cron spec, the command that
// previews a round (matchCommand), the commands that move a request
// (moveCommands) and a command's options (optionList).
var codePlaceholders = []string{"{programs}", "{schedule}", "{command}", "{commands}", "{options}"}

// maxContext is how much of the words around a span, in bytes, must be
// found around it: enough to tell one sentence's place for it from a
// value's.
const maxContext = 40

// spanContext is the words of a sentence just before and just after one
// of its code spans (or code placeholders), up to the placeholder or
// span next to it.
type spanContext struct {
	before, after string
	// first marks a before that starts its sentence, which the core may
	// write with its first letter lowered (bot.AfterColon).
	first bool
	// spanBefore and spanAfter mark words that reach another span of the
	// sentence, which must be there too: ", " alone, between two spans
	// ("`create`, `list`, `show`"), would say little.
	spanBefore, spanAfter bool
}

// around reports whether head and rest, the text of a line before and
// after a span, are c's words: rest may stop short of them where a clip
// cut it ("…").
func (c spanContext) around(head, rest string) bool {
	before, after := c.before, c.after
	if c.spanBefore {
		before = "`" + before
	}
	if c.spanAfter {
		after += "`"
	}
	if !strings.HasSuffix(head, before) && !(c.first && strings.HasSuffix(head, bot.AfterColon(bot.French, before))) {
		return false
	}
	if strings.HasPrefix(rest, after) {
		return true
	}
	cut, ok := strings.CutSuffix(rest, "…")
	return ok && strings.HasPrefix(after, cut)
}

// spanIndex is the catalog's code spans and lines, as ownSpans reads
// them.
type spanIndex struct {
	// literal are the spans with no placeholder, by content; patterns
	// those with some text of their own; bare those that are a
	// placeholder alone (`{id}`, `{example}`), which only their words
	// tell.
	literal  map[string][]spanContext
	patterns []patternSpan
	bare     []bareSpan
	// lists are the words around each of codePlaceholders.
	lists []spanContext
	// content matches the content of any of the catalog's spans.
	content *regexp.Regexp
	// lines are the catalog's lines with values, surest first.
	lines []*lineTemplate
	// headings are the catalog's heading lines (bot.HeadingLine).
	headings *regexp.Regexp
}

type patternSpan struct {
	spanContext
	content *regexp.Regexp
}

// bareSpan is a span that is a placeholder alone: its words may be few
// ("{name} (`{id}`): {kind}", where a goal's line has "{goal} ({name}):
// {progress}"), so its line must be its sentence's (template, when it
// has one).
type bareSpan struct {
	spanContext
	template *lineTemplate
}

// placeholder is a {placeholder} of a catalog sentence.
var placeholder = regexp.MustCompile(`\{[^{}]*\}`)

var catalogSpans = sync.OnceValue(func() spanIndex {
	idx := spanIndex{literal: map[string][]spanContext{}}
	// Each span, list or line once, however many sentences share it.
	type entry struct {
		kind, key string
		c         spanContext
	}
	seen := map[entry]bool{}
	once := func(kind, key string, c spanContext) bool {
		e := entry{kind, key, c}
		if seen[e] {
			return false
		}
		seen[e] = true
		return true
	}
	compiled := map[string]*regexp.Regexp{}
	var contents, headings []string
	for _, s := range catalogSentences() {
		for _, line := range strings.Split(s, "\n") {
			if _, ok := bot.HeadingLine(line); ok {
				headings = append(headings, placeholderPattern(line, ".+"))
			}
			t := templateOf(line)
			if t != nil && once("line", t.pattern, spanContext{}) {
				idx.lines = append(idx.lines, t)
			}
			spans := spansIn(line)
			for _, p := range codePlaceholders {
				for from := 0; ; {
					k := strings.Index(line[from:], p)
					if k < 0 {
						break
					}
					start := from + k
					from = start + len(p)
					if inSpan(spans, start) {
						continue
					}
					c, ok := contextAt(line, start, start+len(p))
					// A value between quotation marks is the member's
					// own words ("the command “{command}”"), never code.
					quoted := strings.HasSuffix(c.before, "“") || strings.HasSuffix(strings.TrimRight(c.before, " \u202f\u00a0"), "«")
					if ok && !quoted && once("list", "", c) {
						idx.lists = append(idx.lists, c)
					}
				}
			}
			// A span with no words around it (a sentence that is a span
			// alone: `/mentor admin match`) is a value of another
			// sentence's (codePlaceholders); elsewhere only its content
			// tells (ownSpans).
			for _, sp := range spans {
				content := line[sp[0]+1 : sp[1]-1]
				c, ok := contextAt(line, sp[0], sp[1])
				switch {
				case strings.TrimSpace(placeholder.ReplaceAllString(content, "")) == "":
					key := ""
					if t != nil {
						key = t.pattern
					}
					if ok && strings.TrimSpace(c.before) != "" && once("bare", key, c) {
						idx.bare = append(idx.bare, bareSpan{c, t})
					}
				case !placeholder.MatchString(content):
					if once("content", content, spanContext{}) {
						contents = append(contents, regexp.QuoteMeta(content))
					}
					if ok && once("literal", content, c) {
						idx.literal[content] = append(idx.literal[content], c)
					}
				default:
					p := placeholderPattern(content, "[^`\n]+")
					if compiled[p] == nil {
						compiled[p] = regexp.MustCompile("^(?:" + p + ")$")
						contents = append(contents, p)
					}
					if ok && once("pattern", p, c) {
						idx.patterns = append(idx.patterns, patternSpan{c, compiled[p]})
					}
				}
			}
		}
	}
	idx.content = regexp.MustCompile("^(?:" + strings.Join(contents, "|") + ")$")
	idx.headings = regexp.MustCompile("^(?:" + strings.Join(headings, "|") + ")$")
	sort.SliceStable(idx.lines, func(i, j int) bool { return idx.lines[i].weight > idx.lines[j].weight })
	return idx
})

// catalogSentences are the sentences the bot writes: the core's catalog
// and the adapter's own (texts), in every language, each also as
// forDiscord rewrites it where it does (oneOptionName).
func catalogSentences() []string {
	var out []string
	add := func(s string) {
		out = append(out, s)
		if other := oneOptionName(s); other != s {
			out = append(out, other)
		}
	}
	for _, lang := range bot.Langs {
		keys := bot.CatalogKeys(lang)
		sort.Strings(keys) // the same index, run after run
		for _, key := range keys {
			add(bot.T(lang, key)) // no args: the sentence as written
		}
		keys = keys[:0]
		for key := range texts[lang] {
			keys = append(keys, key)
		}
		sort.Strings(keys)
		for _, key := range keys {
			add(texts[lang][key])
		}
	}
	return out
}

// placeholderPattern is s as a regular expression, each {placeholder} in
// it matching any as.
func placeholderPattern(s, any string) string {
	var p strings.Builder
	last := 0
	for _, m := range placeholder.FindAllStringIndex(s, -1) {
		p.WriteString(regexp.QuoteMeta(s[last:m[0]]))
		p.WriteString(any)
		last = m[1]
	}
	p.WriteString(regexp.QuoteMeta(s[last:]))
	return p.String()
}

// inSpan reports whether i, an index of a catalog line, is inside one of
// its spans.
func inSpan(spans [][2]int, i int) bool {
	for _, sp := range spans {
		if sp[0] < i && i < sp[1] {
			return true
		}
	}
	return false
}

// contextAt returns the words around line[start:end], a span or a
// placeholder of a catalog line: from the placeholder or span before it
// (or the line's start) to the one after it (or the line's end), at most
// maxContext bytes of each, as they read once the sentence is filled in.
// ok is false when there are no words around it at all.
func contextAt(line string, start, end int) (spanContext, bool) {
	var c spanContext
	before := line[:start]
	cut := strings.LastIndexAny(before, "}`")
	c.before = before[cut+1:]
	switch {
	case cut < 0:
		c.before = strings.TrimLeft(c.before, " \t")
		c.first = true
	case before[cut] == '`':
		c.spanBefore = true
	case before[cut] == '}':
		// A value on an open topic loses its quotation marks (bot's
		// openTopicSentence), the closing one here.
		for _, q := range []string{"”", "\u202f»"} {
			c.before = strings.TrimPrefix(c.before, q)
		}
	}
	if len(c.before) > maxContext {
		c.before, c.first, c.spanBefore = c.before[runeStart(c.before, len(c.before)-maxContext):], false, false
	}
	c.after = line[end:]
	if k := strings.IndexAny(c.after, "{`"); k >= 0 {
		c.spanAfter = c.after[k] == '`'
		if c.after[k] == '{' {
			c.after, _ = beforeValue(c.after[:k])
		} else {
			c.after = c.after[:k]
		}
	}
	if len(c.after) > maxContext {
		c.after, c.spanAfter = c.after[:runeStart(c.after, maxContext)], false
	}
	return c, strings.TrimSpace(c.before) != "" || strings.TrimSpace(c.after) != ""
}

// runeStart is i, or the start of the character of s that i is inside.
func runeStart(s string, i int) int {
	for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}

// elisions are the French words that filling in the value after them
// may elide (bot's fill: "de Erin" is "d'Erin", after an opening « too),
// and "on"/"sur", which a value on an open topic loses, with its
// quotation marks (bot's openTopicSentence).
var elisions = []struct{ word, elided string }{
	{"de ", "d'"}, {"De ", "D'"}, {"que ", "qu'"}, {"Que ", "Qu'"},
	{"le ", "l'"}, {"Le ", "L'"}, {"la ", "l'"}, {"La ", "L'"},
	{"on ", ""}, {"sur ", ""},
}

// beforeValue splits s, the words of a sentence just before a
// placeholder, into those that filling it in leaves as they are and the
// word it may change (elisions), with the quotation mark after it.
func beforeValue(s string) (kept, word string) {
	quote := ""
	for _, q := range []string{"«\u202f", "“"} {
		if rest, ok := strings.CutSuffix(s, q); ok {
			s, quote = rest, q
			break
		}
	}
	for _, e := range elisions {
		if rest, ok := strings.CutSuffix(s, e.word); ok && (rest == "" || strings.HasSuffix(rest, " ") || strings.HasSuffix(rest, "(")) {
			return rest, e.word + quote
		}
	}
	return s, quote
}

// lineTemplate is a line of the catalog with values, as a regular
// expression that matches it filled in, each value a group: where in a
// line that is this one a span stands in a value, and so is a member's
// (ownSpans).
type lineTemplate struct {
	// pattern is the expression, compiled once a line holds key: most
	// lines are never looked for.
	pattern string
	once    sync.Once
	re      *regexp.Regexp
	// key is its longest run of words, which a line it matches holds.
	key string
	// code says, by group, whether that value is one the core writes as
	// code (codePlaceholders).
	code []bool
	// weight is how many characters of it are words, not values: the
	// more, the surer that a line it matches is this one.
	weight int
}

// minTemplateWeight is the fewest characters of words, not values, that
// a line must have to tell where its values are: a line that is only
// "{goals}", or "{name}: {help}", would match any text.
const minTemplateWeight = 2

// templateOf is line, a line of the catalog, as a lineTemplate; nil
// when it has no value, or too few words to tell.
func templateOf(line string) *lineTemplate {
	locs := placeholder.FindAllStringIndex(line, -1)
	if len(locs) == 0 {
		return nil
	}
	t := &lineTemplate{}
	var re strings.Builder
	// The core indents some lines, and lists some as bullets (status).
	re.WriteString(`^[ \t\x{a0}]*(?:[•◦‣–-] +)?`)
	words := func(chunk, kept string) {
		t.weight += utf8.RuneCountInString(strings.Join(strings.Fields(chunk), ""))
		if k := strings.TrimSpace(kept); len(k) > len(t.key) {
			t.key = k
		}
	}
	// The words that filling a value in may change (beforeValue), and
	// the quotation mark after it, which a value on an open topic loses,
	// match as they are, as changed, or not at all.
	closing := func(chunk string) string {
		for _, q := range []string{"”", "\u202f»"} {
			if rest, ok := strings.CutPrefix(chunk, q); ok {
				re.WriteString("(?:" + regexp.QuoteMeta(q) + ")?")
				return rest
			}
		}
		return chunk
	}
	last := 0
	for n, m := range locs {
		chunk := line[last:m[0]]
		if n > 0 {
			chunk = closing(chunk)
		}
		kept, word := beforeValue(chunk)
		re.WriteString(regexp.QuoteMeta(kept))
		if word != "" {
			re.WriteString("(?:" + regexp.QuoteMeta(word))
			for _, e := range elisions {
				if strings.HasPrefix(word, e.word) {
					re.WriteString("|" + regexp.QuoteMeta(e.elided+strings.TrimPrefix(word, e.word)))
				}
			}
			re.WriteString(")?")
		}
		words(chunk, kept)
		name := line[m[0]:m[1]]
		if _, forms, plural := strings.Cut(name[1:len(name)-1], "|"); plural {
			one, other, _ := strings.Cut(forms, "|")
			re.WriteString("(?:" + regexp.QuoteMeta(one) + "|" + regexp.QuoteMeta(other) + ")")
			if len(other) < len(one) {
				one = other
			}
			words(one, "") // the shorter form's words count
		} else {
			re.WriteString("(.*?)")
			t.code = append(t.code, slices.Contains(codePlaceholders, name))
		}
		last = m[1]
	}
	tail := closing(line[last:])
	re.WriteString(regexp.QuoteMeta(tail) + "$")
	words(tail, tail)
	if t.weight < minTemplateWeight || len(t.code) == 0 {
		return nil
	}
	t.pattern = re.String()
	return t
}

// match is where t matches line, as regexp's FindStringSubmatchIndex
// says; nil if it does not.
func (t *lineTemplate) match(line string) []int {
	if !strings.Contains(line, t.key) {
		return nil
	}
	t.once.Do(func() { t.re = regexp.MustCompile(t.pattern) })
	return t.re.FindStringSubmatchIndex(line)
}

// wordsAt reports whether line is t's, with its words, not a value, at
// line[i].
func (t *lineTemplate) wordsAt(line string, i int) bool {
	loc := t.match(line)
	if loc == nil {
		return false
	}
	for g := 1; 2*g < len(loc); g++ {
		if loc[2*g] >= 0 && loc[2*g] <= i && i < loc[2*g+1] {
			return false
		}
	}
	return true
}

// inValue reports whether the catalog's line that line is, if any, has
// a member's value at line[i]: known is false when line is none of the
// catalog's. Of the lines it could be, the one with the most words is;
// where two have as many, a member's value is where both have one.
func inValue(line string, i int) (value, known bool) {
	best := 0
	for _, t := range catalogSpans().lines {
		if known && t.weight < best {
			break
		}
		loc := t.match(line)
		if loc == nil {
			continue
		}
		value, known, best = false, true, t.weight
		for g := range t.code {
			if s, e := loc[2+2*g], loc[3+2*g]; s >= 0 && s <= i && i < e {
				value = !t.code[g]
			}
		}
		if !value {
			return false, true
		}
	}
	return value, known
}

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

// listSeps are what separates the spans of a list the core writes for a
// code placeholder: a comma, and "or" and "and" in every language
// (bot's andList, moveCommands).
var listSeps = sync.OnceValue(func() []string {
	seps := []string{", "}
	for _, lang := range bot.Langs {
		seps = append(seps, bot.T(lang, "langs.or"), bot.T(lang, "langs.and"))
	}
	return seps
})

// ownSpans returns the code spans of line that the bot wrote (see
// above), each as the index of its opening backtick and just past its
// closing one; every other backtick is a member's. A run of two
// backticks or more is never one. In a text shown alone (alone: a
// field's value, a placeholder), a span is the bot's only where a
// sentence of the catalog has it.
func ownSpans(line string, alone bool) map[int]int {
	if !strings.Contains(line, "`") {
		return nil
	}
	var out map[int]int
	add := func(i, end int) {
		if out == nil {
			out = map[int]int{}
		}
		out[i] = end
	}
	idx := catalogSpans()
	for i := 0; i < len(line); i++ {
		if line[i] != '`' {
			continue
		}
		end, ok := spanEnd(line, i)
		if !ok {
			continue
		}
		if end, ok := idx.catalogs(line, i, end); ok {
			for k := i; k < end; {
				e, _ := spanEnd(line, k)
				add(k, e)
				k = e + strings.IndexByte(line[e:end]+"`", '`')
			}
			i = end - 1
			continue
		}
		if alone {
			continue
		}
		value, known := inValue(line, i)
		if !value && (known || idx.content.MatchString(line[i+1:end-1])) {
			add(i, end)
			i = end - 1
		}
	}
	return out
}

// catalogs reports whether the span line[i:end] stands where a sentence
// of the catalog has a span, or a list of them, and where that ends.
func (idx spanIndex) catalogs(line string, i, end int) (int, bool) {
	head, rest, content := line[:i], line[end:], line[i+1:end-1]
	for _, c := range idx.literal[content] {
		if c.around(head, rest) {
			return end, true
		}
	}
	for _, p := range idx.patterns {
		if p.around(head, rest) && p.content.MatchString(content) {
			return end, true
		}
	}
	for _, b := range idx.bare {
		if b.around(head, rest) && (b.template == nil || b.template.wordsAt(line, i)) {
			return end, true
		}
	}
	// A value the core wrote as code: one span, or a list of them, the
	// longest that its sentence's words follow.
	ends := []int{end}
	for more := true; more; {
		more = false
		last := ends[len(ends)-1]
		for _, sep := range listSeps() {
			if !strings.HasPrefix(line[last:], sep+"`") {
				continue
			}
			if e, ok := spanEnd(line, last+len(sep)); ok {
				ends, more = append(ends, e), true
			}
			break
		}
	}
	for n := len(ends) - 1; n >= 0; n-- {
		for _, c := range idx.lists {
			if c.around(head, line[ends[n]:]) {
				// Their words are few ("to: " and "."): a line that is
				// a sentence with a value of another kind there is not
				// the core's code.
				if value, _ := inValue(line, i); value {
					return 0, false
				}
				return ends[n], true
			}
		}
	}
	return 0, false
}

// spanEnd returns where the code span that the backtick at line[i]
// opens ends (just past its closing backtick); ok is false when it opens
// none the catalog could write: a run of backticks, or no closing one.
func spanEnd(line string, i int) (int, bool) {
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
	return end, true
}

// ownHeading reports whether line is one of the catalog's headings, a
// line that is wholly one *phrase* (bot.HeadingLine) where the catalog
// writes one ("*Right now*"), and returns the phrase. A member's text
// that is one *phrase* ("*Click here*") is theirs, and shows as typed.
func ownHeading(line string) (string, bool) {
	inner, ok := bot.HeadingLine(line)
	if !ok || !catalogSpans().headings.MatchString(line) {
		return "", false
	}
	return inner, true
}

// plainSpans writes the catalog's code spans of s as plain text, for the
// places where Discord renders no markdown and would show the backticks
// as they are: a text input's or a menu's placeholder, a command's or an
// option's description. The backticks go and their text stays ("vos
// heures de travail : 9h-18h, …"): quotes would read as well, but cost
// characters that Discord's 100 and the command's size (fitSize) do not
// have to spare, French ones most. Any other backtick, a member's (a
// manager's question shown as its placeholder), stays as typed, even
// around one of the catalog's commands (ownSpans). A span
// that a clip cut short ("`2027-03-1…", the core's placeholders are
// clipped to 100 characters) loses its backtick too, when what is left
// of it starts one of the catalog's.
func plainSpans(s string) string {
	if !strings.Contains(s, "`") {
		return s
	}
	lines := strings.Split(s, "\n")
	for n, line := range lines {
		own := ownSpans(line, true)
		var b strings.Builder
		for i := 0; i < len(line); i++ {
			if line[i] != '`' {
				b.WriteByte(line[i])
				continue
			}
			if end, ok := own[i]; ok {
				b.WriteString(line[i+1 : end-1])
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
