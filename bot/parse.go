package bot

import (
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Parse reads the text a member typed after /mentor ("offer go, k8s
// capacity:3") into a command name and raw option values, keyed by the
// options' names. Options are written name:value, the same words Discord
// shows for its slash-command options, in English or French ("capacité:3"),
// accents optional; the text before the first option is the command's
// positional option. A value runs until the next option: so a goal may
// contain spaces and punctuation. A "word:" that names no option of the
// command is refused, except inside a free-text option (Option.FreeText),
// which keeps it. Unknown or misspelled commands and options are EINVALID
// errors that suggest the closest known word; their sentences list options
// in English (see ParseIn).
func (b *Bot) Parse(text string) (CommandSpec, map[string]string, error) {
	return b.ParseIn(English, text)
}

// ParseIn is Parse for a member who reads lang: an error lists the
// command's options with the names that member reads.
func (b *Bot) ParseIn(lang Lang, text string) (CommandSpec, map[string]string, error) {
	spec, rest, err := b.parseCommand(lang, text)
	if err != nil {
		return spec, nil, err
	}
	values, err := parseOptions(lang, spec, rest)
	return spec, values, err
}

// parseCommand is the first half of ParseIn: the command text names
// ("help" for none), and the text of its options. NeedsAdmin stops there
// for most commands.
func (b *Bot) parseCommand(lang Lang, text string) (CommandSpec, string, error) {
	text = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(text), "/mentor"))
	if utf8.RuneCountInString(text) > MaxTextLen {
		return CommandSpec{}, "", &Error{Code: EINVALID, Key: "err.text_too_long", Args: []string{"max", Number(lang, MaxTextLen)}}
	}
	if strings.TrimSpace(cleanText(text, false)) == "" {
		// Nothing, or only invisible characters (a zero-width space).
		c, _ := b.command("help")
		return c, "", nil
	}
	return b.splitCommand(lang, text)
}

// splitCommand finds the command named at the start of text, trying a
// two-word grouped name ("admin stats") before a single word. An unknown
// name is refused in lang's words (unknownCommand).
func (b *Bot) splitCommand(lang Lang, text string) (CommandSpec, string, error) {
	words := strings.Fields(text)
	first := strings.ToLower(words[0])
	if len(words) > 1 {
		two := first + " " + strings.ToLower(words[1])
		if c, ok := b.commandNamed(two); ok {
			return c, afterWords(text, 2), nil
		}
	}
	if c, ok := b.commandNamed(first); ok {
		return c, afterWords(text, 1), nil
	}
	// A group alone ("/mentor admin") is its help.
	if c, ok := b.command(first + " help"); ok && len(words) == 1 {
		return c, "", nil
	}
	name := first
	if len(words) > 1 && b.isGroup(first) {
		name = first + " " + strings.ToLower(words[1])
	}
	if s := b.suggestMistyped(lang, words); s != "" {
		return CommandSpec{}, "", b.unknownSuggesting(lang, name, s)
	}
	return CommandSpec{}, "", b.unknownCommand(lang, name)
}

// suggestMistyped suggests the command a member meant when the first of
// their words is no command word for a reason suggestCommand does not
// see: a group misspelled before a right command ("admn stats" is
// `/mentor admin stats`), or a command's name written as an option
// ("lang:fr" is `/mentor lang fr`, for a command whose words take a
// value). The suggestion is in the reader's words; "" if none is clear.
func (b *Bot) suggestMistyped(lang Lang, words []string) string {
	first := strings.ToLower(words[0])
	if w, v, ok := strings.Cut(first, ":"); ok && w != "" && v != "" && !strings.Contains(v, ":") {
		if c, ok := b.commandNamed(w); ok && c.Positional != "" && !c.Admin {
			return c.NameIn(lang) + " " + v
		}
		return ""
	}
	if len(words) < 2 || b.isGroup(first) {
		return ""
	}
	var groups []string
	for _, c := range b.commands {
		if g, _ := c.Group(); g != "" && !slices.Contains(groups, g) {
			groups = append(groups, g)
		}
	}
	g := suggest(foldName(first), groups)
	if g == "" {
		return ""
	}
	if c, ok := b.commandNamed(g + " " + strings.ToLower(words[1])); ok {
		return c.NameIn(lang)
	}
	return ""
}

// commandNamed returns the command a member means by name, lower case:
// its name ("offer", "admin stats") or one of its French words
// (frenchCommands, and frenchAdminCommands after "admin"). Running a
// command and asking for its help both read command words here.
func (b *Bot) commandNamed(name string) (CommandSpec, bool) {
	if c, ok := b.command(name); ok {
		return c, true
	}
	if word, admin := strings.CutPrefix(name, "admin "); admin {
		return b.command(frenchAdminCommands[foldName(word)])
	}
	return b.command(frenchCommands[name])
}

// frenchCommands are the French words a member may type for the members'
// commands ("/mentor demande go"), with and without accents, singular and
// plural where both are said. The commands keep their English names in
// the help and on Discord; these are understood as well.
var frenchCommands = map[string]string{
	"aide": "help", "propose": "offer", "proposer": "offer", "offre": "offer", "offrir": "offer",
	"demande": "request", "demander": "request", "statut": "status", "état": "status", "etat": "status",
	"annuler": "cancel", "reprendre": "resume", "reprise": "resume", "langue": "lang", "profil": "profile",
	"rendez-vous": "meet", "rdv": "meet", "terminer": "end", "fin": "end", "objectifs": "goals", "objectif": "goals",
	"réponses": "answers", "reponses": "answers", "commentaire": "comment", "témoignage": "testimonial",
	"temoignage": "testimonial", "mes-données": "export-me", "mes-donnees": "export-me", "oublier": "forget",
	"besoins": "needs", "campagnes": "campaigns",
	// And the English word people type for /mentor lang.
	"language": "lang",
}

// typedInFrench reports whether a typed command starts with a French
// command word ("demande", "aide"), not an English one.
func typedInFrench(c Command) bool {
	if c.Name != "" {
		return false // a form's submission: no word typed
	}
	words := strings.Fields(strings.TrimPrefix(strings.TrimSpace(c.Text), "/mentor"))
	if len(words) == 0 {
		return false
	}
	w := strings.ToLower(words[0])
	if w == "admin" && len(words) > 1 {
		_, french := frenchAdminCommands[foldName(words[1])]
		return french && !strings.EqualFold(words[1], "export") && !strings.EqualFold(words[1], "stats")
	}
	_, french := frenchCommands[w]
	return french && w != "language" // the one English word of the list
}

// frenchAdminWords are the French words a manager may type after "admin"
// ("/mentor admin programme créer …"), as the docs write them: the
// managers' help and Discord keep the English names. A round of
// proposals is a « vague » in the French catalog, hence admin match's
// word.
var frenchAdminWords = map[string]string{
	"aide": "admin help", "statistiques": "admin stats", "stats": "admin stats",
	"vague": "admin match", "apparier": "admin match", "tour": "admin match",
	"programme": "admin program", "programmes": "admin program", "inviter-mentors": "admin invite-mentors",
	"rapport": "admin report", "binôme": "admin pair", "charte": "admin charter", "exporter": "admin export",
	"export": "admin export", "témoignages": "admin testimonials", "annonce": "admin announce",
	"annoncer": "admin announce", "réglages": "admin settings", "paramètres": "admin settings",
	"canal-bilan": "admin digest-channel", "responsables": "admin managers", "sujets": "admin topics",
	"besoins": "admin needs", "événement": "admin event", "événements": "admin events",
}

// frenchAdminCommands is frenchAdminWords by folded word (foldName):
// accents are optional.
var frenchAdminCommands = func() map[string]string {
	m := make(map[string]string, len(frenchAdminWords))
	for w, c := range frenchAdminWords {
		m[foldName(w)] = c
	}
	return m
}()

// unknownCommand refuses a command name that names no command, with the
// closest command word when one is close (suggestCommand), pointing to
// the help that lists its group's commands: "/mentor admin help" for
// "admin foo".
func (b *Bot) unknownCommand(lang Lang, name string) error {
	s := b.suggestCommand(lang, name)
	if c, ok := b.commandNamed(s); ok && s != "" && lang == French {
		// A French reader reads the command's French name: "ofer" is
		// `/mentor propose`, "stat" `/mentor statut` (closestWord
		// already names English words to an English reader).
		s = c.NameIn(lang)
	}
	return b.unknownSuggesting(lang, name, s)
}

// unknownSuggesting is unknownCommand's error with suggestion s, the
// command words to suggest after "/mentor" in lang ("" for none).
func (b *Bot) unknownSuggesting(lang Lang, name, s string) *Error {
	// Echoed without its control characters: an escape sequence would
	// act on a terminal, a NUL on whatever shows it.
	shown := clip(cleanText(name, false), 30)
	if shown == "" {
		shown = "…"
	}
	key := "err.unknown_command"
	if group, _, ok := strings.Cut(name, " "); ok && HasKey(English, "err."+group+".unknown_command") {
		key = "err." + group + ".unknown_command"
	}
	if s != "" {
		return &Error{Code: EINVALID, Key: key + "_suggest", Args: []string{"command", shown, "suggestion", s}}
	}
	return &Error{Code: EINVALID, Key: key, Args: []string{"command", shown}}
}

// unknownHelpTopic refuses "/mentor help name" for a name that names no
// command, suggesting the help of the closest command in the reader's
// words: "aide demnde" is `/mentor aide demande`.
func (b *Bot) unknownHelpTopic(lang Lang, name string) error {
	err := b.unknownCommand(lang, name)
	if e, ok := err.(*Error); ok && len(e.Args) == 4 && e.Args[2] == "suggestion" {
		help, _ := b.command("help")
		e.Args[3] = help.NameIn(lang) + " " + e.Args[3]
	}
	return err
}

// suggestCommand returns the command word closest to name when name is
// a plausible misspelling of one (suggest), else "": a command's name or,
// for a single word, one of its French words (frenchCommands), accents
// ignored. The words of the reader's language come first, so that they
// win a tie ("statu" is "statut" to a French reader, "status" to an
// English one), and a French word is given as the help writes it
// ("témoignage", not "temoignage").
//
// A grouped name ("admin statistique") is compared by its second word with
// the group's commands and, after "admin", their French words
// (frenchAdminWords): "admin statistiques".
func (b *Bot) suggestCommand(lang Lang, name string) string {
	if group, word, ok := strings.Cut(name, " "); ok && b.isGroup(group) {
		return b.suggestGrouped(lang, group, word)
	}
	english := b.commandNames()
	var french []string
	if !strings.Contains(name, " ") {
		french = frenchCommandWords()
	}
	s := closestWord(lang, name, english, french, func(w string) (string, bool) {
		if c, ok := frenchCommands[w]; ok {
			return c, true
		}
		return w, false
	})
	if c, ok := frenchCommands[s]; ok && lang != French {
		// Closest to a French word ("ofrir", "offrir"): an English reader
		// is given the command's own name, which they read in the help;
		// the French word would also answer them in French.
		return c
	}
	return s
}

// closestWord is the word of english and french (the reader's language
// first, so that it wins a tie) closest to name, accents and case aside,
// as written: meant(w) is the command a word names, and whether it
// names it for sure (a French word) rather than as itself; "" if none
// is close (suggestMeant).
func closestWord(lang Lang, name string, english, french []string, meant func(w string) (string, bool)) string {
	first, then := english, french
	if lang == French {
		first, then = french, english
	}
	words := append(append([]string(nil), first...), then...)
	folded := make([]string, len(words))
	shown := map[string]string{}   // folded word → the word shown
	command := map[string]string{} // folded word → the command it names
	for i, w := range words {
		f := foldName(w)
		folded[i] = f
		if prev, ok := shown[f]; !ok || (prev == f && w != f) {
			// The accented spelling is the one shown ("état", not
			// "etat"), whichever of the two comes first.
			shown[f] = w
		}
		if c, sure := meant(w); sure {
			command[f] = c
		} else if _, ok := command[f]; !ok {
			command[f] = c
		}
	}
	return shown[suggestMeant(foldName(strings.TrimSpace(name)), folded, func(f string) string { return command[f] })]
}

// suggestGrouped is suggestCommand for word after group ("admin"): the
// closest of the group's command words, in the reader's language first,
// with the group before it ("admin statistiques"), or "".
func (b *Bot) suggestGrouped(lang Lang, group, word string) string {
	var english, french []string
	for _, c := range b.commands {
		if g, sub := c.Group(); g == group {
			english = append(english, sub)
		}
	}
	if group == "admin" {
		french = slices.Sorted(maps.Keys(frenchAdminWords))
	}
	s := closestWord(lang, word, english, french, func(w string) (string, bool) {
		if c, ok := frenchAdminWords[w]; ok && group == "admin" {
			return c, true
		}
		return group + " " + w, false
	})
	if s == "" {
		return ""
	}
	if c, ok := frenchAdminWords[s]; ok && group == "admin" && lang != French {
		return c // as suggestCommand does: the English name for an English reader
	}
	return group + " " + s
}

// frenchCommandWords returns the French command words: those the help
// names first, in its order, then the others of frenchCommands, sorted.
func frenchCommandWords() []string {
	words := append([]string(nil), helpFrenchWords...)
	var rest []string
	for w := range frenchCommands {
		if !slices.Contains(helpFrenchWords, w) {
			rest = append(rest, w)
		}
	}
	slices.Sort(rest)
	return append(words, rest...)
}

func (b *Bot) isGroup(word string) bool {
	for _, c := range b.commands {
		if g, _ := c.Group(); g == word {
			return true
		}
	}
	return false
}

// afterWords returns text without its first n words.
func afterWords(text string, n int) string {
	for i := 0; i < n; i++ {
		text = strings.TrimLeftFunc(text, unicode.IsSpace)
		j := strings.IndexFunc(text, unicode.IsSpace)
		if j < 0 {
			return ""
		}
		text = text[j:]
	}
	return strings.TrimSpace(text)
}

// parseOptions splits "go, k8s capacity:3 tz:Europe/Paris" into values.
// A list given twice gets both ("add:go add:rust", or "go topics:rust");
// any other option given twice (by any of its names, or positionally and
// by name) is refused with both values (err.option_twice): which one was
// meant is the member's to say.
func parseOptions(lang Lang, spec CommandSpec, text string) (map[string]string, error) {
	values := map[string]string{}
	spans, unknown := optionSpans(spec, text)
	if len(spans) > 1 && spans[0].Option == "" && splitName(spec, strings.TrimSpace(text[spans[0].Start:spans[0].End]), spans[1]) {
		spans = spans[1:] // "jusqu au:…": the option's name typed in two
	}
	for _, sp := range spans {
		if err := parseSpan(lang, spec, values, sp.Option, sp.Word, unquote(strings.TrimSpace(text[sp.Start:sp.End]))); err != nil {
			return nil, err
		}
	}
	if unknown != "" {
		return nil, unknownOption(lang, spec, unknown)
	}
	return values, nil
}

// splitName reports whether word, the text before the first option of a
// command that takes none, is the start of that option's name typed
// with a space ("jusqu au:2027-01-10", whose "au:" alone is an alias):
// joined as the option's names join words, it names the same option.
func splitName(spec CommandSpec, word string, next optionSpan) bool {
	if word == "" || strings.ContainsFunc(word, unicode.IsSpace) {
		return false
	}
	for _, sep := range []string{"-", ""} {
		if o, ok := spec.Lookup(word + sep + next.Word); ok && o.Name == next.Option {
			return true
		}
	}
	return false
}

// optionSpan is one option of a typed command: its name (the positional
// option's for the text before the first "name:", "" when the command
// has none), its name as typed ("" for the positional text), and where
// its value lies in the text.
type optionSpan struct {
	Option, Word string
	Start, End   int
}

// optionSpans splits the text of a command's options as the parser reads
// it: the positional text first, then each "name:" of an option of spec
// and the text up to the next one. A "word:" that names none ends the
// split there (unknown), unless the option it falls in is free text,
// whose value keeps it. An option's name may also be typed with a space
// before its colon, as French typography writes it ("fuseau : Paris",
// spacedOptionAt); a span's Word is then the name without the space, and
// its Start still just past the colon.
func optionSpans(spec CommandSpec, text string) (spans []optionSpan, unknown string) {
	cur := optionSpan{Option: spec.Positional}
	free := false
	if o, ok := spec.Option(cur.Option); ok {
		free = o.FreeText
	}
	for i := 0; i < len(text); {
		word, end := optionAt(text, i)
		if word == "" {
			word, end = spacedOptionAt(spec, text, i)
		}
		if word == "" {
			i++
			continue
		}
		if o, ok := spec.Lookup(word); ok {
			cur.End = i
			spans = append(spans, cur)
			cur, free, i = optionSpan{Option: o.Name, Word: word, Start: end}, o.FreeText, end
			continue
		}
		if !free {
			return spans, word
		}
		i = end
	}
	cur.End = len(text)
	return append(spans, cur), ""
}

// parseSpan checks one option's value v, typed as typed ("" for the
// positional text), and adds it to values.
func parseSpan(lang Lang, spec CommandSpec, values map[string]string, current, typed, v string) error {
	if o, _ := spec.Option(current); v == "" && typed != "" && !o.Required {
		// "languages:" with nothing after it: said, not meant to
		// change nothing. A required option empty is asked for as
		// if it were left out.
		example := T(lang, spec.CatalogKey()+".example")
		if !strings.Contains(example, o.NameIn(lang)+":") && !strings.Contains(example, o.Name+":") {
			// An example without the option shows nothing of it: what
			// the option takes is said instead.
			return &Error{Code: EINVALID, Key: "err.empty_option_help", Args: []string{"name", clip(typed, 30), "help", T(lang, o.HelpKey())}, Field: current}
		}
		return &Error{Code: EINVALID, Key: "err.empty_option", Args: []string{"name", clip(typed, 30), "example", example}, Field: current}
	}
	if v == "" {
		return nil
	}
	if current == "" {
		if word := optionLike(v); word != "" {
			return unknownOption(lang, spec, word)
		}
		if o, value, ok := colonForgotten(spec, v); ok {
			return &Error{Code: EINVALID, Key: "err.option_colon", Args: []string{"name", o.NameIn(lang), "value", clip(value, 40)}}
		}
		if o, ok := spec.Lookup(strings.TrimRightFunc(v, func(r rune) bool { return r == ':' || unicode.IsSpace(r) })); ok {
			// An option's name alone ("admin settings proposal-timeout"):
			// its value is missing, not the command's text unwanted.
			return &Error{Code: EINVALID, Key: "err.option_no_value", Args: []string{"name", o.NameIn(lang), "help", T(lang, o.HelpKey())}, Field: o.Name}
		}
		return &Error{Code: EINVALID, Key: "err.unexpected_text", Args: []string{"command", spec.NameIn(lang)}}
	}
	if o, _ := spec.Option(current); values[current] != "" {
		if sameValue(values[current], v) {
			return nil // "capacity:3 capacité:3": said twice, meant once
		}
		if o.Type != OptList && o.Type != OptLanguages {
			return &Error{Code: EINVALID, Key: "err.option_twice", Args: []string{"name", o.NameIn(lang), "first", clip(values[current], 40), "second", clip(v, 40)}, Field: current}
		}
		v = values[current] + ", " + v
	}
	values[current] = v
	return nil
}

// sameValue reports whether two values of an option are the same,
// spaces and case aside: given twice, it is given once.
func sameValue(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

// unknownOption refuses a "word:" that names no option of spec, listing
// its options and suggesting the option whose name, in either language or
// an alias, is closest, by the name the reader reads ("capcity" and
// "jusqu-a" get `capacité:` and `jusqu'au:` in French).
func unknownOption(lang Lang, spec CommandSpec, word string) error {
	if len(spec.Options) == 0 {
		return &Error{Code: EINVALID, Key: "err.unexpected_text", Args: []string{"command", spec.NameIn(lang)}}
	}
	// The closest of every name, suggested by the name the reader reads:
	// "capcity" gets `capacité:` in French, `capacity:` in English, as
	// the help and a Discord client show the option.
	var names []string
	byFold := map[string]string{}
	for _, o := range spec.Options {
		for _, n := range o.Names() {
			f := foldName(n)
			names = append(names, f)
			byFold[f] = o.NameIn(lang)
		}
	}
	args := []string{"word", clip(word, 30), "command", spec.NameIn(lang), "options", optionList(lang, spec)}
	if s := suggest(foldName(word), names); s != "" {
		return &Error{Code: EINVALID, Key: "err.option_unknown_suggest", Args: append(args, "suggestion", byFold[s])}
	}
	return &Error{Code: EINVALID, Key: "err.option_unknown", Args: args}
}

// optionAt reports the name of a "name:" token starting at i (at the
// start of text or after any space, a no-break one included) and the
// index just past the colon, or "" if there is none. A name is a letter
// followed by letters, '-', '_' or an apostrophe, in any script
// ("années:", "jusqu'au:", "jusqu’au:").
func optionAt(text string, i int) (string, int) {
	j, ok := nameAt(text, i)
	if !ok || !colonAt(text, j) {
		return "", i
	}
	return text[i:j], j + 1
}

// spacedOptionAt is optionAt for a name typed with spaces before its
// colon, as French typography writes « nom : valeur » (an ordinary, a
// no-break or a narrow no-break space, on the same line): only a name of
// one of spec's options, so that "go : le langage" stays text where "go"
// names none.
func spacedOptionAt(spec CommandSpec, text string, i int) (string, int) {
	j, ok := nameAt(text, i)
	if !ok {
		return "", i
	}
	k := j
	for k < len(text) {
		r, size := utf8.DecodeRuneInString(text[k:])
		if !isInlineSpace(r) {
			break
		}
		k += size
	}
	if k == j || !colonAt(text, k) {
		return "", i
	}
	if _, ok := spec.Lookup(text[i:j]); !ok {
		return "", i
	}
	return text[i:j], k + 1
}

// nameAt reports whether an option's name starts at i (at the start of
// text or after any space) and the index just past it: at most 32
// letters, the first a letter, then letters, '-', '_' or apostrophes.
func nameAt(text string, i int) (int, bool) {
	if r, _ := utf8.DecodeLastRuneInString(text[:i]); i > 0 && !unicode.IsSpace(r) {
		return i, false
	}
	j, n := i, 0
	for j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsLetter(r) && (n == 0 || r != '-' && r != '_' && !isApostrophe(r)) {
			break
		}
		j, n = j+size, n+1
	}
	return j, n > 0 && n <= 32
}

// colonAt reports whether text has an option's colon at j: a colon not
// followed by '/' ("https://" is a URL, not an option).
func colonAt(text string, j int) bool {
	return j < len(text) && text[j] == ':' && (j+1 >= len(text) || text[j+1] != '/')
}

// isInlineSpace reports whether r is a space within a line: an
// ordinary, no-break (U+00A0) or narrow no-break (U+202F) one, a tab…,
// not a line break.
func isInlineSpace(r rune) bool {
	return unicode.IsSpace(r) && r != '\n' && r != '\r' && r != '\v' && r != '\f' && r != '\u0085' && r != '\u2028' && r != '\u2029'
}

// foldName is an option name as it is compared: lower case, without
// accents, '_' and an apostrophe read as '-' (French writes "jusqu'au:",
// Discord's option names cannot hold the apostrophe: "jusqu-au:").
func foldName(s string) string {
	s = norm.NFD.String(strings.ToLower(s))
	return strings.Map(func(r rune) rune {
		switch {
		case unicode.Is(unicode.Mn, r):
			return -1
		case r == '_' || isApostrophe(r):
			return '-'
		}
		return r
	}, s)
}

// isApostrophe reports whether r is an apostrophe as keyboards type it:
// straight, typographic (’, as macOS and phones put it) or a modifier.
func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == '‘' || r == 'ʼ' || r == '\u00b4'
}

// colonForgotten reads text given to a command that takes none as an
// option written without its colon ("jusqu au 2027-01-10", "until
// friday"): its first word, or first two joined as the option's names
// join them ("jusqu-au", "jusquau"), names an option of spec, and a value
// follows.
//
// The value is given without a colon or spaces before it: the
// suggestion adds its own colon, and "jusqu'au\n: 10 janvier" (a colon
// the parser did not read as the option's, on the next line) must not
// read "jusqu'au:: 10 janvier".
func colonForgotten(spec CommandSpec, text string) (Option, string, bool) {
	words := strings.Fields(text)
	for n := min(2, len(words)-1); n >= 1; n-- {
		for _, sep := range []string{"-", ""} {
			if o, ok := spec.Lookup(strings.Join(words[:n], sep)); ok {
				value := strings.TrimLeftFunc(strings.Join(words[n:], " "), func(r rune) bool { return r == ':' || unicode.IsSpace(r) })
				if value == "" {
					continue
				}
				return o, value, true
			}
		}
	}
	return Option{}, "", false
}

// optionLike returns the first word of text that looks like an option,
// "name:value", whose name holds a letter ("until2:", "au.:"), or "": a
// command that takes no text then says which option it does not know,
// rather than that it takes no text.
func optionLike(text string) string {
	for _, f := range strings.Fields(text) {
		name, rest, ok := strings.Cut(f, ":")
		if ok && strings.IndexFunc(name, unicode.IsLetter) >= 0 && !strings.HasPrefix(rest, "//") {
			return name
		}
	}
	return ""
}

func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' && s[len(s)-1] == '"' || s[0] == '\'' && s[len(s)-1] == '\'') {
		return strings.TrimSpace(s[1 : len(s)-1])
	}
	for _, q := range [][2]string{{"“", "”"}, {"«", "»"}, {"‘", "’"}, {"’", "’"}, {"„", "“"}, {"”", "”"}} {
		if strings.HasPrefix(s, q[0]) && strings.HasSuffix(s, q[1]) && len(s) > len(q[0])+len(q[1]) {
			return strings.TrimSpace(s[len(q[0]) : len(s)-len(q[1])])
		}
	}
	return s
}

// suggest returns the candidate closest to word when it is a plausible
// misspelling (edit distance at most 2, or a unique prefix), else "". Of
// candidates as close, the first wins.
func suggest(word string, candidates []string) string {
	return suggestMeant(word, candidates, func(c string) string { return c })
}

// suggestMeant is suggest for candidates several of which mean one thing
// (a command's name and its French words): word is a unique prefix when
// the candidates it begins all mean the same, and the first of them is
// returned.
func suggestMeant(word string, candidates []string, meaning func(string) string) string {
	best, bestD := "", 3
	if len(word) <= 3 {
		bestD = 2
	}
	prefix, meant := "", map[string]bool{}
	for _, c := range candidates {
		if d := editDistance(word, c); d < bestD {
			best, bestD = c, d
		}
		if len(word) >= 2 && strings.HasPrefix(c, word) {
			if prefix == "" {
				prefix = c
			}
			meant[meaning(c)] = true
		}
	}
	if best == "" && len(meant) == 1 {
		return prefix
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// clip shortens s to at most n runes, for echoing user input in errors.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
