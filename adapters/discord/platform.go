package discord

import (
	"bytes"
	"context"
	"errors"
	"strings"

	"github.com/bwmarrin/discordgo"
	"github.com/mentorbot/mentorbot/bot"
)

// Introduce implements bot.Platform, for a guild without an
// intro-channel setting: in the configured intro channel
// (DISCORD_INTRO_CHANNEL_ID) when it belongs to the members' guild, else
// by DM (IntroduceIn).
func (a *Adapter) Introduce(ctx context.Context, members []bot.MemberID, msg bot.Message) error {
	_, err := a.IntroduceIn(ctx, "", "", members, msg)
	return err
}

// IntroduceIn implements bot.ChannelIntroducer. Bots cannot open group
// DMs, so in a channel of the members' guild ("" for the configured intro
// channel) the pair meets in a private thread there (created, both
// members added, then the introduction posted, pinging them), whose ID is
// returned. Given that thread back, the next message goes on in it: the
// pair keeps one conversation, not one thread per message. A thread that
// is gone, or that the bot can no longer post in, gives way to a new one.
// Without a channel (bot.IntroOff, or none configured), with one of
// another guild (never a thread there: it would show one server's
// members to another's), or when no thread can be made, each member gets
// the same message by DM, and "" is returned.
func (a *Adapter) IntroduceIn(ctx context.Context, channel, thread string, members []bot.MemberID, msg bot.Message) (string, error) {
	if len(members) == 0 {
		return "", nil
	}
	for _, m := range members {
		if err := checkMember(m); err != nil {
			return "", err
		}
	}
	switch channel {
	case "":
		channel = a.cfg.IntroChannelID
	case bot.IntroOff:
		channel = ""
	}
	channel = strings.TrimSuffix(strings.TrimPrefix(channel, "<#"), ">")
	if channel != "" && a.channelInGuild(ctx, channel, members[0].Workspace) {
		if thread != "" && isSnowflake(thread) {
			if went, err := a.goOnInThread(ctx, thread, members, msg); went {
				return thread, err
			}
		}
		id, err := a.introduceInThread(ctx, channel, members, msg)
		if err == nil || bot.ErrorCode(err) == bot.EGONE {
			return id, err
		}
		a.log.Warn("intro thread failed: sending DMs", "guild", members[0].Workspace, "code", string(bot.ErrorCode(err)), "err", err)
	}
	var errs []error
	sent, gone := 0, 0
	for _, m := range members {
		err := a.Send(ctx, m, msg)
		switch {
		case err == nil:
			sent++
		case bot.ErrorCode(err) == bot.EGONE:
			gone++
		}
		errs = append(errs, err)
	}
	if sent > 0 && sent+gone == len(members) {
		// Those who left are their leave event's business: a retry would
		// send it again to those who have it.
		return "", nil
	}
	return "", errors.Join(errs...)
}

// goOnInThread posts msg in the pair's thread, then makes sure both
// members are in it (they may have left it; adding a member twice does
// nothing). went is false when the thread cannot take it (deleted,
// locked, or out of the bot's reach): the caller opens another. Any
// other failure is returned with went true, for the message's retry to
// try the same thread again.
func (a *Adapter) goOnInThread(ctx context.Context, thread string, members []bot.MemberID, msg bot.Message) (went bool, err error) {
	out, err := renderMessage(msg, members[0].Workspace, true, msg.Lang)
	if err != nil {
		return true, bot.Wrap(bot.EINTERNAL, err, "render message")
	}
	if err := a.post(ctx, thread, out, nil); err != nil {
		switch restCode(err) {
		case codeUnknownChannel, codeMissingAccess, codeMissingPermissions, codeArchivedThread:
			a.log.Info("pair thread unusable: opening another", "guild", members[0].Workspace, "thread", thread, "code", restCode(err))
			return false, nil
		}
		return true, coded(err, "post in thread")
	}
	added, gone := a.addToThread(ctx, thread, members)
	return true, a.reached(members, thread, added, gone)
}

// addToThread adds members to a thread. A member who cannot be added
// (they left) does not stop the others: the count of those added is
// returned, with EGONE if some left.
func (a *Adapter) addToThread(ctx context.Context, thread string, members []bot.MemberID) (int, error) {
	var gone error
	added := 0
	for _, m := range members {
		if err := a.restCall(ctx, "add thread member", func(opt discordgo.RequestOption) error {
			return a.rest.ThreadMemberAdd(thread, m.User, opt)
		}); err != nil {
			if bot.ErrorCode(coded(err, "")) != bot.EGONE {
				return added, coded(err, "add thread member")
			}
			gone = coded(err, "add thread member")
			continue
		}
		added++
	}
	return added, gone
}

// reached is the outcome of a message posted in a thread for members, of
// whom added could be added to it (addToThread): delivered (nil) when one
// of them at least reads it, the others having left (their leaving ends
// their pairs, platform.go's leave events), so that no retry posts it
// again beside them; EGONE when none of them is there any more.
func (a *Adapter) reached(members []bot.MemberID, thread string, added int, err error) error {
	if err == nil || bot.ErrorCode(err) != bot.EGONE || added == 0 {
		return err
	}
	a.log.Info("posted in thread; a member has left", "guild", members[0].Workspace, "thread", thread)
	return nil
}

// introduceInThread posts the introduction in a new private thread of the
// intro channel, and returns the thread. A member who cannot be added
// (they left) does not stop the others: the introduction is posted, and
// counts as delivered if one of them is in the thread (reached).
func (a *Adapter) introduceInThread(ctx context.Context, channel string, members []bot.MemberID, msg bot.Message) (string, error) {
	out, err := renderMessage(msg, members[0].Workspace, true, msg.Lang)
	if err != nil {
		return "", bot.Wrap(bot.EINTERNAL, err, "render introduction")
	}
	var thread *discordgo.Channel
	err = a.restCall(ctx, "start thread", func(opt discordgo.RequestOption) (err error) {
		thread, err = a.rest.ThreadStartComplex(channel, &discordgo.ThreadStart{
			Name: threadName(msg.Title), Type: discordgo.ChannelTypeGuildPrivateThread,
			AutoArchiveDuration: 10080, // a week: long enough to agree on a first meeting
			Invitable:           false,
		}, opt)
		return err
	})
	if err != nil {
		return "", coded(err, "start thread")
	}
	added, gone := a.addToThread(ctx, thread.ID, members)
	if gone != nil && bot.ErrorCode(gone) != bot.EGONE {
		return "", gone
	}
	if err := a.post(ctx, thread.ID, out, nil); err != nil {
		return "", coded(err, "post introduction")
	}
	return thread.ID, a.reached(members, thread.ID, added, gone)
}

// threadName names the introduction thread after the message title,
// within Discord's 100 characters and on one line.
func threadName(title string) string {
	name := oneLine(title)
	if name == "" {
		name = text(bot.English, "thread")
	}
	return clip(name, 100)
}

// Post implements bot.Poster: a message in a channel of the server, such
// as the managers' channel.
func (a *Adapter) Post(ctx context.Context, t bot.Tenant, channel string, msg bot.Message) error {
	_, err := a.postIn(ctx, t, channel, msg, nil)
	return err
}

// Upload implements bot.Uploader: a message with a file attached (the
// digest's chart) in a channel of the server.
func (a *Adapter) Upload(ctx context.Context, t bot.Tenant, channel string, f bot.File, msg bot.Message) error {
	_, err := a.postIn(ctx, t, channel, msg, &f)
	return err
}

// postIn posts msg, and f when not nil, in a channel of t's server, and
// returns the post's reference, "<channel>/<message>" (PostEditable).
// The channel may be written as a mention (<#123>), the way Discord
// pastes it; only IDs work, since bots cannot look channels up by name
// cheaply.
func (a *Adapter) postIn(ctx context.Context, t bot.Tenant, channel string, msg bot.Message, f *bot.File) (string, error) {
	id := strings.TrimSuffix(strings.TrimPrefix(channel, "<#"), ">")
	if t.Platform != Platform || !isSnowflake(t.Workspace) || !isSnowflake(id) {
		return "", bot.Errorf(bot.EINVALID, "err.admin.bad_channel", "value", clip(channel, 40))
	}
	out, err := renderMessage(msg, t.Workspace, false, msg.Lang)
	if err != nil {
		return "", bot.Wrap(bot.EINTERNAL, err, "render message")
	}
	posted, err := a.postMessage(ctx, id, out, f)
	switch restCode(err) {
	case codeUnknownChannel, codeMissingAccess, codeMissingPermissions:
		// Said so, with what to do, rather than "something went wrong".
		return "", &bot.Error{Code: bot.EFORBIDDEN, Key: "err.channel_access", Err: err}
	}
	if err != nil {
		return "", coded(err, "post in channel")
	}
	return id + "/" + posted, nil
}

// post sends a rendered message, with a file when f is not nil, to a
// channel.
func (a *Adapter) post(ctx context.Context, channel string, out rendered, f *bot.File) error {
	_, err := a.postMessage(ctx, channel, out, f)
	return err
}

// postMessage is post, which returns the message's ID.
func (a *Adapter) postMessage(ctx context.Context, channel string, out rendered, f *bot.File) (string, error) {
	send := &discordgo.MessageSend{
		Content: out.Content, Embeds: out.Embeds, Components: out.Components, AllowedMentions: out.Mentions,
	}
	var id string
	err := a.restCall(ctx, "post", func(opt discordgo.RequestOption) error {
		if f != nil { // a retry after a 429 reads the file again
			send.Files = []*discordgo.File{{Name: f.Name, ContentType: f.Type, Reader: bytes.NewReader(f.Data)}}
		}
		m, err := a.rest.ChannelMessageSendComplex(channel, send, opt)
		if err == nil && m != nil {
			id = m.ID
		}
		return err
	})
	return id, err
}

// Profile implements bot.Directory: the member's server nickname, else
// their display name. Discord tells bots neither time zone nor locale
// (the core takes the locale from each interaction). The member who is
// interacting is answered from the payload, without a REST call.
func (a *Adapter) Profile(ctx context.Context, id bot.MemberID) (bot.Profile, error) {
	if err := checkMember(id); err != nil {
		return bot.Profile{}, err
	}
	if act := actorFrom(ctx); act != nil && act.id == id && act.name != "" {
		return bot.Profile{Name: act.name}, nil
	}
	m, err := a.lookup(ctx, id)
	if err != nil {
		return bot.Profile{}, coded(err, "get member")
	}
	if m.User == nil {
		return bot.Profile{Name: m.Nick}, nil
	}
	return bot.Profile{Name: m.DisplayName()}, nil
}

// lookup reads a member of a server: GET guilds/{guild}/members/{user},
// on the REST lane, within Outbound.LookupTimeout.
func (a *Adapter) lookup(ctx context.Context, id bot.MemberID) (*discordgo.Member, error) {
	ctx, cancel := context.WithTimeout(ctx, a.cfg.Outbound.LookupTimeout)
	defer cancel()
	var m *discordgo.Member
	err := a.restCall(ctx, "get member", func(opt discordgo.RequestOption) (err error) {
		m, err = a.rest.GuildMember(id.Workspace, id.User, opt)
		return err
	})
	return m, err
}

// checkMember refuses IDs that are not Discord members of a server.
func checkMember(id bot.MemberID) error {
	if id.Platform != Platform || !isSnowflake(id.User) || !isSnowflake(id.Workspace) {
		return &bot.Error{Code: bot.EGONE, Err: errors.New("not a Discord member: " + id.String())}
	}
	return nil
}
