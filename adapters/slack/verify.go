package slack

import (
	"context"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/slack-go/slack"
)

// A DM that a job sends once carries its delivery key in the message's
// metadata (event type deliveryEvent). When the replica sending it died
// before recording that Slack took it, the retry asks Delivered, which
// looks for the key among the DM's latest messages (conversations.history,
// which needs the im:history scope): the message is sent again only if
// it is not there.

// deliveryEvent is the metadata event type of a message sent once.
const deliveryEvent = "mentorbot_delivery"

// deliveryLookback is how many of a DM's latest messages Delivered reads:
// the dead replica's send came at most a job lease ago, and a member gets
// few DMs in that time.
const deliveryLookback = 50

func deliveryMetadata(key string) slack.SlackMetadata {
	return slack.SlackMetadata{EventType: deliveryEvent, EventPayload: map[string]any{"key": key}}
}

// Delivered implements bot.Verifier.
func (a *Adapter) Delivered(ctx context.Context, to bot.MemberID, key string) (bool, error) {
	_, ts, err := a.findDelivered(ctx, to, key)
	return ts != "", err
}

// Retract implements bot.Retracter: the DM tagged key, found as
// Delivered finds it, is replaced by msg (chat.update), its buttons gone.
// ENOTFOUND when it is not among the DM's latest messages.
func (a *Adapter) Retract(ctx context.Context, to bot.MemberID, key string, msg bot.Message) error {
	channel, ts, err := a.findDelivered(ctx, to, key)
	if err != nil {
		return err
	}
	if ts == "" {
		return bot.Errorf(bot.ENOTFOUND, "err.unknown_button")
	}
	return a.update(ctx, to.Workspace, channel, ts, msg)
}

// findDelivered returns the DM channel of to and the ts of the message
// tagged key among its latest ones ("" if none).
func (a *Adapter) findDelivered(ctx context.Context, to bot.MemberID, key string) (channel, ts string, err error) {
	api, err := a.clientOf(ctx, to.Workspace)
	if err != nil {
		return "", "", err
	}
	channel, err = a.dmChannel(ctx, api, to)
	if err != nil {
		return "", "", err
	}
	ts, err = a.findIn(ctx, api, channel, key)
	return channel, ts, err
}

// DeliveredTogether implements bot.PairVerifier: Delivered for the
// members' group DM, where their introduction goes (Introduce). Reading
// it needs the mpim:history scope.
func (a *Adapter) DeliveredTogether(ctx context.Context, members []bot.MemberID, key string) (bool, error) {
	if len(members) < 2 {
		return false, nil
	}
	if err := checkMembers(members...); err != nil {
		return false, err
	}
	api, err := a.clientOf(ctx, members[0].Workspace)
	if err != nil {
		return false, err
	}
	users := make([]string, len(members))
	for i, m := range members {
		users[i] = m.User
	}
	channel, err := a.open(ctx, api, users)
	if err != nil {
		return false, err
	}
	ts, err := a.findIn(ctx, api, channel, key)
	return ts != "", err
}

// findIn returns the ts of the message tagged key among the channel's
// latest ones ("" if none).
func (a *Adapter) findIn(ctx context.Context, api webAPI, channel, key string) (string, error) {
	var h *slack.GetConversationHistoryResponse
	err := call(ctx, a.opt.Retry, "conversations.history", func(ctx context.Context) error {
		var err error
		h, err = api.GetConversationHistoryContext(ctx, &slack.GetConversationHistoryParameters{
			ChannelID: channel, Limit: deliveryLookback, IncludeAllMetadata: true,
		})
		return err
	})
	if err != nil {
		return "", err
	}
	for _, m := range h.Messages {
		if m.Metadata.EventType == deliveryEvent && m.Metadata.EventPayload["key"] == key {
			return m.Timestamp, nil
		}
	}
	return "", nil
}

var (
	_ bot.Verifier     = (*Adapter)(nil)
	_ bot.PairVerifier = (*Adapter)(nil)
	_ bot.Retracter    = (*Adapter)(nil)
)
