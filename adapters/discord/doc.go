// Package discord connects the bot to Discord servers. It is the only
// package that imports discordgo; nothing of discordgo shows in its API.
//
// In: interactions (slash commands, button clicks, modal submits) arrive
// either over the gateway websocket, with the bot token, or at the HTTP
// interactions endpoint (ServeHTTP) when a public key is configured, where
// each request is checked with Ed25519. Both ways go through serve, so
// they behave the same. Out: replies are ephemeral messages, updates of
// the clicked message or modals (after a command or a click); the bot's
// own messages are DMs with buttons (bot.Platform), posts in a server
// channel (bot.Poster), and introductions, a private thread or one DM
// each. Members with Manage Server are the server's admins (IsAdmin).
//
// Adapters are thin: translate.go turns an interaction into a
// bot.Command or bot.Action, render.go and respond.go turn a bot.Message
// or bot.Reply into Discord payloads, commands.go turns the command table
// into the /mentor slash command. All of them are pure functions.
//
// Platform quirks this package deals with, each explained where it is
// handled:
//   - Discord wants a first response within 3 s: serve answers directly
//     when the core is quick, and otherwise defers, then edits. The claim,
//     the wait for the core and the keep of a deferral share one budget
//     of 2.5 s from the interaction's arrival (budget.go).
//   - Clicks in DMs carry no guild, so each custom_id carries it.
//   - Bots cannot open group DMs, so introductions are private threads.
//   - discordgo computes its endpoints at init, so DISCORD_API_URL is
//     applied by rewriting URLs in the HTTP transport, which also retries
//     5xx and network errors with backoff, but never a POST whose answer
//     was lost (transport.go).
//   - discordgo sleeps out a 429 deaf to the caller's deadline, and holds
//     one rate-limit bucket for every member's edit (and first DM) while
//     a request is in flight: call.go waits Retry-After only within the
//     deadline, and gives edits and DM opens a bucket each.
//   - REST calls go out on bounded lanes, one per kind of destination
//     (outbound.go): the interaction webhooks and the bot's REST routes.
//     A route that hangs fills only its own lane; an ack never waits for
//     either.
//   - discordgo v0.29 cannot decode modal Label components, so modals are
//     built from action rows of text inputs.
//   - Members with closed DMs (error 50007) are told how to open them.
//   - Every gateway session receives every event, so with several
//     replicas each interaction and each leave is acted on by the one
//     replica whose Config.Claim of it succeeds (gateway.go, leave.go).
//   - Over HTTP no leave event comes: the core's daily ForgetLeavers asks
//     StillMember (roster.go), where only Unknown Member means gone; a
//     click from a DM, which carries no guild member, asks it first, and
//     a leaver's click is refused and erases them (member.go).
//   - The bot being in a server is its install there: GUILD_DELETE (not
//     an outage) records a removal in Config.Installs and Serves then says
//     no; GUILD_CREATE records a return (guilds.go). Every replica writes
//     both records, which are idempotent: no claim.
//
// Logs carry IDs and error codes, never message text or names.
package discord
