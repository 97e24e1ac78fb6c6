package discord

import (
	"context"
	"sync"

	"github.com/bwmarrin/discordgo"
	"github.com/mentorbot/mentorbot/bot"
)

// Send implements bot.Platform: a DM to one member, with its buttons.
// EGONE when the member cannot be DMed (error 50007: DMs closed, or the
// bot blocked) or is unknown; EUNAVAILABLE when Discord is down after
// retries, when its REST lane is full, or when a 429's Retry-After would
// outlive ctx (call.go): the message was not sent, and the core sends it
// again later.
func (a *Adapter) Send(ctx context.Context, to bot.MemberID, msg bot.Message) error {
	return a.sendDM(ctx, to, msg, nil)
}

// SendFile implements bot.Uploader: a DM with a file attached (an export).
func (a *Adapter) SendFile(ctx context.Context, to bot.MemberID, f bot.File, msg bot.Message) error {
	return a.sendDM(ctx, to, msg, &f)
}

// sendDM sends msg, with f when not nil, to the member's DM channel, and
// remembers whether their DMs are open.
func (a *Adapter) sendDM(ctx context.Context, to bot.MemberID, msg bot.Message, f *bot.File) error {
	if err := checkMember(to); err != nil {
		return err
	}
	out, err := renderMessage(msg, to.Workspace, false, a.readerLang(ctx, to, msg))
	if err != nil {
		return bot.Wrap(bot.EINTERNAL, err, "render message")
	}
	channel, err := a.dmChannel(ctx, to.User)
	if err != nil {
		return coded(err, "open DM")
	}
	err = a.post(ctx, channel, out, f)
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

// dmChannel returns the DM channel with a user, opening it once: the
// channel of a bot and a user never changes.
func (a *Adapter) dmChannel(ctx context.Context, user string) (string, error) {
	if id, ok := a.dms.Load(user); ok {
		return id.(string), nil
	}
	ch, err := a.openDM(ctx, user)
	if err != nil {
		return "", err
	}
	a.dms.Store(user, ch.ID)
	return ch.ID, nil
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

// retractLookback is how many of a DM's latest messages Retract reads:
// a proposal is answered, withdrawn or expired within days, and a member
// gets few DMs in that time.
const retractLookback = 50

// Retract implements bot.Retracter: the DM whose buttons carry the tag
// of key (renderButtons), found among the DM's latest messages, is
// replaced by msg, its buttons gone. ENOTFOUND when it is not among them
// (deleted, too old, or sent before buttons were tagged).
func (a *Adapter) Retract(ctx context.Context, to bot.MemberID, key string, msg bot.Message) error {
	if err := checkMember(to); err != nil {
		return err
	}
	channel, err := a.dmChannel(ctx, to.User)
	if err != nil {
		return coded(err, "open DM")
	}
	var latest []*discordgo.Message
	err = a.restCall(ctx, "read", func(opt discordgo.RequestOption) error {
		var err error
		latest, err = a.rest.ChannelMessages(channel, retractLookback, "", "", "", opt)
		return err
	})
	if err != nil {
		return coded(err, "read DM")
	}
	tag := deliveryTag(key)
	for _, m := range latest {
		if carriesTag(m, tag) {
			msg.Delivery = ""
			return a.Edit(ctx, to, channel+"/"+m.ID, msg)
		}
	}
	return bot.Errorf(bot.ENOTFOUND, "err.unknown_button")
}

var _ bot.Retracter = (*Adapter)(nil)
