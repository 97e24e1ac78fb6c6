package slack

import (
	"context"
	"errors"
	"net/url"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/slack-go/slack"
)

// replyTimeout bounds the delivery of one reply, apart from the work that
// produced it: a reply computed at the end of a slow job still goes out.
const replyTimeout = 20 * time.Second

// replyTo says where the answer to one person's command or click goes.
type replyTo struct {
	member      bot.MemberID
	responseURL string // the command's or the click's; "" for none
	// channel and ts locate the clicked message, for Reply.Replace.
	channel, ts string
}

// reply delivers what the person who acted should see. A Replace reply
// replaces the clicked message (chat.update, else response_url with
// replace_original), so that its buttons disappear. Any other reply is
// ephemeral, through response_url, and never touches the clicked message.
// When Slack refuses both, the reply goes as a DM: nothing owed is dropped.
func (a *Adapter) reply(ctx context.Context, to replyTo, r bot.Reply) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), replyTimeout)
	defer cancel()
	stop := context.AfterFunc(a.jobs.base, cancel) // a hard Close still ends it
	defer stop()
	if r.Replace && to.channel != "" && to.ts != "" {
		err := a.update(ctx, to.channel, to.ts, r.Message)
		if err == nil {
			return
		}
		a.log.Warn("slack: chat.update failed", "member", to.member.String(), "channel", to.channel, "code", string(bot.ErrorCode(err)), "err", err)
	}
	if to.responseURL != "" {
		err := a.respond(ctx, to.responseURL, r.Message, r.Replace)
		if err == nil {
			return
		}
		a.log.Warn("slack: response_url failed", "member", to.member.String(), "code", string(bot.ErrorCode(err)), "err", err)
	}
	if err := a.Send(ctx, to.member, r.Message); err != nil {
		a.log.Error("slack: reply lost", "member", to.member.String(), "code", string(bot.ErrorCode(err)), "err", err)
	}
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
	return call(ctx, a.opt.Retry, "response_url", func(ctx context.Context) error {
		return redactURL(slack.PostWebhookCustomHTTPContext(ctx, responseURL, a.opt.HTTPClient, wm))
	})
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

const errBadResponseURL = constError("not an http(s) URL")
