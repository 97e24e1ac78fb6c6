package discord

import (
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/mentorbot/mentorbot/bot"
)

// A slash command arrives structured: a command name and typed options.
// Discord's client only sends what /mentor registered, but a payload is
// checked all the same against the command table before the core sees
// it (checkCommand), so that what reaches the core is what the member
// could have typed:
//
//   - a name or an option the table does not have is handed to the core
//     as the text a member would type on Slack ("admin frob",
//     "offer capcity:"), so that it is refused in the same words there,
//     suggestion included (typedName, typedOption); the core resolves
//     structured names exactly, and says less;
//   - a value of the wrong JSON type ({"a":1} for a text, 2.5 for a
//     number), or a member or channel that is no snowflake, is refused
//     here, in the interaction's language, and nothing runs (checkValue);
//   - an option sent twice by one name is refused with both values as
//     the core refuses it typed, a list's values joined (repeated); by
//     its English and its French name, the core does the same.

// checkCommand checks a slash command against the command table. It
// rewrites c as typed text when its name or one of its options is
// unknown (see above), and returns the sentence that refuses it when one
// of its values is not of its option's type, else "".
func checkCommand(specs []bot.CommandSpec, c *bot.Command, sent []sentOption, lang bot.Lang) string {
	if c.FromForm {
		return "" // a form's values are text, as its fields are
	}
	spec, ok := specNamed(specs, c.Name)
	if !ok {
		if text, ok := typedName(specs, c.Name); ok {
			c.Name, c.Text, c.Values = "", text, nil
		}
		return ""
	}
	for _, o := range sent {
		if _, known := spec.Lookup(o.Name); !known {
			if typedOption(spec, o.Name) {
				c.Name, c.Text, c.Values = "", spec.Name+" "+o.Name+":", nil
			}
			return ""
		}
	}
	for _, o := range sent {
		opt, _ := spec.Lookup(o.Name)
		if refusal := checkValue(opt, o.Value, lang); refusal != "" {
			return refusal
		}
	}
	return repeated(spec, c, sent, lang)
}

// repeated refuses an option sent twice by one name ("topic:rust
// topic:go", from a forged client), with both values, in the core's words
// for the same slip typed (err.option_twice): the values' map keeps one
// value per name, so the core could not see the first. A list sent twice
// takes both, in the order sent. An option sent by its English and its
// French name ("topic:rust sujet:go") arrives as two keys, which the core
// itself refuses or joins (structuredValues). An empty value is no value,
// as the core reads it.
func repeated(spec bot.CommandSpec, c *bot.Command, sent []sentOption, lang bot.Lang) string {
	given := make(map[string]string, len(sent)) // by the name sent
	for _, s := range sent {
		v := optionString(s.Value)
		if v == "" {
			continue
		}
		first, twice := given[s.Name]
		o, _ := spec.Lookup(s.Name)
		switch {
		case !twice:
			given[s.Name] = v
		case o.Type == bot.OptList || o.Type == bot.OptLanguages:
			given[s.Name] = first + ", " + v
			if c.Values != nil {
				c.Values[s.Name] = given[s.Name]
			}
		default:
			return bot.T(lang, "err.option_twice", "name", o.NameIn(lang), "first", clip(first, 40), "second", clip(v, 40))
		}
	}
	return ""
}

// typedName is an unknown command name as a member would type it, for
// the core to refuse as it refuses typed text: one word, or a group and
// one word ("admin frob", which the core answers with the managers'
// help). Each word must be a Discord name. Any other shape, such as a
// known command followed by a word ("offer go"), which the core would
// read as that command and its text, stays unknown as it is.
func typedName(specs []bot.CommandSpec, name string) (string, bool) {
	words := strings.Split(name, " ")
	for _, w := range words {
		if !validName.MatchString(w) {
			return "", false
		}
	}
	switch len(words) {
	case 1:
		return name, true
	case 2:
		for _, s := range specs {
			if group, _ := s.Group(); group == words[0] {
				return name, true
			}
		}
	}
	return "", false
}

// typedWord is a word the core reads as an option name when it is
// followed by a colon: a letter, then letters, '-', '_' or apostrophes.
var typedWord = regexp.MustCompile(`^\p{L}[\p{L}\-_'’‘ʼ]{0,31}$`)

// typedOption reports whether an option name the command does not have
// may be handed to the core as typed text ("offer capcity:"), which it
// then refuses for certain, as on Slack: the name reads as an option
// name, and no free text comes before it that would take it in (a
// command whose text before any option is free text keeps "word:" in it).
func typedOption(spec bot.CommandSpec, name string) bool {
	if !typedWord.MatchString(name) {
		return false
	}
	if pos, ok := spec.Option(spec.Positional); ok && pos.FreeText {
		return false
	}
	return true
}

// checkValue returns the sentence that refuses v as the value of o, ""
// when v is of o's type: a whole number for a number, a snowflake (or
// one mention of it) for a member or a channel, a string for anything
// else.
func checkValue(o bot.Option, v any, lang bot.Lang) string {
	s, isString := v.(string)
	switch o.Type {
	case bot.OptInt:
		if n, ok := v.(float64); !ok || n != math.Trunc(n) || math.Abs(n) > 1<<53 {
			return bot.T(lang, "err.bad_number", "option", optionLabel(lang, o.LabelName()), "min", strconv.Itoa(o.Min), "max", strconv.Itoa(o.Max))
		}
	case bot.OptUser:
		switch _, mention := mentionID(s, "@"); {
		case !isString:
			return bot.T(lang, "err.invalid")
		case !isSnowflake(strings.TrimSpace(s)) && !mention:
			return bot.T(lang, "err.admin.bad_user", "value", clip(s, 40))
		}
	case bot.OptChannel:
		switch _, mention := mentionID(s, "#"); {
		case !isString:
			return bot.T(lang, "err.invalid")
		case !isSnowflake(strings.TrimSpace(s)) && !mention:
			return bot.T(lang, "err.admin.bad_channel", "value", clip(s, 40))
		}
	default:
		if !isString {
			return bot.T(lang, "err.invalid")
		}
	}
	return ""
}

// optionLabel is how the core names an option in its sentences: its
// "optname" entry, else its name.
func optionLabel(lang bot.Lang, name string) string {
	if bot.HasKey(lang, "optname."+name) {
		return bot.T(lang, "optname."+name)
	}
	return name
}
