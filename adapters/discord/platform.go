package discord

import (
	"context"
	"errors"
	"strings"
	"sync"

	"github.com/bwmarrin/discordgo"
	"github.com/mentorbot/mentorbot/bot"
)

// Send implements bot.Platform: a DM to one member, with its buttons.
// EGONE when the member cannot be DMed (error 50007: DMs closed, or the
// bot blocked) or is unknown; EUNAVAILABLE when Discord is down after
// retries. A 429 is waited out (discordgo sleeps retry_after and asks
// again), so a rate limit never loses the message.
func (a *Adapter) Send(ctx context.Context, to bot.MemberID, msg bot.Message) error {
	if err := checkMember(to); err != nil {
		return err
	}
	out, err := renderMessage(msg, to.Workspace, false)
	if err != nil {
		return bot.Wrap(bot.EINTERNAL, err, "render message")
	}
	channel, err := a.dmChannel(ctx, to.User)
	if err != nil {
		return coded(err, "open DM")
	}
	err = a.post(ctx, channel, out)
	if restCode(err) == codeCannotDM {
		a.log.Info("DMs closed", "guild", to.Workspace, "user", to.User)
		a.dmClosed.add(to)
		if act := actorFrom(ctx); act != nil && act.id == to {
			act.dmFailed.Store(true)
		}
	}
	if err != nil {
		return coded(err, "send DM")
	}
	a.dmClosed.remove(to)
	return nil
}

// Introduce implements bot.Platform. Bots cannot open group DMs, so with
// an intro channel the pair meets in a private thread there (created,
// both members added, then the introduction posted, pinging them);
// without one, or when the thread cannot be made, each member gets the
// same introduction by DM.
func (a *Adapter) Introduce(ctx context.Context, members []bot.MemberID, msg bot.Message) error {
	if len(members) == 0 {
		return nil
	}
	for _, m := range members {
		if err := checkMember(m); err != nil {
			return err
		}
	}
	if a.cfg.IntroChannelID != "" && (a.cfg.GuildID == "" || a.cfg.GuildID == members[0].Workspace) {
		err := a.introduceInThread(ctx, members, msg)
		if err == nil || bot.ErrorCode(err) == bot.EGONE {
			return err
		}
		a.log.Warn("intro thread failed: sending DMs", "guild", members[0].Workspace, "code", string(bot.ErrorCode(err)), "err", err)
	}
	var errs []error
	for _, m := range members {
		errs = append(errs, a.Send(ctx, m, msg))
	}
	return errors.Join(errs...)
}

// introduceInThread posts the introduction in a new private thread of the
// intro channel. A member who cannot be added (they left) does not stop
// the others: the introduction is posted, then EGONE is returned.
func (a *Adapter) introduceInThread(ctx context.Context, members []bot.MemberID, msg bot.Message) error {
	out, err := renderMessage(msg, members[0].Workspace, true)
	if err != nil {
		return bot.Wrap(bot.EINTERNAL, err, "render introduction")
	}
	thread, err := a.rest.ThreadStartComplex(a.cfg.IntroChannelID, &discordgo.ThreadStart{
		Name: threadName(msg.Title), Type: discordgo.ChannelTypeGuildPrivateThread,
		AutoArchiveDuration: 10080, // a week: long enough to agree on a first meeting
		Invitable:           false,
	}, discordgo.WithContext(ctx))
	if err != nil {
		return coded(err, "start thread")
	}
	var gone error
	for _, m := range members {
		if err := a.rest.ThreadMemberAdd(thread.ID, m.User, discordgo.WithContext(ctx)); err != nil {
			if bot.ErrorCode(coded(err, "")) != bot.EGONE {
				return coded(err, "add thread member")
			}
			gone = coded(err, "add thread member")
		}
	}
	if err := a.post(ctx, thread.ID, out); err != nil {
		return coded(err, "post introduction")
	}
	return gone
}

// threadName names the introduction thread after the message title,
// within Discord's 100 characters and on one line.
func threadName(title string) string {
	name := strings.Join(strings.Fields(title), " ")
	if name == "" {
		name = text(bot.English, "thread")
	}
	return clip(name, 100)
}

// Post implements bot.Poster: a message in a channel of the server, such
// as the managers' channel. The channel may be written as a mention
// (<#123>), the way Discord pastes it.
func (a *Adapter) Post(ctx context.Context, t bot.Tenant, channel string, msg bot.Message) error {
	channel = strings.TrimSuffix(strings.TrimPrefix(channel, "<#"), ">")
	if t.Platform != Platform || !isSnowflake(t.Workspace) || !isSnowflake(channel) {
		return &bot.Error{Code: bot.EINVALID, Err: errors.New("not a Discord channel of " + t.String())}
	}
	out, err := renderMessage(msg, t.Workspace, false)
	if err != nil {
		return bot.Wrap(bot.EINTERNAL, err, "render message")
	}
	return coded(a.post(ctx, channel, out), "post in channel")
}

// post sends a rendered message to a channel.
func (a *Adapter) post(ctx context.Context, channel string, out rendered) error {
	_, err := a.rest.ChannelMessageSendComplex(channel, &discordgo.MessageSend{
		Content: out.Content, Embeds: out.Embeds, Components: out.Components, AllowedMentions: out.Mentions,
	}, discordgo.WithContext(ctx))
	return err
}

// dmChannel returns the DM channel with a user, opening it once: the
// channel of a bot and a user never changes.
func (a *Adapter) dmChannel(ctx context.Context, user string) (string, error) {
	if id, ok := a.dms.Load(user); ok {
		return id.(string), nil
	}
	ch, err := a.rest.UserChannelCreate(user, discordgo.WithContext(ctx))
	if err != nil {
		return "", err
	}
	a.dms.Store(user, ch.ID)
	return ch.ID, nil
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
	m, err := a.rest.GuildMember(id.Workspace, id.User, discordgo.WithContext(ctx))
	if err != nil {
		return bot.Profile{}, coded(err, "get member")
	}
	if m.User == nil {
		return bot.Profile{Name: m.Nick}, nil
	}
	return bot.Profile{Name: m.DisplayName()}, nil
}

// checkMember refuses IDs that are not Discord members of a server.
func checkMember(id bot.MemberID) error {
	if id.Platform != Platform || !isSnowflake(id.User) || !isSnowflake(id.Workspace) {
		return &bot.Error{Code: bot.EGONE, Err: errors.New("not a Discord member: " + id.String())}
	}
	return nil
}

// closedDMs remembers members whose DMs were found closed, so that the
// next time they run a command in the server they are told how to open
// them. It is bounded: when full it forgets everyone, which only costs
// a reminder.
type closedDMs struct {
	mu sync.Mutex
	m  map[bot.MemberID]struct{}
}

const maxClosedDMs = 10000

func (c *closedDMs) add(id bot.MemberID) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || len(c.m) >= maxClosedDMs {
		c.m = map[bot.MemberID]struct{}{}
	}
	c.m[id] = struct{}{}
}

func (c *closedDMs) remove(id bot.MemberID) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.m, id)
}

// pop reports whether id was remembered, and forgets it.
func (c *closedDMs) pop(id bot.MemberID) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	_, ok := c.m[id]
	delete(c.m, id)
	return ok
}
