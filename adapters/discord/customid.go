package discord

import (
	"errors"
	"fmt"
	"hash/fnv"
	"net/url"
	"strings"

	"github.com/bwmarrin/discordgo"
)

// A custom_id is the only data Discord gives back on a click or a modal
// submit. Clicks in DMs arrive without guild_id, so the guild travels in
// it too: "mb:<guild>:<action>:<value>". Modals use the action "form" and
// the command name as value.
const (
	customIDPrefix = "mb"
	maxCustomID    = 100 // Discord's limit
	formAction     = "form"
)

var (
	errCustomIDTooLong = errors.New("custom_id longer than 100 characters")
	errCustomIDInvalid = errors.New("custom_id not made by mentorbot")
)

// customID packs a guild, an action and its value into a custom_id. It
// fails when a part contains the separator or when the result exceeds
// Discord's 100 characters, rather than sending a button Discord rejects.
func customID(guild, action, value string) (string, error) {
	return taggedCustomID("", guild, action, value)
}

// taggedCustomID is customID with a message's delivery tag (deliveryTag)
// after the prefix, "mb.<tag>:<guild>:<action>:<value>", so that the
// message can be found again among a DM's latest ones (Retract): Discord
// keeps no other data of ours on a message.
func taggedCustomID(tag, guild, action, value string) (string, error) {
	if !isSnowflake(guild) || action == "" || value == "" || strings.Contains(action, ":") || strings.ContainsAny(tag, ":.") {
		return "", errCustomIDInvalid
	}
	prefix := customIDPrefix
	if tag != "" {
		prefix += "." + tag
	}
	id := prefix + ":" + guild + ":" + action + ":" + value
	if len(id) > maxCustomID {
		return "", errCustomIDTooLong
	}
	return id, nil
}

// parseCustomID unpacks a custom_id made by customID. The value is
// everything after the third colon, so it may itself contain colons.
func parseCustomID(id string) (guild, action, value string, err error) {
	parts := strings.SplitN(id, ":", 4)
	if len(id) > maxCustomID || len(parts) != 4 || !ourPrefix(parts[0]) || parts[1] == "" || parts[2] == "" || parts[3] == "" {
		return "", "", "", errCustomIDInvalid
	}
	if !isSnowflake(parts[1]) {
		return "", "", "", errCustomIDInvalid
	}
	return parts[1], parts[2], parts[3], nil
}

// ourPrefix reports whether p is "mb" or "mb.<tag>".
func ourPrefix(p string) bool {
	tag, tagged := strings.CutPrefix(p, customIDPrefix+".")
	return p == customIDPrefix || tagged && tag != ""
}

// deliveryTag is the short tag of a delivery key (bot.Message.Delivery)
// that the message's buttons carry: 8 hex digits of its FNV-1a hash,
// which two of a DM's latest messages share with a chance of about one
// in a hundred million.
func deliveryTag(key string) string {
	h := fnv.New32a()
	h.Write([]byte(key))
	return fmt.Sprintf("%08x", h.Sum32())
}

// carriesTag reports whether one of the message's components has a
// custom_id tagged tag.
func carriesTag(m *discordgo.Message, tag string) bool {
	want := customIDPrefix + "." + tag + ":"
	for _, row := range m.Components {
		r, ok := row.(*discordgo.ActionsRow)
		if !ok {
			continue
		}
		for _, c := range r.Components {
			if b, ok := c.(*discordgo.Button); ok && strings.HasPrefix(b.CustomID, want) {
				return true
			}
		}
	}
	return false
}

// isSnowflake reports whether s looks like a Discord ID: 1 to 20 digits.
func isSnowflake(s string) bool {
	if len(s) == 0 || len(s) > 20 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// fixedQuery writes a form's fixed values (bot.Form.Fixed) after its
// command in a modal's custom_id: "offer?program=mentorat-2027".
func fixedQuery(fixed map[string]string) string {
	if len(fixed) == 0 {
		return ""
	}
	q := url.Values{}
	for k, v := range fixed {
		q.Set(k, v)
	}
	return "?" + q.Encode()
}

// formCommand reads a modal's custom_id value back: the command, and the
// fixed values to add to what the member typed.
func formCommand(value string) (string, map[string]string) {
	command, query, ok := strings.Cut(value, "?")
	if !ok {
		return value, nil
	}
	q, err := url.ParseQuery(query)
	if err != nil {
		return command, nil
	}
	fixed := make(map[string]string, len(q))
	for k := range q {
		fixed[k] = q.Get(k)
	}
	return command, fixed
}
