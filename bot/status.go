package bot

import (
	"context"
	"strings"
)

// runStatus shows the member's offer, open request and pairs.
func runStatus(ctx context.Context, b *Bot, in *Invocation) (Reply, error) {
	lang := in.Lang
	msg := Message{Title: T(lang, "status.title")}
	var lines []string
	var ov Overview
	if !in.Newcomer {
		// A newcomer has no record, so no offer, request or pair either:
		// every one of those records its members first.
		var err error
		if ov, err = b.store.members.Overview(ctx, in.Member); err != nil {
			return Reply{}, err
		}
	}
	if o := ov.Offer; o != nil {
		state := T(lang, "status.offer_open")
		if o.Paused {
			state = T(lang, "status.offer_paused")
		}
		lines = append(lines, T(lang, "status.offer", "topics", strings.Join(o.Topics, ", "), "state", state))
		// The offer's details, but its languages: the languages line
		// below says which languages the member mentors in.
		for _, f := range offerDetails(lang, *o, in.Me) {
			if f.Label != T(lang, "field.languages") {
				msg.Fields = append(msg.Fields, f)
			}
		}
	} else {
		lines = append(lines, T(lang, "status.no_offer"))
	}
	if r := ov.Request; r != nil && r.State.Open() {
		lines = append(lines, T(lang, "status.request", "topic", r.Topic, "state", T(lang, "state.request."+string(r.State))))
	} else {
		lines = append(lines, T(lang, "status.no_request"))
	}
	if len(ov.Pairs) == 0 {
		lines = append(lines, T(lang, "status.no_pairs"))
	}
	for _, p := range ov.Pairs {
		other := p.Other(in.Member)
		name := ov.Names[other.User]
		if name == "" {
			name = other.User
		}
		if name == "" {
			name = T(lang, "forget.former_member") // erased (forget.go)
		}
		lines = append(lines, T(lang, "status.pair."+p.Role(in.Member), "name", name, "topic", p.Topic, "state", pairState(lang, p)))
	}
	lines = append(lines, b.pauseLines(ctx, lang, in)...) // pause.go
	lines = append(lines, b.programLines(ctx, lang, in.Member.Tenant(), ov)...)
	lines = append(lines, languagesLine(lang, in.Me))
	msg.Text = strings.Join(lines, "\n")
	msg.Buttons = statusEndButtons(lang, in.Member, ov)
	return Reply{Message: msg}, nil
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
	spokenList := names[0]
	if len(names) > 1 {
		spokenList = strings.Join(names[:len(names)-1], ", ") + T(lang, "langs.and") + names[len(names)-1]
	}
	return T(lang, key, "reading", languageName(lang, string(lang)), "spoken", spokenList)
}

// runLang sets the language the bot speaks to the member in.
func runLang(ctx context.Context, b *Bot, in *Invocation) (Reply, error) {
	l, ok := ParseLang(in.Text("lang"))
	if !ok {
		return Reply{}, &Error{Code: EINVALID, Key: "err.bad_choice", Args: []string{"option", "lang", "value", clip(in.Text("lang"), 30), "choices", "en, fr"}, Field: "lang"}
	}
	m := in.Me
	old := m.Lang
	m.Lang = l
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
	if name := strings.ToLower(in.Text("command")); name != "" {
		if name == "admin" {
			return b.adminHelp(ctx, in)
		}
		c, ok := b.command(strings.Join(strings.Fields(name), " "))
		if !ok {
			return Reply{}, b.unknownCommand(name)
		}
		return Reply{Message: Message{Title: "/mentor " + c.Name, Text: commandHelp(lang, c, true)}}, nil
	}
	var lines []string
	for _, c := range b.commands {
		if c.Admin {
			continue
		}
		lines = append(lines, commandHelp(lang, c, false))
	}
	text := T(lang, "help.intro") + "\n\n" + strings.Join(lines, "\n") + "\n\n" + T(lang, "help.managers")
	return Reply{Message: Message{Title: T(lang, "help.title"), Text: text}}, nil
}

// commandHelp is one command's line of help; long adds its options.
func commandHelp(lang Lang, c CommandSpec, long bool) string {
	k := c.CatalogKey()
	s := "• /mentor " + c.Name + " — " + T(lang, k+".summary") + "\n    " + T(lang, "help.example") + " " + T(lang, k+".example")
	if !long {
		return s
	}
	for _, o := range c.Options {
		s += "\n    " + o.NameIn(lang) + ": " + T(lang, o.HelpKey())
	}
	return s
}

// pairState names the state of p for /mentor status. A pair cancelled
// over its charter (declined, or not accepted in time: EndReason
// "charter", "charter-timeout") never started, so it did not "end".
func pairState(lang Lang, p Pair) string {
	if p.State == PairCancelled && strings.HasPrefix(p.EndReason, "charter") {
		return T(lang, "state.pair.cancelled_charter")
	}
	return T(lang, "state.pair."+string(p.State))
}
