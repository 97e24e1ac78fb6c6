package slack

import (
	"context"
	"strings"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/slack-go/slack"
)

var _ bot.PostEditor = (*Adapter)(nil)

// PostEditable implements bot.PostEditor: a message in a channel, as Post
// posts it; the reference is the channel's ID and the message's ts.
func (a *Adapter) PostEditable(ctx context.Context, t bot.Tenant, channel string, msg bot.Message) (string, error) {
	id, err := channelID(t, channel)
	if err != nil {
		return "", err
	}
	api, err := a.clientOf(ctx, t.Workspace)
	if err != nil {
		return "", err
	}
	var ts string
	err = call(ctx, a.opt.Retry, "chat.postMessage", func(ctx context.Context) error {
		var err error
		_, ts, err = api.PostMessageContext(ctx, id, append(messageOptions(msg), slack.MsgOptionDisableLinkUnfurl())...)
		return err
	})
	if err != nil {
		return "", channelRefused(err)
	}
	return id + "/" + ts, nil
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
