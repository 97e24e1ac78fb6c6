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
// (helpFrenchWords) for a member's command, adminFrenchNames' for a
// manager's; "" for a command without one (pause, campaigns).
func frenchName(name string) string {
	words, table := helpFrenchWords, frenchCommands
	if strings.HasPrefix(name, "admin ") {
		words, table = adminFrenchNames, frenchAdminWords
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
		words := strings.Fields(v)
		if len(words) < 2 {
			return one
		}
		out := pair("mentor", words[0], "mentee", words[1])
		if topic, ok := spec.Option("topic"); ok && len(words) > 2 && len(out) == 2 {
			out = append(out, TypedOption{Option: topic, Value: strings.Join(words[2:], " ")})
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
