// Package discordtest holds fakes of Discord for tests: REST, an
// httptest server that behaves like Discord's REST API closely enough for
// discordgo (and records every call); Gateway, a websocket server that
// speaks the gateway handshake and dispatches interactions; Signer, which
// signs HTTP interactions with a generated Ed25519 key; and payload
// builders starting from Discord's documented samples (testdata/).
//
// They are fakes, not mocks: they keep state (DM channels, threads,
// messages, expired tokens, members whose DMs are closed) and answer from
// it, and tests assert on what was sent. Like the adapter's API, they do
// not import discordgo: payloads are plain JSON.
package discordtest
