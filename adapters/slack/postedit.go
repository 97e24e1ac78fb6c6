package slack

import (
	"context"
	"strings"

	"github.com/mentorbot/mentorbot/bot"
)

var _ bot.PostEditor = (*Adapter)(nil)

// PostEditable implements bot.PostEditor: a message in a channel, as Post
// posts it; the reference is the channel's ID and the message's ts.
func (a *Adapter) PostEditable(ctx context.Context, t bot.Tenant, channel string, msg bot.Message) (string, error) {
	return a.postIn(ctx, t, channel, msg)
}

// EditPost implements bot.PostEditor with chat.update, which edits the
// bot's own message with chat:write alone. ENOTFOUND for a reference
// that is not one, or a message deleted since.
func (a *Adapter) EditPost(ctx context.Context, t bot.Tenant, ref string, msg bot.Message) error {
	channel, ts, ok := strings.Cut(ref, "/")
	if !ok || channel == "" || ts == "" {
		return bot.Errorf(bot.ENOTFOUND, "err.not_found")
	}
	err := a.update(ctx, t.Workspace, channel, ts, msg)
	switch slackError(err) {
	case "message_not_found", "channel_not_found":
		return &bot.Error{Code: bot.ENOTFOUND, Key: "err.not_found", Err: err}
	}
	return err
}
