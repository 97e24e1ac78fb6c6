package slack

import (
	"context"
	"errors"
	"net/url"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/slack-go/slack"
)

// replyTo says where the answer to one person's command or click goes.
type replyTo struct {
	member      bot.MemberID
	responseURL string // the command's or the click's; "" for none
	// channel and ts locate the clicked message, for Reply.Replace.
	channel, ts string
	// keep, if set, runs when Slack certainly took the reply by no way:
	// it keeps the reply in Redis for another try, and reports whether
	// it did (inbox.go, keepReply).
	keep func(r bot.Reply) bool
	// done, if set, runs once the reply is settled: Slack took it, or may
	// have (keepInPlace forgets the reply kept in Redis then).
	done func()
}

// reply hands what the person who acted should see to the outbound lanes
// (outbound.go) and returns: the job that computed it frees its slot
// without waiting for Slack. A Replace reply replaces the clicked message
// (chat.update, else response_url with replace_original), so that its
// buttons disappear. Any other reply is ephemeral, through response_url,
// and never touches the clicked message. When Slack certainly refuses
// both, or the response_url lane is full, the reply goes as a DM; when
// the DM fails too, it is kept for another try (to.keep): nothing owed is
// dropped. A send whose outcome is unknown (outcome.go) ends there: it
// counts as delivered, and no other way is tried. Only a full Web API
// lane makes reply wait, up to ctx (the job's), never an ack.
func (a *Adapter) reply(ctx context.Context, to replyTo, r bot.Reply) {
	if r.Replace && to.channel != "" && to.ts != "" {
		a.toWebAPI(ctx, to, r, func(ctx context.Context) {
			err := a.updateOnce(ctx, to.member.Workspace, to.channel, to.ts, r.Message)
			if a.settled(to, "chat.update", err) {
				return
			}
			a.log.Warn("slack: chat.update failed", "member", to.member.String(), "channel", to.channel, "code", string(bot.ErrorCode(err)), "err", err)
			a.toResponseURL(ctx, to, r)
		})
		return
	}
	a.toResponseURL(ctx, to, r)
}

// toResponseURL queues r for the response_url lane, or for a DM when
// there is no response_url or its lane is full.
func (a *Adapter) toResponseURL(ctx context.Context, to replyTo, r bot.Reply) {
	if to.responseURL == "" {
		a.dm(ctx, to, r)
		return
	}
	queued := a.out.hooks.try(func(ctx context.Context) {
		err := a.respond(ctx, to.responseURL, r.Message, r.Replace)
		if a.settled(to, "response_url", err) {
			return
		}
		a.log.Warn("slack: response_url failed", "member", to.member.String(), "code", string(bot.ErrorCode(err)), "err", err)
		// A fresh wait for the other lane: this task's deadline is spent.
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), a.opt.Outbound.WebAPITimeout)
		defer cancel()
		a.dm(ctx, to, r)
	})
	if !queued {
		a.log.Warn("slack: response_url lane full; reply sent as a DM", "member", to.member.String())
		a.dm(ctx, to, r)
	}
}

// dm queues r as a DM on the Web API lane.
func (a *Adapter) dm(ctx context.Context, to replyTo, r bot.Reply) {
	a.toWebAPI(ctx, to, r, func(ctx context.Context) {
		err := a.replyDM(ctx, to.member, r.Message)
		if !a.settled(to, "chat.postMessage", err) {
			a.notTaken(to, r, err)
		}
	})
}

// toWebAPI queues task on the Web API lane, waiting for room up to ctx.
// A reply that finds no room was not taken.
func (a *Adapter) toWebAPI(ctx context.Context, to replyTo, r bot.Reply, task func(ctx context.Context)) {
	if !a.out.webAPI.submit(ctx, task) {
		a.notTaken(to, r, errLaneClosed)
	}
}

// settled reports whether a send of a reply (via a method) is over: the
// reply went out, or the send's outcome is unknown (Slack may have taken
// it), which counts as delivered, is logged, and is never sent again, by
// another way or another replica: a member would rather miss one reply
// than read it twice. false: Slack certainly did not take it, and the
// caller tries the next way.
func (a *Adapter) settled(to replyTo, via string, err error) bool {
	if err != nil && !outcomeUnknown(err) {
		return false
	}
	if err != nil {
		a.log.Warn("slack: reply outcome unknown; not repeated", "member", to.member.String(), "via", via, "code", string(bot.ErrorCode(err)), "err", err)
	}
	if to.done != nil {
		to.done()
	}
	return true
}

// notTaken handles a reply that Slack certainly took by no way: kept for
// another try if to.keep can, else lost (logged).
func (a *Adapter) notTaken(to replyTo, r bot.Reply, err error) {
	if to.keep != nil && to.keep(r) {
		a.log.Warn("slack: reply not taken; kept for another try", "member", to.member.String(), "code", string(bot.ErrorCode(err)), "err", err)
		return
	}
	a.log.Error("slack: reply lost", "member", to.member.String(), "code", string(bot.ErrorCode(err)), "err", err)
}

// respond posts to a response_url: ephemeral, or replacing the message
// that carried the clicked button.
func (a *Adapter) respond(ctx context.Context, responseURL string, msg bot.Message, replace bool) error {
	if u, err := url.Parse(responseURL); err != nil || (u.Scheme != "https" && u.Scheme != "http") {
		return bot.Wrap(bot.EINTERNAL, errBadResponseURL, "slack response_url")
	}
	blocks := renderBlocks(msg)
	wm := &slack.WebhookMessage{Text: fallbackText(msg), ReplaceOriginal: replace}
	if len(blocks) > 0 {
		wm.Blocks = &slack.Blocks{BlockSet: blocks}
	}
	if !replace {
		wm.ResponseType = slack.ResponseTypeEphemeral
	}
	return call(ctx, a.opt.Retry, "response_url", once(func(ctx context.Context) error {
		return redactURL(slack.PostWebhookCustomHTTPContext(ctx, responseURL, a.opt.HTTPClient, wm))
	}))
}

// redactURL keeps a response_url out of errors, and so out of logs: for
// 30 minutes it lets anyone post as the bot to the person who acted.
func redactURL(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return &url.Error{Op: ue.Op, URL: "response_url", Err: ue.Err}
	}
	return err
}

type constError string

func (e constError) Error() string { return string(e) }

const (
	errBadResponseURL = constError("not an http(s) URL")
	errLaneClosed     = constError("Web API lane full or closed")
)
