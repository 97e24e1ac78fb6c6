package discord

import (
	"regexp"
	"strings"
	"sync"

	"github.com/mentorbot/mentorbot/bot"
)

// The catalog writes commands as they are typed on Slack or in the
// shell: "/mentor offer go, kubernetes capacité:2", where the text before
// the first option is the command's positional option. Discord has no
// such text: each value goes in a field of its own, named as /mentor
// registers it, in the client's language. So a command the catalog
// writes is shown in Discord's shape: the subcommand as a client in the
// reader's language shows it, then every value after its option's name,
// "/mentor propose sujets:go, kubernetes capacité:2". The core reads the
// typed shape (bot.ReadTyped); what cannot be read is left as it is.

// discordCommand writes typed, a command as the catalog writes it
// ("/mentor lang fr"), in Discord's shape for a reader of lang
// ("/mentor langue langue:fr"); ok is false when it names no command. A
// command written with a French word, or an English option name, is in
// that language whatever lang is: a message in two languages (a
// bilingual call for mentors) shows each of its commands in its own.
func discordCommand(lang bot.Lang, typed string) (string, bool) {
	t, ok := bot.ReadTyped(typed)
	if !ok {
		return "", false
	}
	return shownCommand(commandLang(lang, t), t), true
}

// commandLang is the language t is shown in to a reader of lang: its
// own, when its words have one.
func commandLang(lang bot.Lang, t bot.TypedCommand) bot.Lang {
	switch {
	case t.French:
		return bot.French
	case t.English:
		return bot.English
	case lang == "":
		return bot.English
	}
	return lang
}

// shownCommand writes t in Discord's shape, named in lang, its values
// too where lang has words of its own for them (bot.CommandSpec.ValueIn).
func shownCommand(lang bot.Lang, t bot.TypedCommand) string {
	var b strings.Builder
	b.WriteString("/" + rootCommand + " " + commandName(lang, t.Spec))
	if t.Rest != "" {
		b.WriteString(" " + t.Rest)
	}
	for _, o := range t.Options {
		b.WriteString(" " + optionName(lang, o.Option) + ":" + t.Spec.ValueIn(lang, o.Option, o.Value))
	}
	return b.String()
}

// commandName is a command's name as a Discord client in lang shows it
// (the French name localizations of commands.go).
func commandName(lang bot.Lang, spec bot.CommandSpec) string {
	return localName(spec.NameIn(lang))
}

// optionName is an option's name as a Discord client in lang shows it.
func optionName(lang bot.Lang, o bot.Option) string {
	return localName(o.NameIn(lang))
}

// forDiscord rewrites the text of a message written for typing into
// Discord's shape, before it is escaped: the help's examples, which are
// plain text after its "example:" label ("• /mentor offer — …" then
// "example: /mentor offer go"), its commands' names, its options' names
// ("    jusqu-au : …"), the sentences that Discord words its own way
// (ownSentences), and an option's other name given as an aside (« avec
// `langues:` (ou `languages:`) »: oneOptionName). The catalog's code
// spans are rewritten as they are escaped (escapeWith).
func forDiscord(lang bot.Lang, s string) string {
	s = ownSentences(s)
	s = oneOptionName(s)
	if !strings.Contains(s, "/"+rootCommand) {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		lines[i] = helpLine(lang, line)
	}
	return strings.Join(lines, "\n")
}

// helpLine rewrites one line of the help (bot's commandHelp): the
// command's name of "• /mentor offer — …", the example of
// "    example: /mentor offer go", in the language of its label, and an
// option's line (optionLine).
func helpLine(lang bot.Lang, line string) string {
	body := strings.TrimLeft(line, " ")
	indent := line[:len(line)-len(body)]
	if name, rest, ok := strings.Cut(strings.TrimPrefix(body, "• "), " — "); ok && body != name && strings.HasPrefix(name, "/"+rootCommand+" ") {
		if shown, ok := bareCommand(lang, name); ok {
			return indent + "• " + shown + " — " + rest
		}
		return line
	}
	if shown, ok := optionLine(body); ok && indent != "" {
		return indent + shown
	}
	for _, l := range bot.Langs {
		label := bot.T(l, "help.example") + " "
		if typed, ok := strings.CutPrefix(body, label); ok && strings.HasPrefix(typed, "/"+rootCommand+" ") {
			if shown, ok := discordCommand(l, typed); ok {
				return indent + label + shown
			}
		}
	}
	return line
}

// optionLine rewrites the line of the help that describes an option
// ("jusqu'au : la date de fin …", bot's help.option) when Discord names
// the option otherwise ("jusqu-au", localName); ok is false for any
// other line.
func optionLine(body string) (string, bool) {
	for _, l := range bot.Langs {
		layout := bot.T(l, "help.option")
		sep, _, ok := strings.Cut(strings.TrimPrefix(layout, "{name}"), "{help}")
		if !ok || !strings.HasPrefix(layout, "{name}") || sep == "" {
			continue
		}
		name, rest, ok := strings.Cut(body, sep)
		if !ok || name == "" || localName(name) == name || strings.Contains(name, " ") || !bot.IsOptionName(name) {
			continue
		}
		return localName(name) + sep + rest, true
	}
	return "", false
}

// bareCommand writes "/mentor offer", a command's name alone (a help
// line's, or the title of a command's help), as Discord shows it in
// lang; ok is false for anything else.
func bareCommand(lang bot.Lang, s string) (string, bool) {
	t, ok := bot.ReadTyped(s)
	if !ok || t.Rest != "" || len(t.Options) > 0 {
		return "", false
	}
	if lang == "" {
		lang = bot.English
	}
	return "/" + rootCommand + " " + commandName(lang, t.Spec), true
}

// spanRewriter writes the catalog's code spans of a text in Discord's
// shape for a reader of lang (escapeWith), line after line:
//
//   - a command, as discordCommand shows it;
//   - the arguments of the command a span of its line named before,
//     written alone ("`/mentor admin topics alias <alias> <topic>`,
//     `remove <alias>` or `list`"), which on Discord name no field: as
//     that command, "`/mentor admin topics action:remove alias:<alias>`"
//     (bot.ReadFragment);
//   - an option written alone, name and value ("`jusqu'au:10/01/2027`"),
//     with the name as Discord takes it ("jusqu-au") and the value out of
//     its quotes: a field needs none.
type spanRewriter struct {
	lang bot.Lang
	// The command the line named last, and the language it was shown in.
	last     *bot.CommandSpec
	lastLang bot.Lang
}

func newSpanRewriter(lang bot.Lang) *spanRewriter { return &spanRewriter{lang: lang} }

// line starts a new line: a fragment is read as the command of its own
// line only.
func (r *spanRewriter) line() { r.last = nil }

// span returns content, a catalog span's text, as Discord shows it.
func (r *spanRewriter) span(content string) string {
	if strings.HasPrefix(content, "/"+rootCommand+" ") {
		t, ok := bot.ReadTyped(content)
		if !ok {
			return content
		}
		r.last, r.lastLang = &t.Spec, commandLang(r.lang, t)
		return shownCommand(r.lastLang, t)
	}
	if r.last != nil {
		if t, ok := bot.ReadFragment(*r.last, content); ok {
			return shownCommand(r.lastLang, t)
		}
	}
	if name, value, ok := strings.Cut(content, ":"); ok && name != "" && !strings.ContainsAny(name, " `/") && bot.IsOptionName(name) {
		return localName(name) + ":" + unquoted(value)
	}
	return content
}

// unquoted is v without the quotes around it when it is wholly in
// quotes, as in `horaire-bilan:"lundi 9h"`.
func unquoted(v string) string {
	for _, q := range [][2]string{{`"`, `"`}, {"“", "”"}, {"«", "»"}} {
		if len(v) > len(q[0])+len(q[1]) && strings.HasPrefix(v, q[0]) && strings.HasSuffix(v, q[1]) {
			return strings.TrimSpace(v[len(q[0]) : len(v)-len(q[1])])
		}
	}
	return v
}

// ownWords maps the core's sentences that are untrue on Discord to the
// adapter's own (texts.go): the help's "the commands can also be typed
// in French: propose, demande, …" (Discord takes no typed words, but a
// French client shows the commands in French), and its "options are
// written name:value; their English names work too" (on Discord, each
// value goes in a field, named in the client's language).
//
// The digest schedule's help and hint ask for its day and time between
// quotes, which typed text needs (`digest-schedule:"monday 9:00"`) and
// a field does not; so does the needs survey's program.
var ownWords = map[string]string{"help.french_words": "french_words", "help.intro": "help_intro",
	"opt.setting_digest-schedule": "digest_schedule_help", "admin.settings.hint.digest-schedule": "digest_schedule_hint",
	"opt.needs_program": "needs_program_help"}

// ownPatterns are the sentences of ownWords as the core writes them, in
// every language, each {placeholder} matching any text on its line.
var ownPatterns = sync.OnceValue(func() []ownPattern {
	placeholder := regexp.MustCompile(`\{[^{}]*\}`)
	var out []ownPattern
	for key, own := range ownWords {
		for _, lang := range bot.Langs {
			parts := placeholder.Split(bot.T(lang, key), -1)
			for i, p := range parts {
				parts[i] = regexp.QuoteMeta(p)
			}
			out = append(out, ownPattern{regexp.MustCompile(strings.Join(parts, "[^\n]*")), text(lang, own)})
		}
	}
	return out
})

type ownPattern struct {
	re   *regexp.Regexp
	with string
}

// ownSentences replaces the sentences of ownWords with the adapter's.
func ownSentences(s string) string {
	for _, p := range ownPatterns() {
		s = p.re.ReplaceAllLiteralString(s, p.with)
	}
	return s
}

// otherName is an option's name in a code span followed by another of
// its names as an aside: "`langues:` (ou `languages:`)".
var otherName = regexp.MustCompile("`([^`\n ]+):` \\((?:ou|or) `([^`\n ]+):`\\)")

// oneOptionName drops the aside of otherName: a Discord client shows
// each option by one name, in its language.
func oneOptionName(s string) string {
	return otherName.ReplaceAllStringFunc(s, func(m string) string {
		sub := otherName.FindStringSubmatch(m)
		if !bot.SameOption(sub[1], sub[2]) {
			return m
		}
		return "`" + sub[1] + ":`"
	})
}
