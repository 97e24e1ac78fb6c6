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
// ack could not be sent: nothing owed is dropped. It takes no job slot:
// the reply goes straight to the outbound lanes.
func (a *Adapter) undelivered(in *inline) {
	ctx, cancel := context.WithTimeout(context.Background(), a.opt.Outbound.WebAPITimeout)
	defer cancel()
	a.reply(ctx, in.to, in.reply)
}

// busy is the reply of a bot with no free job slot, in the member's
// language as far as the adapter knows it without asking Redis: their
// Slack locale, if cached.
func (a *Adapter) busy(who bot.MemberID, kept bool) bot.Reply {
	return busyIn(a.langOf(who), kept)
}

// busyIn is busy's reply in lang.
func busyIn(lang bot.Lang, kept bool) bot.Reply {
	key := "err.busy"
	if kept {
		key = "err.busy_kept"
	}
	return bot.Reply{Message: bot.Message{Text: bot.T(lang, key)}, Lang: lang}
}

// langOf is the member's language as far as the adapter knows it without
// asking Redis: their Slack locale, if cached, else English.
func (a *Adapter) langOf(who bot.MemberID) bot.Lang {
	return langOfLocale(a.cachedLocale(who))
}

// langOfLocale is the language of a Slack locale, else English.
func langOfLocale(locale string) bot.Lang {
	if lang, ok := bot.ParseLang(locale); ok {
		return lang
	}
	return bot.English
}

// notifyBusy tells a member whose click found no free job slot that the
// bot is busy. It never waits: the ack is on hold meanwhile. The notice
// goes through response_url if its lane has room, else as a DM if that
// lane has room, else nowhere (logged): the member sees their click did
// nothing and tries again.
func (a *Adapter) notifyBusy(to replyTo, kept bool) {
	r := a.busy(to.member, kept)
	if to.responseURL != "" && a.out.hooks.try(func(ctx context.Context) {
		if err := a.respond(ctx, to.responseURL, r.Message, false); err != nil {
			a.log.Warn("slack: busy notice lost", "member", to.member.String(), "code", string(bot.ErrorCode(err)))
		}
	}) {
		return
	}
	if !a.out.webAPI.try(func(ctx context.Context) {
		if err := a.Send(ctx, to.member, r.Message); err != nil {
			a.log.Warn("slack: busy notice lost", "member", to.member.String(), "code", string(bot.ErrorCode(err)))
		}
	}) {
		a.log.Warn("slack: busy notice dropped: lanes full", "member", to.member.String())
	}
}

// refusedBusy forgets a form kept before its ack (inbox.go)
// that was refused as busy: no replica should redeliver what the member
// was told did not happen. It runs in the background, off the ack.
func (a *Adapter) refusedBusy(who bot.MemberID, key string) {
	a.forgetLater(who, key)
}
