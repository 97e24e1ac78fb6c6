package bot

import "strings"

// A command as a member types it ("/mentor offer go, k8s capacité:2")
// and as a platform that takes named fields shows it (Discord's
// "/mentor propose sujets:go, k8s capacité:2") are one command in two
// shapes. The catalog writes the typed shape; ReadTyped reads it back,
// with the parser's own rules and no store, so that an adapter may
// write it in its platform's shape, with the command's names in the
// reader's language (CommandSpec.NameIn, Option.NameIn).

// NameIn returns the command's full name as readers of lang see it: in
// French, the one French word the French catalog and the help write for
// each command that has one ("propose", "admin programme"), else its
// name. A French client of a platform that localizes commands
// (Discord) shows it, and the parser reads it (commandNamed).
func (c CommandSpec) NameIn(lang Lang) string {
	if lang != French {
		return c.Name
	}
	group, sub := c.Group()
	if w := frenchName(c.Name); w != "" {
		sub = w
	}
	if group == "" {
		return sub
	}
	return group + " " + sub
}

// frenchName is the French word of the command named name: the help's
// (memberFrenchNames) for a member's command, adminFrenchNames' for a
// manager's, once the parser reads it as that command; "" for a command
// without one (pause).
func frenchName(name string) string {
	return frenchNameFrom(name, frenchCommands, frenchAdminWords)
}

// frenchNameFrom is frenchName with the parser's tables of French words,
// the members' and the managers'.
func frenchNameFrom(name string, members, managers map[string]string) string {
	words, table := memberFrenchNames, members
	if strings.HasPrefix(name, "admin ") {
		words, table = adminFrenchNames, managers
	}
	for _, w := range words {
		if table[w] == name {
			return w
		}
	}
	return ""
}

// TypedOption is one option of a typed command: the option, and its value
// as typed (a value wholly in quotes without them; "" for "autre:" with
// nothing after it).
type TypedOption struct {
	Option Option
	Value  string
}

// TypedCommand is a typed command as ReadTyped reads it.
type TypedCommand struct {
	Spec CommandSpec
	// Options are the options typed, in their order. The positional text
	// comes first, split into the options its command reads from it
	// ("@ada @grace go" is admin pair's mentor, mentee and topic).
	Options []TypedOption
	// Rest is the text after the command's name when its options cannot
	// be read ("nom:valeur", a word that names none of them); Options is
	// then empty.
	Rest string
	// French and English report that the text names the command or one
	// of its options with a word of that language only ("propose",
	// "capacité:"; "capacity:"): the language it was written in.
	French, English bool
}

// ReadTyped reads text, a command as typed after /mentor ("/mentor
// offer go capacité:2"), as the parser does, without running or checking
// anything: placeholders ("<sujets>", "…") are values like any other. ok
// is false when text names no command, or none at all.
func ReadTyped(text string) (TypedCommand, bool) {
	text = strings.TrimSpace(text)
	if !strings.HasPrefix(text, "/mentor") {
		return TypedCommand{}, false
	}
	text = strings.TrimSpace(strings.TrimPrefix(text, "/mentor"))
	if text == "" || len(text) > 4*MaxTextLen {
		return TypedCommand{}, false
	}
	g := grammar()
	spec, rest, err := g.splitCommand(English, text)
	if err != nil {
		return TypedCommand{}, false
	}
	// A French word of the command's ("propose", "admin programme").
	t := TypedCommand{Spec: spec, French: typedInFrench(Command{Text: text})}
	opts, ok := readOptions(spec, rest, &t)
	if !ok {
		t.Rest = rest
		return t, true
	}
	t.Options = opts
	return t, true
}

// readOptions splits the text of a command's options as parseOptions
// does (optionSpans), keeping their order and empty values.
func readOptions(spec CommandSpec, text string, t *TypedCommand) ([]TypedOption, bool) {
	var out []TypedOption
	spans, unknown := optionSpans(spec, text)
	for _, sp := range spans {
		v := strings.TrimSpace(text[sp.Start:sp.End])
		if sp.Word == "" && v == "" {
			continue
		}
		o, ok := spec.Option(sp.Option)
		if !ok {
			return nil, false // text, and no positional option to take it
		}
		if sp.Word == "" {
			out = append(out, splitPositional(spec, o, v)...)
			continue
		}
		switch f := foldName(sp.Word); {
		case o.French != "" && f == foldName(o.French) && f != foldName(o.Name):
			t.French = true
		case o.French != "" && f == foldName(o.Name):
			t.English = true
		}
		out = append(out, TypedOption{Option: o, Value: unquote(v)})
	}
	return out, unknown == ""
}

// splitPositional splits the positional text v of spec into the options
// its command reads from it, as it reads them: admin pair's "@ada @grace
// go" (pairArgs), admin managers' "add @ada" (runAdminManagers), admin
// topics' "alias sre site reliability engineering" (runAdminTopics) and
// admin program's "create "Mentorat 2027"" (runAdminProgram). Any other
// positional text is the positional option's value.
func splitPositional(spec CommandSpec, o Option, v string) []TypedOption {
	one := []TypedOption{{Option: o, Value: unquote(v)}}
	pair := func(first, firstValue, second, secondValue string) []TypedOption {
		out := []TypedOption{}
		for _, nv := range [][2]string{{first, firstValue}, {second, secondValue}} {
			if nv[1] == "" {
				continue
			}
			opt, ok := spec.Option(nv[0])
			if !ok {
				return one
			}
			out = append(out, TypedOption{Option: opt, Value: nv[1]})
		}
		return out
	}
	verb, rest, _ := strings.Cut(strings.TrimSpace(v), " ")
	rest = strings.TrimSpace(rest)
	switch spec.Name {
	case "admin pair":
		mentor, mentee, rest, ok := pairWords(v)
		if !ok {
			return one
		}
		out := pair("mentor", mentor, "mentee", mentee)
		if topic, ok := spec.Option("topic"); ok && rest != "" && len(out) == 2 {
			out = append(out, TypedOption{Option: topic, Value: rest})
		}
		return out
	case "admin managers":
		if _, ok := managerVerbs[strings.ToLower(verb)]; ok && rest != "" {
			return pair("action", verb, "user", rest)
		}
	case "admin program":
		if _, ok := programVerbs[foldName(verb)]; ok && rest != "" {
			return pair("action", verb, "name", unquote(rest))
		}
	case "admin topics":
		switch topicVerbs[strings.ToLower(verb)] {
		case "alias":
			if alias, topic := splitAlias(rest); alias != "" && topic != "" {
				out := pair("action", verb, "alias", alias)
				if t, ok := spec.Option("topic"); ok && len(out) == 2 {
					out = append(out, TypedOption{Option: t, Value: topic})
				}
				return out
			}
		case "remove":
			if rest != "" {
				return pair("action", verb, "alias", rest)
			}
		}
	}
	return one
}

// adminFrenchNames are the French names of the managers' commands, one a
// command, as the French catalog writes them ("/mentor admin programme
// créer") and French Discord clients show them; frenchAdminWords has
// every French word a manager may type.
var adminFrenchNames = []string{"aide", "statistiques", "vague", "programme", "inviter-mentors", "rapport",
	"binôme", "charte", "exporter", "témoignages", "annonce", "réglages", "canal-bilan", "responsables",
	"sujets", "besoins", "événement", "événements"}

// ValueIn returns v, a value of the command's option o as typed, as a
// reader of lang types it: a choice in lang's word ("oui" for "yes"), the
// verb a command's positional text starts with in the word its help
// gives in lang ("liste" for admin program's "list"), and the command
// the help's command option names by its name in lang ("propose" for
// "offer", admin help's "réglages" for "settings"). Any other value is
// returned as it is.
func (c CommandSpec) ValueIn(lang Lang, o Option, v string) string {
	switch vt, verbs := positionalVerbs[c.Name]; {
	case o.Type == OptChoice:
		if ch, ok := o.choiceOf(v); ok {
			return o.ChoiceIn(lang, ch)
		}
	case verbs && o.Name == c.Positional:
		word, rest, _ := strings.Cut(strings.TrimSpace(v), " ")
		if verb, ok := vt.verbOf(word); ok {
			return strings.TrimSpace(vt.wordIn(lang, verb) + " " + rest)
		}
	case o.Name == "command" && (c.Name == "help" || c.Name == "admin help"):
		name := helpTopic(v)
		full := name
		if c.Name == "admin help" && !strings.HasPrefix(name, "admin ") {
			full = "admin " + name
		}
		if name == "admin" && c.Name == "help" {
			return v
		}
		if cmd, ok := grammar().commandNamed(full); ok {
			// admin help names a manager's command without "admin" when
			// the value did.
			return strings.TrimPrefix(cmd.NameIn(lang), strings.TrimSuffix(full, name))
		}
	}
	return v
}

// ReadFragment reads fragment, the text after the name of spec's command
// written alone after a command ("`/mentor admin topics alias <alias>
// <topic>`, `remove <alias>` or `list`"), as ReadTyped reads the whole
// command; ok is false unless it starts with one of the verbs spec's
// positional text starts with, as nothing else says it is a command's.
func ReadFragment(spec CommandSpec, fragment string) (TypedCommand, bool) {
	vt, ok := positionalVerbs[spec.Name]
	if !ok {
		return TypedCommand{}, false
	}
	word, _, _ := strings.Cut(strings.TrimSpace(fragment), " ")
	if _, ok := vt.verbOf(word); !ok {
		return TypedCommand{}, false
	}
	t, ok := ReadTyped("/mentor " + spec.Name + " " + fragment)
	if !ok || t.Spec.Name != spec.Name {
		return TypedCommand{}, false
	}
	return t, true
}

// IsOptionName reports whether word is a name some command's option is
// typed with (Option.Names, folded as the parser folds them): "jusqu'au"
// in "`jusqu'au:10/01/2027`".
func IsOptionName(word string) bool {
	f := foldName(word)
	if f == "" {
		return false
	}
	for _, c := range grammar().commands {
		for _, o := range c.Options {
			for _, n := range o.Names() {
				if foldName(n) == f {
					return true
				}
			}
		}
	}
	return false
}

// verbTable is what a command whose positional text starts with a verb
// reads there: what a manager may type for each verb, folded as the
// command folds it, and each verb's French word, as the French help of
// its action option writes it (opt.program_action: « `créer`, `lister`,
// `voir` ou `clore` »). A verb's English word is the verb.
type verbTable struct {
	typed  map[string]string
	fold   func(string) string
	french map[string]string
}

// verbOf returns the verb a manager means by word ("" is none here).
func (vt verbTable) verbOf(word string) (string, bool) {
	if word == "" {
		return "", false
	}
	verb, ok := vt.typed[vt.fold(word)]
	return verb, ok
}

// wordIn returns verb as readers of lang read and type it.
func (vt verbTable) wordIn(lang Lang, verb string) string {
	if w := vt.french[verb]; lang == French && w != "" {
		return w
	}
	return verb
}

// positionalVerbs are the commands whose positional text starts with a
// verb (splitPositional, runAdminEvents).
var positionalVerbs = map[string]verbTable{
	"admin program":  {programVerbs, foldName, map[string]string{"create": "créer", "list": "lister", "show": "voir", "close": "clore"}},
	"admin topics":   {topicVerbs, strings.ToLower, map[string]string{"alias": "alias", "remove": "retirer", "list": "lister"}},
	"admin managers": {managerVerbs, strings.ToLower, map[string]string{"add": "ajouter", "remove": "retirer", "list": "lister"}},
	"admin events":   {eventVerbs, foldName, map[string]string{"list": "liste", "cancel": "annuler"}},
}

// SameOption reports whether a and b are two names of one option of some
// command ("langues" and "languages"), folded as the parser folds them.
func SameOption(a, b string) bool {
	fa, fb := foldName(a), foldName(b)
	for _, c := range grammar().commands {
		for _, o := range c.Options {
			var hasA, hasB bool
			for _, n := range o.Names() {
				hasA = hasA || foldName(n) == fa
				hasB = hasB || foldName(n) == fb
			}
			if hasA && hasB {
				return true
			}
		}
	}
	return false
}

// TypedIn returns text, a command as typed after /mentor ("/mentor offer
// go capacity:2"), as a reader of lang types it: the command's name, its
// options' names and the values ValueIn reads in lang's words
// ("/mentor propose go capacité:2"), everything else as it was
// (placeholders, spacing, quotes). Text that names no command is
// returned as it is; a name that is no option of the command ends what
// is rewritten ("/mentor admin settings nom:valeur" → "/mentor admin
// réglages nom:valeur"). The catalogs write every command in their own
// language (TestCatalogCommandsInTheirLanguage).
func TypedIn(lang Lang, text string) string {
	body, ok := strings.CutPrefix(text, "/mentor ")
	if !ok || strings.TrimSpace(body) == "" || len(body) > 4*MaxTextLen {
		return text
	}
	spec, rest, err := grammar().splitCommand(English, body)
	if err != nil || !strings.HasSuffix(body, rest) {
		return text
	}
	// The words that named the command, and what follows them as typed.
	named := strings.TrimRight(body[:len(body)-len(rest)], " ")
	gap := body[len(named) : len(body)-len(rest)]
	out := "/mentor " + spec.NameIn(lang)
	if spec.Name == "admin help" && !strings.Contains(strings.ToLower(named), " ") {
		out = "/mentor " + strings.Fields(named)[0] // "/mentor admin", the group alone
	}
	return out + gap + optionsIn(lang, spec, rest)
}

// optionsIn is TypedIn's rewrite of a command's options, rest.
func optionsIn(lang Lang, spec CommandSpec, rest string) string {
	spans, unknown := optionSpans(spec, rest)
	if unknown != "" || len(spans) == 0 {
		return rest
	}
	var b strings.Builder
	done := 0
	for _, sp := range spans {
		if sp.Option == "" && strings.TrimSpace(rest[sp.Start:sp.End]) == "" {
			continue // no positional option, and no text for one
		}
		o, ok := spec.Option(sp.Option)
		if !ok {
			return rest
		}
		if sp.Word != "" {
			at := sp.Start - 1 - len(sp.Word)
			if at < done || rest[at:sp.Start-1] != sp.Word {
				return rest
			}
			b.WriteString(rest[done:at])
			b.WriteString(o.NameIn(lang))
			done = sp.Start - 1
		}
		v := rest[sp.Start:sp.End]
		core := strings.TrimSpace(v)
		if core == "" || strings.HasPrefix(core, "<") || strings.Contains(core, "…") {
			continue // a placeholder reads as it is
		}
		in := spec.ValueIn(lang, o, unquote(core))
		if in == unquote(core) {
			continue
		}
		lead := len(v) - len(strings.TrimLeft(v, " "))
		b.WriteString(rest[done : sp.Start+lead])
		b.WriteString(in)
		done = sp.Start + lead + len(core)
	}
	b.WriteString(rest[done:])
	return b.String()
}
