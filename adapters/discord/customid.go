package discord

import (
	"errors"
	"net/url"
	"strings"
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
	if !isSnowflake(guild) || action == "" || value == "" || strings.Contains(action, ":") {
		return "", errCustomIDInvalid
	}
	id := customIDPrefix + ":" + guild + ":" + action + ":" + value
	if len(id) > maxCustomID {
		return "", errCustomIDTooLong
	}
	return id, nil
}

// parseCustomID unpacks a custom_id made by customID. The value is
// everything after the third colon, so it may itself contain colons.
func parseCustomID(id string) (guild, action, value string, err error) {
	parts := strings.SplitN(id, ":", 4)
	if len(id) > maxCustomID || len(parts) != 4 || parts[0] != customIDPrefix || parts[1] == "" || parts[2] == "" || parts[3] == "" {
		return "", "", "", errCustomIDInvalid
	}
	if !isSnowflake(parts[1]) {
		return "", "", "", errCustomIDInvalid
	}
	return parts[1], parts[2], parts[3], nil
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
