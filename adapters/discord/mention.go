package discord

import (
	"strings"

	"github.com/mentorbot/mentorbot/bot"
)

// coreMentions rewrites the Discord mentions that name a member or a
// channel in a command into the core's form, before the core sees it: in
// an option that takes a member (bot.Option.TakesMember), a value that is
// one mention, <@123> or <@!123>, becomes bot.MemberRef("123"); in one
// that takes a channel, <#123> becomes bot.ChannelRef("123"). The core
// knows no Discord syntax. Discord's own member and channel pickers send
// the bare ID, which the core reads as it is; a mention arrives where the
// option is text (end's pair) or from a client that sends the typed text.
// Any other value, and mentions inside free text, pass unchanged: a
// malformed one is refused by the core with the text as typed.
func coreMentions(specs []bot.CommandSpec, c *bot.Command) {
	spec, ok := specNamed(specs, c.Name)
	if !ok || len(c.Values) == 0 {
		return
	}
	values := make(map[string]string, len(c.Values))
	for name, v := range c.Values {
		if o, ok := spec.Lookup(name); ok {
			if o.TakesMember() && o.Type == bot.OptList {
				v = listMentions(v)
			} else if id, ok := mentionID(v, "@"); ok && o.TakesMember() {
				v = bot.MemberRef(id)
			} else if id, ok := mentionID(v, "#"); ok && o.TakesChannel() {
				v = bot.ChannelRef(id)
			}
		}
		values[name] = v
	}
	c.Values = values
}

// specNamed finds a row of the command table by its full name.
func specNamed(specs []bot.CommandSpec, name string) (bot.CommandSpec, bool) {
	for _, s := range specs {
		if s.Name == name {
			return s, true
		}
	}
	return bot.CommandSpec{}, false
}

// mentionID reads a value that is, spaces aside, one Discord mention of a
// user (sigil "@": <@123>, or <@!123> as older clients write a member's
// nickname mention) or of a channel (sigil "#": <#123>), and returns its
// ID: a snowflake, decimal digits only.
func mentionID(v, sigil string) (string, bool) {
	v = strings.TrimSpace(v)
	inner, ok := strings.CutPrefix(v, "<"+sigil)
	if !ok {
		return "", false
	}
	inner, ok = strings.CutSuffix(inner, ">")
	if !ok {
		return "", false
	}
	if sigil == "@" {
		inner = strings.TrimPrefix(inner, "!")
	}
	if inner == "" || len(inner) > 20 || strings.Trim(inner, "0123456789") != "" {
		return "", false
	}
	return inner, true
}

// listMentions rewrites each item of a list of members that is one
// mention ("<@1>, <@2>" becomes "@1,@2"), leaving the other items as typed.
func listMentions(v string) string {
	items := strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ' ' })
	for i, item := range items {
		if id, ok := mentionID(item, "@"); ok {
			items[i] = bot.MemberRef(id)
		}
	}
	return strings.Join(items, ",")
}
