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
	api, err := a.clientOf(ctx, to.Workspace)
	if err != nil {
		return false, err
	}
	channel, err := a.dmChannel(ctx, api, to)
	if err != nil {
		return false, err
	}
	var h *slack.GetConversationHistoryResponse
	err = call(ctx, a.opt.Retry, "conversations.history", func(ctx context.Context) error {
		var err error
		h, err = api.GetConversationHistoryContext(ctx, &slack.GetConversationHistoryParameters{
			ChannelID: channel, Limit: deliveryLookback, IncludeAllMetadata: true,
		})
		return err
	})
	if err != nil {
		return false, err
	}
	for _, m := range h.Messages {
		if m.Metadata.EventType == deliveryEvent && m.Metadata.EventPayload["key"] == key {
			return true, nil
		}
	}
	return false, nil
}

var _ bot.Verifier = (*Adapter)(nil)
