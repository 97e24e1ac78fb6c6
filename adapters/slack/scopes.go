package slack

import "strings"

// BotScopes are the bot token scopes the adapter uses, and no more: the
// install flow asks Slack for them (oauth.go), and manifest_test checks
// that both manifests declare exactly these.
var BotScopes = []string{
	"chat:write",   // DMs and introductions; replacing a clicked message
	"commands",     // the /mentor command
	"files:write",  // managers' exports and the digest's chart
	"im:history",   // conversations.history: after a crash mid-send, whether a DM went out
	"im:write",     // conversations.open: a DM with one member
	"mpim:history", // conversations.history: after a crash mid-send, whether an introduction went out
	"mpim:write",   // conversations.open: the introduction's group DM
	"users:read",   // users.list, users.info: real name, time zone and locale
}

// botScopeList is BotScopes as the authorize URL's scope parameter wants
// them: comma-separated.
func botScopeList() string { return strings.Join(BotScopes, ",") }
