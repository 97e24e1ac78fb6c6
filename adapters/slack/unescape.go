package slack

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/mentorbot/mentorbot/bot"
)

// unescapeText turns the text of a slash command, as Slack sends it with
// should_escape on, back into plain text, every mention and channel as
// the core reads them (commandText.core). The core then treats it as
// plain text, and the renderer escapes it again on the way out.
func unescapeText(s string) string { return readCommandText(s).core() }

// commandText is the text of a slash command read back into plain text:
// literal pieces and, between them, the mentions of members and channels
// (refs), each of which the core may need as an ID (admin pair @ada) or
// the member's prose may show as typed (a goal that names @carol). So is
// everything else Slack wrote between < and >: a broadcast as typed
// (@here), never live; a link by its label and its URL, which the label
// never hides; a bare name Slack made a link of (asp.net, an e-mail
// address) as typed. The entities &amp; &lt; &gt; become their
// characters.
type commandText struct {
	pieces []string // literal text: len(refs)+1 of them
	refs   []ref
}

// ref is a mention in a command: <@U123|carol> or <#C123|team>.
type ref struct {
	id    string // in the core's form: bot.MemberRef "@U123", bot.ChannelRef "#C123"
	typed string // as the member saw it, "@carol" or "#team"; "" if Slack did not say
}

// entityUnescaper undoes Slack's three entities, &amp; last so that
// "&amp;lt;" stays the literal text "&lt;".
var entityUnescaper = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&")

// readCommandText reads the text of a slash command.
func readCommandText(s string) commandText {
	var c commandText
	var lit strings.Builder
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			lit.WriteString(s)
			break
		}
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			lit.WriteString(s)
			break
		}
		lit.WriteString(s[:i])
		tok := s[i+1 : i+j]
		s = s[i+j+1:]
		if r, ok := readRef(tok); ok {
			c.pieces = append(c.pieces, entityUnescaper.Replace(lit.String()))
			c.refs = append(c.refs, r)
			lit.Reset()
			continue
		}
		lit.WriteString(unescapeToken(tok))
	}
	c.pieces = append(c.pieces, entityUnescaper.Replace(lit.String()))
	return c
}

// join writes the text with each ref as form returns it.
func (c commandText) join(form func(i int, r ref) string) string {
	var b strings.Builder
	for i, p := range c.pieces {
		b.WriteString(p)
		if i < len(c.refs) {
			b.WriteString(form(i, c.refs[i]))
		}
	}
	return b.String()
}

// core is the text with every mention as its ID in the core's form.
func (c commandText) core() string {
	return c.join(func(_ int, r ref) string { return r.id })
}

// parser is the core's grammar of commands (bot.Bot.Parse), which the
// adapter uses, when its Handler offers it, to tell where each mention of
// a command stands: no copy of it that could disagree.
type parser interface {
	Parse(text string) (bot.CommandSpec, map[string]string, error)
}

// maxTypedRefs bounds the mentions a command's text is read for: more
// stay as IDs.
const maxTypedRefs = 50

// commandText reads the text of a slash command for the core. A mention
// that stands in the member's words, a free-text option (bot.Option
// FreeText: a goal, a comment, a charter) or any option that does not
// name a member or a channel (a topic), is written as the member saw it
// ("@carol"): the core keeps it as text, and whoever reads it later sees
// the name, not an ID. In an option that names a member or a channel
// (bot.Option TakesMember, TakesChannel) a mention is the ID in the
// core's form, which that option needs. Where each one stands is the core's parser's say:
// the text is parsed once with each mention replaced by a marker that
// reads as one word, as the mention does. A text the core cannot parse,
// or a Handler that has no parser, gets IDs throughout.
func (a *Adapter) commandText(s string) string {
	c := readCommandText(s)
	p, ok := a.h.(parser)
	if !ok || len(c.refs) == 0 {
		return c.core()
	}
	marker := func(i int, r ref) string {
		if r.typed == "" || i >= maxTypedRefs {
			return r.id
		}
		return r.id[:1] + "\x00" + strconv.Itoa(i) + "\x00"
	}
	spec, values, err := p.Parse(c.join(marker))
	if err != nil {
		return c.core()
	}
	prose := map[string]bool{}
	for name, v := range values {
		// Only an option that names a member or a channel needs the ID
		// (end's pair), as do managers' commands, whose text options may
		// name members (admin managers add @ada): anywhere else (a topic,
		// a goal) the mention is words, and reads as the member saw it.
		if o, ok := spec.Option(name); !ok || !o.FreeText && (spec.Admin || o.TakesMember() || o.TakesChannel()) {
			continue
		}
		for i, r := range c.refs {
			if m := marker(i, r); m != r.id && strings.Contains(v, m) {
				prose[m] = true
			}
		}
	}
	return c.join(func(i int, r ref) string {
		if prose[marker(i, r)] {
			return r.typed
		}
		return r.id
	})
}

// readRef reads the inside of a <…> that mentions a member or a channel.
// What Slack shows for it (the label) is kept when it reads as one word,
// as a handle or a channel's name does.
func readRef(tok string) (ref, bool) {
	target, label, _ := strings.Cut(tok, "|")
	label = entityUnescaper.Replace(label)
	var r ref
	switch {
	case strings.HasPrefix(target, "@") && len(target) > 1:
		// The member's ID in the core's form (bot.MemberRef), not their
		// name: commands that name them (admin pair @ada) need the ID,
		// and names change.
		r.id = bot.MemberRef(target[1:])
	case strings.HasPrefix(target, "#") && len(target) > 1:
		// The channel's ID in the core's form (bot.ChannelRef), for
		// digest-channel #team and announce.
		r.id = bot.ChannelRef(target[1:])
	default:
		return ref{}, false
	}
	if label = strings.TrimPrefix(label, target[:1]); label != "" && !strings.ContainsFunc(label, func(r rune) bool {
		return unicode.IsSpace(r) || r == ':' || r == '\x00' || unicode.IsControl(r)
	}) {
		r.typed = target[:1] + label
	}
	return r, true
}

// linkedName reports whether label is the bare name Slack made the link
// target of (asp.net for http://asp.net), or the address of a mailto:
// link.
func linkedName(target, label string) bool {
	for _, scheme := range []string{"http://", "https://", "mailto:"} {
		if name, ok := strings.CutPrefix(target, scheme); ok && (strings.EqualFold(name, label) || strings.EqualFold(name, label+"/")) {
			return true
		}
	}
	return false
}

// broadcasts are Slack's special mentions that notify a whole channel or
// workspace: in a command they are text, "@here", never a notification.
var broadcasts = map[string]bool{"here": true, "channel": true, "everyone": true, "group": true}

// unescapeToken reads the inside of one <...> token that is not a
// mention of a member or a channel (readRef).
func unescapeToken(tok string) string {
	target, label, hasLabel := strings.Cut(tok, "|")
	switch {
	case strings.HasPrefix(target, "!"):
		name := target[1:]
		switch {
		case broadcasts[name]:
			return "@" + name // <!here|here>, <!channel>: as typed
		case hasLabel && label != "":
			return label // <!subteam^S1|@team>, <!date^...|fallback>
		}
		return "@" + name
	case hasLabel && linkedName(target, label):
		// A link Slack made of what the member typed (asp.net, an e-mail
		// address): the label is the text as typed.
		return label
	case !hasLabel || label == "":
		return strings.TrimPrefix(target, "mailto:")
	}
	// A link with a label of its own: the label, then where it leads,
	// which the label never hides.
	return label + " (" + strings.TrimPrefix(target, "mailto:") + ")"
}
