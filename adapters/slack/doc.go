// Package slack is the Slack adapter: the only package that imports
// slack-go. It turns slash commands, button clicks and modal submissions
// into bot.Command and bot.Action, and bot.Message into Block Kit. It
// implements bot.Platform (a DM with conversations.open and
// chat.postMessage; an introduction as one group DM), bot.Directory
// (users.info, cached), bot.Poster (a channel the bot was invited to) and
// bot.Uploader (files, for managers). For managers' commands it tells the
// core whether Slack makes the member a workspace admin or owner.
//
// The same handlers serve two transports: HTTP (POST /slack/commands,
// /slack/interactions and /slack/events, each request verified with the
// signing secret before anything else) and Socket Mode (a websocket that
// Slack opens to us from apps.connections.open, so no public URL is
// needed). Only the way of acknowledging differs: an HTTP response body or
// an envelope ack. With a client ID, the adapter also serves the install
// by OAuth on many workspaces (oauth.go): GET /slack/install and
// /slack/oauth_redirect, pages for a browser.
//
// Contracts and platform quirks the code is built around:
//
//   - Slack wants an answer within 3 seconds. The work of a command or a
//     click runs on a context of its own, not the request's (bounded by
//     Options.WorkTimeout, tracked so that Close waits for it), so that it
//     survives an early ack. A click is acknowledged at once and answers
//     through chat.update, response_url or a DM. A slash command is
//     acknowledged at once too, unless Options.InlineBudget is set (it is
//     off by default): then its ack waits for the core that long, and a plain
//     reply that comes in time, and fits in 19 KB, travels in the ack
//     itself (the HTTP body, or the Socket Mode ack's payload), which
//     saves the post to response_url; a later or larger reply follows
//     through response_url, and a form never waits (views.open follows
//     the ack). A modal submission waits up to Options.AckBudget, because
//     its inline errors can only travel in the ack.
//   - A reply goes out once at most, as the core's DMs do: the delivery
//     kept before the ack is forgotten once the core has handled it,
//     before the reply goes out, and a send of the reply that Slack may
//     have taken (written, unanswered) is neither retried nor followed by
//     a DM (outcome.go). Only a reply Slack certainly took by no way is
//     kept, to be sent once more by a replica (inbox.go).
//   - trigger_id works once and within 3 seconds: views.open is the first
//     Web API call of a command or a click that opens a form.
//   - Mentions and channels in commands (<@U123|ada>, <#C123|team>) reach
//     the core as their IDs in the core's form (bot.MemberRef "@U123",
//     bot.ChannelRef "#C123"), which commands that name people and
//     channels need: the core knows no Slack syntax. In a member's prose
//     (a free-text option: a goal, a comment), where the core's own
//     parser places them, they are written as the member saw them
//     ("@ada"); a link as its label and its URL, a broadcast as "@here"
//     (unescape.go).
//   - Every string of a bot.Message is plain text. It is escaped for mrkdwn
//     (&, < and >) and sent with verbatim set, so that nothing a member
//     typed can become a mention, a broadcast or a link; and its styling
//     characters (*, _, ~, backticks, a > starting a line) are shown as
//     typed, but for the catalog's headings and code spans in a message's
//     text (escape.go). Incoming text (should_escape is on) is unescaped
//     back to plain text.
//   - A click's locale is the member's Slack locale, from the profile
//     cache or else users.info after the ack, as the core finds it for a
//     command, so that a member it has no record of is answered in their
//     language. So is the locale of a command the core answers with a
//     form (formInLocale): the core renders a form before it records the
//     member. The form's language travels in the modal's metadata, and
//     its submission is read in it.
//   - Web API calls are retried: after Retry-After on a 429, with backoff on
//     5xx and network errors, a bounded number of times; then the call
//     fails with bot.EUNAVAILABLE. A user who was deleted, deactivated or
//     never existed is bot.EGONE.
//   - Events API retries are deduplicated by event_id.
//   - Each Web API call is made with the token of the workspace it
//     concerns (workspaces.go): SLACK_BOT_TOKEN's workspace, or one that
//     installed the app by OAuth (Install), whose token is kept sealed.
//     A workspace with neither is not served (bot.Serving), and a command
//     from it is told the app is not installed there. app_uninstalled and
//     tokens_revoked erase its token; so does Slack refusing the token
//     (invalid_auth, token_revoked...) on any call, should the event be
//     lost, unless a newer install replaced that token meanwhile.
//
// Logs carry IDs (team, user, channel, method) and error codes, never
// message text or names.
package slack
