package bot

import (
	"context"
	"sort"
	"strings"
)

// OptionType is how an option's value is read.
type OptionType int

// Option types.
const (
	OptText    OptionType = iota // free text
	OptList                      // comma-separated list
	OptInt                       // whole number within Min..Max
	OptChoice                    // one of Choices
	OptUser                      // a member: a mention (<@U123>, @U123) or a user ID
	OptChannel                   // a channel: a mention (<#C123>, #C123) or a channel ID
)

// Option is one named input of a command. The same definition drives the
// text parser (name:value), Discord's slash-command options, modal forms and
// the help. Its description is the catalog entry "opt.<name>".
type Option struct {
	Name      string
	Type      OptionType
	Choices   []string
	Min, Max  int // for OptInt
	MaxLength int // for text and lists
	Required  bool
	Multiline bool // shown as a paragraph in forms
}

// CommandSpec is one row of the command table. Its summary and example are
// the catalog entries "cmd.<name>.summary" and "cmd.<name>.example", with
// spaces in the name written as dots.
type CommandSpec struct {
	Name string // "offer", or "admin stats" for a grouped command
	// Positional is the option that takes the text before the first
	// name:value pair ("go, kubernetes" in "/mentor offer go, kubernetes").
	Positional string
	Options    []Option
	// Form makes the command open a modal form when run with no input. The
	// form shows the first MaxFormFields options.
	Form bool
	// Admin restricts the command to the workspace's managers.
	Admin bool
	// ReadOnly commands change nothing: run by a newcomer, they do not
	// record them either.
	ReadOnly bool
	run      func(ctx context.Context, b *Bot, in *Invocation) (Reply, error)
	// parseError, when set, rewrites an error of parsing the typed text
	// in the command's own words ("unknown setting" rather than
	// "unknown option").
	parseError func(c CommandSpec, text string, err error) error
}

// Option returns the named option of the command.
func (c CommandSpec) Option(name string) (Option, bool) {
	for _, o := range c.Options {
		if o.Name == name {
			return o, true
		}
	}
	return Option{}, false
}

// CatalogKey returns the catalog key prefix of the command: "cmd.offer".
func (c CommandSpec) CatalogKey() string { return "cmd." + strings.ReplaceAll(c.Name, " ", ".") }

// Group splits a grouped name: "admin stats" gives ("admin", "stats").
func (c CommandSpec) Group() (group, sub string) {
	if g, s, ok := strings.Cut(c.Name, " "); ok {
		return g, s
	}
	return "", c.Name
}

// Limits on what members type.
const (
	MaxTextLen    = 2000 // a whole command
	MaxTopicLen   = 60
	MaxTopics     = 10
	MaxGoalLen    = 500
	MaxCommentLen = 1000
)

var (
	optLanguages = Option{Name: "languages", Type: OptList, MaxLength: 40}
	optTZ        = Option{Name: "tz", Type: OptText, MaxLength: 64}
	optYears     = Option{Name: "years", Type: OptInt, Min: 0, Max: 70}
)

// commandTable returns the command table, in help order.
func commandTable() []CommandSpec {
	kinds := make([]string, 0, len(allKinds))
	for _, k := range allKinds {
		kinds = append(kinds, string(k))
	}
	return append([]CommandSpec{
		{Name: "help", Positional: "command", Options: []Option{{Name: "command", Type: OptText, MaxLength: 40}}, ReadOnly: true, run: runHelp},
		{Name: "offer", Positional: "topics", Form: true, run: runOffer, Options: []Option{
			{Name: "topics", Type: OptList, MaxLength: MaxTopics*(MaxTopicLen+2) + 1, Required: true},
			{Name: "capacity", Type: OptInt, Min: 1, Max: 20},
			optLanguages,
			{Name: "kinds", Type: OptList, Choices: kinds, MaxLength: 60},
			optTZ, optYears,
		}},
		{Name: "request", Positional: "topic", Form: true, run: runRequest, Options: []Option{
			{Name: "topic", Type: OptText, MaxLength: MaxTopicLen, Required: true},
			{Name: "kind", Type: OptChoice, Choices: kinds},
			{Name: "language", Type: OptChoice, Choices: langNames()},
			optLanguages,
			{Name: "goal", Type: OptText, MaxLength: MaxGoalLen, Multiline: true},
			optTZ, optYears,
		}},
		{Name: "status", ReadOnly: true, run: runStatus},
		{Name: "cancel", run: runCancel},
		{Name: "pause", run: runPause},
		{Name: "resume", run: runResume},
		{Name: "lang", Positional: "lang", run: runLang, Options: []Option{
			{Name: "lang", Type: OptChoice, Choices: langNames(), Required: true},
		}},
		{Name: "end", Positional: "pair", ReadOnly: true, run: runEnd, Options: []Option{
			{Name: "pair", Type: OptText, MaxLength: 80},
		}},
		{Name: "comment", Positional: "text", Form: true, run: runComment, Options: []Option{
			{Name: "text", Type: OptText, MaxLength: MaxCommentLen, Multiline: true, Required: true},
		}},
	}, adminCommands(kinds)...)
}

func langNames() []string {
	out := make([]string, len(Langs))
	for i, l := range Langs {
		out[i] = string(l)
	}
	return out
}

// Commands returns the command table: what adapters register and parse.
func (b *Bot) Commands() []CommandSpec { return b.commands }

// command finds a command by its full name.
func (b *Bot) command(name string) (CommandSpec, bool) {
	for _, c := range b.commands {
		if c.Name == name {
			return c, true
		}
	}
	return CommandSpec{}, false
}

// commandNames returns every command name, sorted.
func (b *Bot) commandNames() []string {
	names := make([]string, len(b.commands))
	for i, c := range b.commands {
		names[i] = c.Name
	}
	sort.Strings(names)
	return names
}
