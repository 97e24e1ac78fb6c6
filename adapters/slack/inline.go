package slack

import (
	"context"
	"encoding/json"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/slack-go/slack"
)

// maxInlineAck bounds a reply carried in an ack, as JSON. Slack silently
// drops a Socket Mode response of 20 KB or more (slack-go refuses to send
// one), envelope included: 19 KB leaves room for the envelope. The HTTP
// ack keeps the same bound, so that both transports answer alike.
const maxInlineAck = 19 << 10

// inline is a command's reply that travels in its ack, and what is needed
// to deliver it otherwise if the ack cannot be sent.
type inline struct {
	body  json.RawMessage // the ack's payload
	to    replyTo
	reply bot.Reply
}

// inlineMessage is a slash command's answer in the ack: what response_url
// would get, ephemeral.
type inlineMessage struct {
	ResponseType string        `json:"response_type"`
	Text         string        `json:"text"`
	Blocks       []slack.Block `json:"blocks,omitempty"`
}

// inlineReply renders r as the payload of a command's ack, or returns nil
// if r cannot travel there: a form (views.open needs the Web API), a
// replacing reply (there is nothing to replace), or one too large.
func inlineReply(to replyTo, r bot.Reply) *inline {
	if r.Form != nil || r.Replace {
		return nil
	}
	b, err := json.Marshal(inlineMessage{ResponseType: slack.ResponseTypeEphemeral, Text: fallbackText(r.Message), Blocks: renderBlocks(r.Message)})
	if err != nil || len(b) > maxInlineAck {
		return nil
	}
	return &inline{body: b, to: to, reply: r}
}

// undelivered sends through response_url (or a DM) an inline reply whose
// ack could not be sent: nothing owed is dropped.
func (a *Adapter) undelivered(in *inline) {
	if !a.jobs.start(a.opt.AckBudget, func(ctx context.Context) { a.reply(ctx, in.to, in.reply) }) {
		a.log.Error("slack: reply lost while closing", "member", in.to.member.String())
	}
}
