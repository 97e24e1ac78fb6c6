package discord

import (
	"context"
	"strings"

	"github.com/bwmarrin/discordgo"
	"github.com/mentorbot/mentorbot/bot"
)

var _ bot.PostEditor = (*Adapter)(nil)

// PostEditable implements bot.PostEditor: a message in a channel of the
// server, as Post posts it; the reference is its channel and message IDs.
func (a *Adapter) PostEditable(ctx context.Context, t bot.Tenant, channel string, msg bot.Message) (string, error) {
	return a.postIn(ctx, t, channel, msg, nil)
}

// EditPost implements bot.PostEditor: the post is replaced, its
// components too (none: its buttons are gone). A bot edits its own
// messages without any permission. ENOTFOUND for a reference that is
// not one, or a message or channel deleted since.
func (a *Adapter) EditPost(ctx context.Context, t bot.Tenant, ref string, msg bot.Message) error {
	channel, id, ok := strings.Cut(ref, "/")
	if t.Platform != Platform || !isSnowflake(t.Workspace) || !ok || !isSnowflake(channel) || !isSnowflake(id) {
		return bot.Errorf(bot.ENOTFOUND, "err.not_found")
	}
	out, err := renderMessage(msg, t.Workspace, false, msg.Lang)
	if err != nil {
		return bot.Wrap(bot.EINTERNAL, err, "render message")
	}
	content := out.Content
	edit := &discordgo.MessageEdit{ID: id, Channel: channel, Content: &content, Embeds: &out.Embeds, Components: &out.Components, AllowedMentions: out.Mentions}
	err = a.restCall(ctx, "post", func(opt discordgo.RequestOption) error {
		_, err := a.rest.ChannelMessageEditComplex(edit, opt)
		return err
	})
	switch restCode(err) {
	case codeUnknownChannel, codeUnknownMessage:
		return &bot.Error{Code: bot.ENOTFOUND, Key: "err.not_found", Err: err}
	}
	return coded(err, "edit post")
}
