package bot

import (
	"slices"
	"strings"
)

// unknownVerb is the error for word, the first word of a command that
// starts with a verb (positionalVerbs: "/mentor admin topics lsit"), when
// it is none of the command's verbs: "Did you mean `/mentor admin topics
// list`?" before usage when word is a typo of one (in the reader's words,
// as suggestCommand finds it), usage alone otherwise.
func unknownVerb(in *Invocation, word string, usage *Error) *Error {
	vt, ok := positionalVerbs[in.Spec.Name]
	word = strings.TrimSpace(word)
	if !ok || word == "" {
		return usage
	}
	var english, french []string
	for w, verb := range vt.typed {
		switch {
		case w == "":
		case w == verb:
			english = append(english, w)
		default:
			french = append(french, w)
		}
	}
	slices.Sort(english)
	slices.Sort(french)
	s := closestWord(in.Lang, word, english, french, func(w string) (string, bool) {
		return vt.typed[w], vt.typed[w] != w
	})
	verb, ok := vt.typed[s]
	if s == "" || !ok {
		return usage
	}
	command := in.Spec.NameIn(in.Lang)
	return &Error{Code: usage.Code, Key: "err.verb_suggest", Field: usage.Field, Args: []string{
		"word", clip(word, 30), "command", command, "suggestion", command + " " + vt.wordIn(in.Lang, verb),
		"usage", T(in.Lang, usage.Key, usage.Args...),
	}}
}
