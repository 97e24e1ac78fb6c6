// Package slackfake is a fake of Slack for tests and load runs: a small
// httptest server answering the Web API methods mentorbot calls
// (auth.test, users.info, conversations.open, chat.postMessage,
// chat.update, views.open, apps.connections.open), response_url posts,
// and a Socket Mode websocket. It records every call so that a test can
// assert on what the bot did, and it can fail on demand (429 with
// Retry-After, 5xx, Slack error strings, a response_url refused, or down
// altogether), or take a message at once and answer late (Failure.Late).
//
// It answers for one workspace (SetTeam) by default, and for more, each
// known by its bot token (AddWorkspace); each call records its token.
//
// It also builds what Slack sends: signed slash commands, block_actions and
// view_submission payloads and Socket Mode envelopes, from Slack's own
// documented examples (fixtures/), with only IDs, text and values changed.
//
// It is a fake, not a mock: real slack-go clients talk to it over HTTP, and
// it keeps just enough state (users, conversations, messages, used
// trigger_ids) to answer like Slack does. It imports no Slack SDK.
package slackfake
