// Package bot is the platform-neutral core of mentorbot.
//
// It holds the mentoring domain (members, offers, requests, proposals,
// pairs and the charter), the command table that every adapter is driven
// from, one use case per file, coded errors with user-ready sentences in
// English and French, and the seams it consumes: Platform (a chat tool),
// Store (durable state) and Clock. It imports no chat SDK, no Redis client
// and no cron library: adapters and the store depend on bot, never the
// other way round.
package bot
