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
	OptUser                      // a member: "@U123" (MemberRef) or a user ID
	OptChannel                   // a channel: "#C123" (ChannelRef) or a channel ID
	// OptLanguages is a comma-separated list of languages: ISO 639-1 codes
	// or their names in English or French ("fr", "French", "français"),
	// stored as codes.
	OptLanguages
	// OptTZ is a time zone: an IANA name in any case ("europe/paris"),
	// UTC or GMT, or an offset ("UTC+2", "UTC-5:30").
	OptTZ
	// OptLanguage is one language, written as OptLanguages's are and
	// stored as its code.
	OptLanguage
)

// Option is one named input of a command. The same definition drives the
// text parser (name:value), Discord's slash-command options, modal forms and
// the help. Its description is the catalog entry "opt.<name>", its label
// in a form "label.<name>", and its name inside a sentence ("the number
// of places", "le nombre de places") "optname.<name>".
//
// An option is typed with any of its names, in either language and
// whatever the member's language: Name, French or one of Aliases, with or
// without accents and in any case ("capacity:", "capacité:", "Capacite:").
// Values are always keyed by Name.
type Option struct {
	Name string
	// French is the name French readers see, in the help, in Discord and
	// in the list of options of an error; "" when it is Name.
	French string
	// Aliases are further names the option may be typed with ("ans").
	Aliases []string
	// FreeText options keep a "word:" that names none of the command's
	// options as part of their value ("goal:learn this: fast"); any other
	// option refuses it as an unknown option.
	FreeText bool
	Type     OptionType
	// Choices are the values an OptChoice (or a list with Choices) takes,
	// as they are stored and as English readers see them.
	Choices []string
	// ChoiceFrench names choices for French readers where the French
	// word differs ("yes": "oui", "one-to-one": "individuel"), and
	// ChoiceAliases are further spellings of a choice ("pairs" for
	// "peer"). Every name of a choice is understood whatever the
	// member's language, case, accents and '-' for ' ' ignored; readers
	// see the name of their language (ChoicesIn).
	ChoiceFrench  map[string]string
	ChoiceAliases map[string][]string
	Min, Max      int // for OptInt
	MaxLength     int // for text and lists
	Required      bool
	Multiline     bool // shown as a paragraph in forms
	// Help is the catalog key of the option's description where one
	// command needs its own ("opt.pair_topic"); "" means "opt.<Name>".
	Help string
	// Label names the option inside a sentence where commands share its
	// Name but not its meaning (goals' first: is a goal, answers' an
	// answer): the catalog entry "optname.<Label>"; "" means
	// "optname.<Name>" (LabelName).
	Label string
	// NamesMember marks a text option that may name a member the way an
	// OptUser does, among other things (end's pair: "@dan", or a name or
	// a topic): adapters rewrite a mention there too (see TakesMember).
	NamesMember bool
	// NamesChannel is NamesMember for channels: a text option that may
	// be one channel, such as the digest-channel setting (which also
	// takes "off").
	NamesChannel bool
}

// TakesMember reports whether the option's value may name a member:
// adapters rewrite a value that is one mention of their platform into the
// core's form (MemberRef) before the core sees the command.
func (o Option) TakesMember() bool { return o.Type == OptUser || o.NamesMember }

// TakesChannel is TakesMember for channels (ChannelRef).
func (o Option) TakesChannel() bool { return o.Type == OptChannel || o.NamesChannel }

// LabelName is what names the option inside a sentence: the catalog
// entry "optname.<LabelName>", as an error's "option" argument holds it.
func (o Option) LabelName() string {
	if o.Label != "" {
		return o.Label
	}
	return o.Name
}

// HelpKey returns the catalog key of the option's description.
func (o Option) HelpKey() string {
	if o.Help != "" {
		return o.Help
	}
	return "opt." + o.Name
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
	// Static commands answer from the command table alone (the help): the
	// store being down does not keep them from answering.
	Static bool
	run    func(ctx context.Context, b *Bot, in *Invocation) (Reply, error)
	// parseError, when set, rewrites an error of parsing or checking the
	// typed text in the command's own words ("unknown setting" rather
	// than "unknown option").
	parseError func(c CommandSpec, lang Lang, text string, err error) error
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

// Lookup returns the option a member means by name: any of its names in
// either language, case and accents ignored.
func (c CommandSpec) Lookup(name string) (Option, bool) {
	f := foldName(name)
	for _, o := range c.Options {
		for _, n := range o.Names() {
			if foldName(n) == f {
				return o, true
			}
		}
	}
	return Option{}, false
}

// Names returns every name the option may be typed with: Name, French,
// then Aliases.
func (o Option) Names() []string {
	names := []string{o.Name}
	if o.French != "" {
		names = append(names, o.French)
	}
	return append(names, o.Aliases...)
}

// NameIn returns the name of the option shown to readers of lang.
func (o Option) NameIn(lang Lang) string {
	if lang == French && o.French != "" {
		return o.French
	}
	return o.Name
}

// ChoiceIn returns choice c as readers of lang see and type it.
func (o Option) ChoiceIn(lang Lang, c string) string {
	if fr := o.ChoiceFrench[c]; lang == French && fr != "" {
		return fr
	}
	return c
}

// ChoicesIn returns the option's choices as readers of lang see them.
func (o Option) ChoicesIn(lang Lang) []string {
	out := make([]string, len(o.Choices))
	for i, c := range o.Choices {
		out[i] = o.ChoiceIn(lang, c)
	}
	return out
}

// choiceOf returns the choice a member means by v: any name of it, in
// either language, or "" and false.
func (o Option) choiceOf(v string) (string, bool) {
	f := foldChoice(v)
	for _, c := range o.Choices {
		names := append([]string{c, o.ChoiceFrench[c]}, o.ChoiceAliases[c]...)
		for _, n := range names {
			if n != "" && foldChoice(n) == f {
				return c, true
			}
		}
	}
	return "", false
}

// foldChoice is a choice as it is compared: folded as option names are,
// with '-' read as a space and spaces collapsed ("Entre-pairs" is
// "entre pairs").
func foldChoice(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(foldName(s), "-", " ")), " ")
}

// optionList lists the options of a command as a reader of lang types
// them, in backticks: "`capacité:`, `langues:`, …".
func optionList(lang Lang, c CommandSpec) string {
	names := make([]string, len(c.Options))
	for i, o := range c.Options {
		names[i] = "`" + o.NameIn(lang) + ":`"
	}
	return strings.Join(names, ", ")
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
	optLanguages = Option{Name: "languages", French: "langues", Type: OptLanguages, MaxLength: 80}
	optTZ        = Option{Name: "tz", French: "fuseau", Aliases: []string{"timezone", "fuseau-horaire"}, Type: OptTZ, MaxLength: 64}
	optYears     = Option{Name: "years", French: "années", Aliases: []string{"ans"}, Type: OptInt, Min: 0, Max: 70}
	optTopic     = Option{Name: "topic", French: "sujet", Type: OptText, MaxLength: MaxTopicLen}
	// optProgram names a program by its name or ID (program.go).
	optProgram = Option{Name: "program", French: "programme", Type: OptText, MaxLength: MaxProgramNameLen}
)

// optKind is the option that picks one kind of mentoring.
func optKind(kinds []string) Option {
	return Option{Name: "kind", French: "type", Type: OptChoice, Choices: kinds, ChoiceFrench: kindFrench, ChoiceAliases: kindAliases}
}

// commandTable returns the command table, in help order.
func commandTable() []CommandSpec {
	kinds := make([]string, 0, len(allKinds))
	for _, k := range allKinds {
		kinds = append(kinds, string(k))
	}
	return append([]CommandSpec{
		{Name: "help", Positional: "command", Options: []Option{{Name: "command", French: "commande", Type: OptText, MaxLength: 40}}, ReadOnly: true, Static: true, run: runHelp},
		// topics sets the whole list; add and remove change one topic or
		// a few, keeping the rest. Only a new offer needs topics.
		{Name: "offer", Positional: "topics", Form: true, run: runOffer, Options: []Option{
			{Name: "topics", French: "sujets", Type: OptList, MaxLength: maxTopicList},
			{Name: "capacity", French: "capacité", Aliases: []string{"places"}, Type: OptInt, Min: 1, Max: 20},
			optLanguages,
			{Name: "kinds", French: "types", Type: OptList, Choices: kinds, ChoiceFrench: kindFrench, ChoiceAliases: kindAliases, MaxLength: 60},
			optTZ, optYears,
			{Name: "add", French: "ajouter", Type: OptList, MaxLength: maxTopicList},
			{Name: "remove", French: "retirer", Type: OptList, MaxLength: maxTopicList},
			optProgram, optHours,
		}},
		{Name: "request", Positional: "topic", Form: true, run: runRequest, Options: []Option{
			withRequired(optTopic),
			optKind(kinds),
			// One language, any: this request's only (languages: sets them all).
			{Name: "language", French: "langue", Type: OptLanguage, MaxLength: 40},
			optLanguages,
			{Name: "goal", French: "objectif", FreeText: true, Type: OptText, MaxLength: MaxGoalLen, Multiline: true},
			optTZ, optYears, optProgram, optHours,
		}},
		{Name: "status", ReadOnly: true, run: runStatus},
		{Name: "cancel", run: runCancel},
		// pause.go: with until: or for:, the offer and the open request
		// until that date.
		{Name: "pause", run: runPause, Options: []Option{
			{Name: "until", French: "jusqu'au", Aliases: []string{"jusqu-au", "jusquau", "jusqua", "jusqu-a", "au"}, Type: OptText, MaxLength: 30},
			{Name: "for", French: "pendant", Aliases: []string{"duree", "pour"}, Type: OptText, MaxLength: 30},
		}},
		{Name: "resume", run: runResume},
		{Name: "lang", Positional: "lang", run: runLang, Options: []Option{
			// Without it, the command says which language is spoken.
			{Name: "lang", French: "langue", Type: OptChoice, Choices: langNames()},
		}},
		// Meeting times (meeting*.go, profile.go).
		profileCommand(), meetCommand(),
		{Name: "end", Positional: "pair", ReadOnly: true, run: runEnd, Options: []Option{
			{Name: "pair", French: "binôme", Type: OptText, MaxLength: 80, NamesMember: true},
		}},
		// A pair's goals (goals.go): the goals' form, or first: second: third:.
		// Their length (MaxGoalLen) is checked by runGoals, in the goals'
		// words: first: second: third: name answers elsewhere (optname).
		{Name: "goals", run: runGoals, Options: []Option{
			{Name: "pair", French: "binôme", Type: OptText, MaxLength: 80, NamesMember: true},
			{Name: "first", French: "premier", Aliases: []string{"première"}, FreeText: true, Type: OptText, MaxLength: MaxGoalLen, Help: "opt.goal_n", Label: "goal_first"},
			{Name: "second", French: "deuxième", FreeText: true, Type: OptText, MaxLength: MaxGoalLen, Help: "opt.goal_n", Label: "goal_second"},
			{Name: "third", French: "troisième", FreeText: true, Type: OptText, MaxLength: MaxGoalLen, Help: "opt.goal_n", Label: "goal_third"},
		}},
		{Name: "answers", run: runAnswers, Options: []Option{
			{Name: "first", French: "première", Aliases: []string{"premier"}, FreeText: true, Type: OptText, MaxLength: maxProgramAnswerLen, Multiline: true, Help: "opt.answer"},
			{Name: "second", French: "deuxième", FreeText: true, Type: OptText, MaxLength: maxProgramAnswerLen, Multiline: true, Help: "opt.answer"},
			{Name: "third", French: "troisième", FreeText: true, Type: OptText, MaxLength: maxProgramAnswerLen, Multiline: true, Help: "opt.answer"},
		}},
		{Name: "comment", Positional: "text", Form: true, run: runComment, Options: []Option{
			{Name: "text", French: "texte", FreeText: true, Type: OptText, MaxLength: MaxCommentLen, Multiline: true, Required: true},
		}},
		// The final survey's sentence (testimonial.go): a form, like comment.
		// runTestimonial asks for the sentence, which pair: may hold
		// ("pair:Carole What a joy"); the form requires it.
		{Name: "testimonial", Positional: "sentence", Form: true, run: runTestimonial, Options: []Option{
			{Name: "sentence", French: "phrase", FreeText: true, Type: OptText, MaxLength: MaxTestimonialLen, Multiline: true},
			{Name: "pair", French: "binôme", Type: OptText, MaxLength: maxTestimonialPair, NamesMember: true, Help: "opt.testimonial_pair"},
		}},
		// Privacy (forget.go, export_me.go): read-only, so that a newcomer
		// asking is not recorded first.
		{Name: "export-me", ReadOnly: true, run: runExportMe},
		{Name: "forget", ReadOnly: true, run: runForget},
	}, append(adminCommands(kinds), needsCommands(kinds)...)...)
}

// withRequired returns o, required.
func withRequired(o Option) Option {
	o.Required = true
	return o
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
