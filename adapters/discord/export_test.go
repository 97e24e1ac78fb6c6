package discord

import (
	"encoding/json"

	"github.com/bwmarrin/discordgo"
	"github.com/mentorbot/mentorbot/bot"
)

// This file exposes the pure functions to the black-box tests, as JSON,
// so that tests read Discord payloads rather than discordgo types.

// RenderMessage renders m as the JSON body of a channel message.
func RenderMessage(m bot.Message, guild string, ping bool) ([]byte, error) {
	return RenderMessageIn(m, guild, ping, "")
}

// RenderMessageIn is RenderMessage for a reader of lang.
func RenderMessageIn(m bot.Message, guild string, ping bool, lang bot.Lang) ([]byte, error) {
	r, err := renderMessage(m, guild, ping, lang)
	if err != nil {
		return nil, err
	}
	return json.Marshal(&discordgo.MessageSend{Content: r.Content, Embeds: r.Embeds, Components: r.Components, AllowedMentions: r.Mentions})
}

// Modal renders a form as the JSON of an interaction response.
func Modal(f *bot.Form, guild string) ([]byte, error) {
	r, err := modal(f, guild)
	if err != nil {
		return nil, err
	}
	return json.Marshal(r)
}

// Commands renders the command table as the JSON of a bulk overwrite.
func Commands(specs []bot.CommandSpec) ([]byte, error) {
	cmds, err := applicationCommands(specs)
	if err != nil {
		return nil, err
	}
	return json.Marshal(cmds)
}

// Translate decodes an interaction payload and translates it.
func Translate(payload []byte) (kindName string, c *bot.Command, a *bot.Action, err error) {
	var i discordgo.Interaction
	if err := json.Unmarshal(payload, &i); err != nil {
		return "", nil, nil, err
	}
	ev := translate(&i)
	return kindNames[ev.Kind], ev.Command, ev.Action, nil
}

var kindNames = map[kind]string{kindIgnored: "ignored", kindPing: "ping", kindCommand: "command", kindSubmit: "submit", kindClick: "click", kindOutsideGuild: "outside-guild", kindAutocomplete: "autocomplete", kindRefused: "refused"}

func kindNamed(name string) kind {
	for k, n := range kindNames {
		if n == name {
			return k
		}
	}
	panic("no kind " + name)
}

// Respond renders the direct response to an interaction of the named kind.
func Respond(kindName string, r bot.Reply, guild string) ([]byte, error) {
	resp, err := directResponse(kindNamed(kindName), r, guild, bot.English)
	if err != nil {
		return nil, err
	}
	return json.Marshal(resp)
}

// Deferred renders the deferral of an interaction of the named kind and
// how its reply completes it: an edit of the original, or a follow-up.
func Deferred(kindName string, r bot.Reply, guild string) (deferral, edit, followup []byte, err error) {
	k := kindNamed(kindName)
	deferral, _ = json.Marshal(deferredResponse(k))
	c, err := completeDeferred(k, r, guild, bot.English)
	if err != nil {
		return nil, nil, nil, err
	}
	if c.Edit != nil {
		edit, _ = json.Marshal(c.Edit)
	}
	if c.Followup != nil {
		followup, _ = json.Marshal(c.Followup)
	}
	return deferral, edit, followup, nil
}

var (
	CustomID       = customID
	ParseCustomID  = parseCustomID
	EscapeMarkdown = escapeMarkdown
	// ShowIn is a message's text as a Discord reader of lang reads it:
	// escaped, its commands in Discord's shape.
	ShowIn = func(lang bot.Lang, s string) string { return escapeWith(forDiscord(lang, s), newSpanRewriter(lang)) }
	// DiscordCommand writes a typed command in Discord's shape.
	DiscordCommand = discordCommand
	ChannelLinks   = channelLinks
)

// Queued returns how many calls wait or run on each of the adapter's
// outbound lanes ("replies", "rest"), with the room taken for replies
// still to come: the bound the bulkhead tests check.
func (a *Adapter) Queued() (replies, rest int) {
	return len(a.out.replies.tickets), len(a.out.rest.tickets)
}

// CoreMentions rewrites c's Discord mentions into the core's form.
func CoreMentions(specs []bot.CommandSpec, c bot.Command) bot.Command {
	coreMentions(specs, &c)
	return c
}

// ResponseBudget is how long after an interaction arrives its first
// response leaves at the latest (budget.go).
const ResponseBudget = responseBudget
