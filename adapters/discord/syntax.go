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
	switch {
	case t.French:
		lang = bot.French
	case t.English:
		lang = bot.English
	case lang == "":
		lang = bot.English
	}
	var b strings.Builder
	b.WriteString("/" + rootCommand + " " + commandName(lang, t.Spec))
	if t.Rest != "" {
		b.WriteString(" " + t.Rest)
	}
	for _, o := range t.Options {
		b.WriteString(" " + optionName(lang, o.Option) + ":" + o.Value)
	}
	return b.String(), true
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
// "example: /mentor offer go"), its commands' names, and the sentences
// that Discord words its own way (ownSentences). The catalog's code
// spans are rewritten as they are escaped (escapeWith).
func forDiscord(lang bot.Lang, s string) string {
	s = ownSentences(s)
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
// command's name of "• /mentor offer — …" and the example of
// "    example: /mentor offer go", in the language of its label.
func helpLine(lang bot.Lang, line string) string {
	body := strings.TrimLeft(line, " ")
	indent := line[:len(line)-len(body)]
	if name, rest, ok := strings.Cut(strings.TrimPrefix(body, "• "), " — "); ok && body != name && strings.HasPrefix(name, "/"+rootCommand+" ") {
		if shown, ok := bareCommand(lang, name); ok {
			return indent + "• " + shown + " — " + rest
		}
		return line
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

// spanRewriter is what escapeWith does to a catalog code span that is a
// command: discordCommand, for a reader of lang.
func spanRewriter(lang bot.Lang) func(string) string {
	return func(content string) string {
		if !strings.HasPrefix(content, "/"+rootCommand+" ") {
			return content
		}
		if shown, ok := discordCommand(lang, content); ok {
			return shown
		}
		return content
	}
}

// ownWords maps the core's sentences that are untrue on Discord to the
// adapter's own (texts.go): the help's "the commands can also be typed
// in French: propose, demande, …" (Discord takes no typed words, but a
// French client shows the commands in French), and its "options are
// written name:value; their English names work too" (on Discord, each
// value goes in a field, named in the client's language).
var ownWords = map[string]string{"help.french_words": "french_words", "help.intro": "help_intro"}

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
