package bot

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Command is a /mentor command as an adapter received it: either Text to
// parse (Slack, the shell) or a Name with structured Values (Discord's
// options, a submitted form).
type Command struct {
	Member MemberID
	Text   string
	Name   string
	Values map[string]string
	// FromForm is set when Values come from a submitted modal form, so that
	// errors are reported inline, field by field.
	FromForm bool
	// Locale is the platform's locale hint for the member ("fr-FR"), used
	// until the member picks a language.
	Locale string
	// Forms is set by adapters that can open modal forms: a command with a
	// form that is run with no input then opens it.
	Forms bool
	// IsAdmin is set by adapters when the platform makes the member an
	// administrator of the workspace (Slack admins and owners, Discord
	// Manage Server): they are managers of the program.
	IsAdmin bool
	// Delivery is the platform's ID of this delivery of the command (the
	// Slack adapter's kept key, Discord's interaction ID), the same when
	// it is redelivered: what the command makes is named from it, so that
	// a redelivery finds its own work done instead of a conflict.
	Delivery string `json:",omitempty"`
}

// Action is a button click.
type Action struct {
	Member   MemberID
	ActionID string
	Value    string
	Locale   string
	IsAdmin  bool // as Command.IsAdmin
}

// Invocation is a parsed, validated command on its way to its handler.
type Invocation struct {
	Member   MemberID
	Me       Member // the member's record, Lang filled in
	Lang     Lang
	Spec     CommandSpec
	Values   map[string]string
	FromForm bool
	// IsAdmin is Command.IsAdmin: the platform says the member administers
	// the workspace.
	IsAdmin bool
	// Forms is Command.Forms, unless the values come from a form: a
	// command may open a form of its own (admin program create).
	Forms bool
	// Newcomer is true when the bot had no record of the member when the
	// command came: nothing of theirs is stored.
	Newcomer bool
	// Delivery is Command.Delivery.
	Delivery string
}

// optionInValue refuses a value that holds another option of the command
// ("go, career change programme:mentorat-2027" in Discord's topics
// field, or a form's): typed, the parser would have read it as that
// option; kept, it would make a topic of it and drop the option. A
// free-text option keeps it, as typed text does.
func (in *Invocation) optionInValue(o Option, v string) error {
	if o.FreeText || !strings.Contains(v, ":") {
		return nil
	}
	for _, f := range strings.FieldsFunc(v, func(r rune) bool { return unicode.IsSpace(r) || r == ',' }) {
		word, _, ok := strings.Cut(f, ":")
		if !ok || word == "" {
			continue
		}
		if other, ok := in.Spec.Lookup(word); ok && other.Name != o.Name {
			return &Error{Code: EINVALID, Key: "err.option_in_value", Args: []string{"option", o.LabelName(), "word", clip(word, 30)}, Field: o.Name}
		}
	}
	return nil
}

// validate checks every value against its option: known name, length,
// number range, choice, language, time zone. It cleans control characters
// out of text and writes values in their stored form (language codes, a
// time zone's proper name). An error's "option" argument is the option's
// Name: the member reads its label (see errorText).
//
// Values are checked in the options' order, so that the error said is
// the same each time. From a form, every field at fault is reported at
// once (formErrors), the first one's sentence first; typed, the first.
func (in *Invocation) validate() error {
	var errs formErrors
	for _, name := range in.valueNames() {
		if err := in.checkValue(name, in.Values[name]); err != nil {
			var e *Error
			if !in.FromForm || !errors.As(err, &e) {
				return err
			}
			errs = append(errs, e)
		}
	}
	for _, o := range in.Spec.Options {
		if o.Required && in.Values[o.Name] == "" {
			err := &Error{Code: EINVALID, Key: "err.required", Args: []string{"option", o.LabelName(), "example", T(in.Lang, in.Spec.CatalogKey()+".example")}, Field: o.Name}
			if !in.FromForm {
				return err
			}
			errs = append(errs, err)
		}
	}
	return errs.err()
}

// valueNames are the names of in's values, in its options' order, then
// the names that are no option, sorted.
func (in *Invocation) valueNames() []string {
	var names, others []string
	for _, o := range in.Spec.Options {
		if _, ok := in.Values[o.Name]; ok {
			names = append(names, o.Name)
		}
	}
	for name := range in.Values {
		if !slices.Contains(names, name) {
			others = append(others, name)
		}
	}
	slices.Sort(others)
	return append(names, others...)
}

// formErrors are the errors of a form's fields, one each, reported at
// once: a form shows each under its field (Bot.fail). As an error it is
// its first: its code and sentence.
type formErrors []*Error

func (f formErrors) Error() string { return f[0].Error() }
func (f formErrors) Unwrap() error { return f[0] }

// err is f as an error: nil when empty, its one error alone.
func (f formErrors) err() error {
	switch len(f) {
	case 0:
		return nil
	case 1:
		return f[0]
	}
	return f
}

// checkValue checks the value v of option name, and writes it in its
// stored form (validate).
func (in *Invocation) checkValue(name, v string) error {
	o, ok := in.Spec.Option(name)
	if !ok {
		return &Error{Code: EINVALID, Key: "err.unknown_option_plain", Args: []string{"word", clip(name, 30)}, Field: name}
	}
	v = cleanText(v, o.Multiline)
	if !o.FreeText {
		// A value wholly in quotes, as the help writes a value of
		// several words, typed into a field (Discord's, a form's):
		// the quotes group it, as in typed text, and are no part of it.
		v = unquote(v)
	}
	in.Values[name] = v
	if err := in.optionInValue(o, v); err != nil {
		return err
	}
	if o.MaxLength > 0 && utf8.RuneCountInString(v) > o.MaxLength {
		return &Error{Code: EINVALID, Key: "err.too_long", Args: []string{"option", o.LabelName(), "max", itoa(o.MaxLength)}, Field: name}
	}
	switch o.Type {
	case OptInt:
		n, err := strconv.Atoi(v)
		if err != nil || n < o.Min || n > o.Max {
			return &Error{Code: EINVALID, Key: "err.bad_number", Args: []string{"option", o.LabelName(), "min", itoa(o.Min), "max", itoa(o.Max)}, Field: name}
		}
	case OptChoice:
		c, ok := normalizeChoice(o, v)
		if !ok {
			return &Error{Code: EINVALID, Key: "err.bad_choice", Args: []string{"option", o.LabelName(), "value", clip(v, 30), "choices", strings.Join(o.ChoicesIn(in.Lang), ", ")}, Field: name}
		}
		in.Values[name] = c
	case OptLanguages:
		codes, err := checkLanguages(in.Lang, o, v)
		if err != nil {
			return err
		}
		in.Values[name] = codes
	case OptLanguage:
		codes, err := checkLanguages(in.Lang, o, v)
		if err != nil {
			return err
		}
		if strings.Contains(codes, ",") {
			return &Error{Code: EINVALID, Key: "err.one_language", Field: name}
		}
		in.Values[name] = codes
	case OptTZ:
		tz, ok := parseTZ(v)
		if !ok {
			return &Error{Code: EINVALID, Key: "err.bad_tz", Args: []string{"tz", clip(v, 40)}, Field: name}
		}
		in.Values[name] = tz
	case OptList:
		if len(o.Choices) == 0 {
			break
		}
		items := splitList(v)
		for i, item := range items {
			c, ok := normalizeChoice(o, item)
			if !ok {
				return &Error{Code: EINVALID, Key: "err.bad_choice", Args: []string{"option", o.LabelName(), "value", clip(item, 30), "choices", strings.Join(o.ChoicesIn(in.Lang), ", ")}, Field: name}
			}
			items[i] = c
		}
		in.Values[name] = strings.Join(items, ", ")
	}
	return nil
}

// Text returns the cleaned value of an option, "" if absent.
func (in *Invocation) Text(name string) string { return in.Values[name] }

// Int returns the value of a number option, or def if absent. Values were
// range-checked by validate.
func (in *Invocation) Int(name string, def int) int {
	v, ok := in.Values[name]
	if !ok || v == "" {
		return def
	}
	n, _ := strconv.Atoi(v)
	return n
}

// List splits a comma- or semicolon-separated option into trimmed,
// de-duplicated items, keeping their order.
func (in *Invocation) List(name string) []string {
	return splitList(in.Values[name])
}

func splitList(s string) []string {
	seen := map[string]bool{}
	var out []string
	for _, item := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '\n' }) {
		item = strings.Join(strings.Fields(item), " ")
		key := strings.ToLower(item)
		if item == "" || seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, item)
	}
	return out
}

// cleanText drops control and format characters (zero-width and
// bidirectional overrides included) and, unless multiline, newlines. It
// composes accents (NFC): "é" typed as "e" and a combining accent is one
// letter, as a limit on length counts it and as people see it.
func cleanText(s string, multiline bool) string {
	s = norm.NFC.String(strings.ToValidUTF8(s, ""))
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\n' && multiline:
			return r
		case r == '\n' || r == '\t' || r == '\r':
			return ' '
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			return -1
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}

// normalizeChoice maps what a member typed to one of the option's choices:
// any of its names in either language (Option.ChoiceFrench, ChoiceAliases),
// and for languages their common spellings ("français").
func normalizeChoice(o Option, v string) (string, bool) {
	if l, ok := ParseLang(v); ok && containsFold(o.Choices, string(l)) {
		return string(l), true
	}
	return o.choiceOf(v)
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

func itoa(n int) string { return strconv.Itoa(n) }
