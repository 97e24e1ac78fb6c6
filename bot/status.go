package bot

import (
	"context"
	"slices"
	"strings"

	"github.com/mentorbot/mentorbot/matching"
)

// runStatus shows the member's home (home.go): their offer, open request
// and pairs, with the buttons to act on them. It is what Slack's App Home
// tab shows; Discord and the shell, which have no home tab, show it here.
func runStatus(ctx context.Context, b *Bot, in *Invocation) (Reply, error) {
	d, err := b.gatherHome(ctx, in.Lang, in.Member, in.Me, in.Newcomer)
	if err != nil {
		return Reply{}, err
	}
	msg := renderHome(in.Lang, d)
	if bs := b.languageButtons(ctx, in.Lang, d); len(bs) > 0 {
		// Beside the reason it fixes, as the request's reply had it:
		// after the offer's button, where a suggestion's goes.
		msg.Buttons = slices.Insert(msg.Buttons, min(1, len(msg.Buttons)), bs...)
	}
	return Reply{Message: msg}, nil
}

// languageButtons is the button of the language ask (languageAsk) when
// the home's open request waits because its topic's mentors speak other
// languages only: the status gives the reason the request's reply gave,
// and the fix that came with it. None otherwise, and none when the
// mentors cannot be read again.
func (b *Bot) languageButtons(ctx context.Context, lang Lang, d HomeData) []Button {
	r := d.Request
	if r == nil || r.State != RequestWaiting || d.Held != nil || d.suggest != nil || d.RequestPaused || d.Waiting == nil || d.Waiting.NoLanguage == 0 {
		return nil
	}
	mentee, err := b.member(ctx, r.Mentee)
	if err != nil {
		return nil
	}
	rk, err := b.candidates(ctx, *r, mentee)
	if err != nil {
		return nil
	}
	var gap matching.LanguageGap
	if rk.known != nil {
		gap = rk.known.gap // kept for requests alike (waitCache)
	} else {
		gap = languageGap(rk)
	}
	if !gap.Gap() {
		return nil
	}
	return languageAsk(lang, "", *r, requestLanguages(*r, mentee), gap).Buttons
}

// languagesLine tells a member the language they read and the languages
// they speak for mentoring, saying when the latter are only the default.
func languagesLine(lang Lang, m Member) string {
	key := "status.languages"
	if len(m.Languages) == 0 {
		key = "status.languages_default"
	}
	langs := spoken(m)
	if len(langs) == 0 {
		langs = []Lang{lang}
	}
	names := make([]string, len(langs))
	for i, l := range langs {
		names[i] = languageName(lang, string(l))
	}
	return T(lang, key, "reading", languageName(lang, string(lang)), "spoken", andList(lang, names))
}

// runLang sets the language the bot speaks to the member in, as their
// choice (Member.LangChosen).
func runLang(ctx context.Context, b *Bot, in *Invocation) (Reply, error) {
	if in.Text("lang") == "" {
		other := French
		if in.Lang == French {
			other = English
		}
		return Reply{Message: Message{Text: T(in.Lang, "lang.current", "other", string(other))}}, nil
	}
	l, ok := ParseLang(in.Text("lang"))
	if !ok {
		return Reply{}, &Error{Code: EINVALID, Key: "err.bad_choice", Args: []string{"option", "lang", "value", clip(in.Text("lang"), 30), "choices", "en, fr"}, Field: "lang"}
	}
	m := in.Me
	old := m.Lang
	m.Lang, m.LangChosen = l, true // chosen: French words typed no longer change it
	if err := b.store.members.SaveMember(ctx, m); err != nil {
		return Reply{}, err
	}
	b.followReadingLanguage(ctx, m, old)
	in.Lang = l
	return Reply{Message: Message{Text: T(l, "lang.set")}}, nil
}

// runHelp lists the commands with an example each, from the command table.
func runHelp(ctx context.Context, b *Bot, in *Invocation) (Reply, error) {
	lang := in.Lang
	if name := helpTopic(in.Text("command")); name != "" {
		if name == "admin" {
			return b.adminHelp(ctx, in)
		}
		// A command's French word names it here as it runs it ("aide
		// propose", "help demande").
		c, ok := b.commandNamed(name)
		if !ok {
			return Reply{}, b.unknownHelpTopic(lang, name)
		}
		return Reply{Message: Message{Title: "/mentor " + c.NameIn(lang), Text: commandHelp(lang, c, true)}}, nil
	}
	var lines []string
	for _, c := range b.commands {
		if c.Admin {
			continue
		}
		lines = append(lines, commandHelp(lang, c, false))
	}
	text := T(lang, "help.intro") + "\n\n" + strings.Join(lines, "\n") + "\n\n" + T(lang, "help.managers")
	if lang == French {
		// The help names the commands in French; a French reader
		// learns that their English names, which others type and
		// some documents show, work too.
		words := make([]string, len(helpFrenchWords))
		for i, w := range helpFrenchWords {
			words[i] = frenchCommands[w]
		}
		text += "\n" + T(lang, "help.french_words", "words", strings.Join(words, ", "))
	}
	return Reply{Message: Message{Title: T(lang, "help.title"), Text: text}}, nil
}

// memberFrenchNames are the French words of the members' commands, one a
// command, in the help's order: each command's French name (NameIn) once
// the parser reads it (frenchCommands).
var memberFrenchNames = []string{"propose", "demande", "statut", "annuler", "reprendre", "langue", "profil",
	"rendez-vous", "terminer", "objectifs", "réponses", "commentaire", "témoignage", "mes-données", "oublier", "besoins",
	"campagnes", "aide"}

// helpFrenchWords are the words of memberFrenchNames that the parser
// reads, which the help names: a word is shown nowhere before it is
// understood.
var helpFrenchWords = readWords(memberFrenchNames, frenchCommands)

// readWords returns the words of words that table reads as a command.
func readWords(words []string, table map[string]string) []string {
	var out []string
	for _, w := range words {
		if table[w] != "" {
			out = append(out, w)
		}
	}
	return out
}

// commandHelp is one command's line of help; long adds its options.
func commandHelp(lang Lang, c CommandSpec, long bool) string {
	k := c.CatalogKey()
	s := "• /mentor " + c.NameIn(lang) + " — " + T(lang, k+".summary") + "\n    " + T(lang, "help.example") + " " + T(lang, k+".example")
	if !long {
		return s
	}
	for _, o := range c.Options {
		s += "\n    " + T(lang, "help.option", "name", o.NameIn(lang), "help", T(lang, o.HelpKey()))
	}
	return s
}

// neverStarted reports whether p was cancelled over its charter
// (declined, or not accepted in time: EndReason "charter",
// "charter-timeout"): the pair never started, and counts as formed
// nowhere.
func neverStarted(p Pair) bool {
	return p.State == PairCancelled && strings.HasPrefix(p.EndReason, "charter")
}

// pairState names the state of p for /mentor status. A pair cancelled
// over its charter (declined, or not accepted in time: EndReason
// "charter", "charter-timeout") never started, so it did not "end".
func pairState(lang Lang, p Pair) string {
	if neverStarted(p) {
		return T(lang, "state.pair.cancelled_charter")
	}
	return T(lang, "state.pair."+string(p.State))
}
