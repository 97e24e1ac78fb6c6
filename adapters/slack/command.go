package slack

import (
	"context"
	"strings"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/slack-go/slack"
)

// formOpenTimeout bounds views.open: a trigger_id dies 3 s after the
// command anyway.
const formOpenTimeout = 2500 * time.Millisecond

// onCommand acknowledges a slash command, over HTTP or Socket Mode
// alike, and runs it on a job of its own, whose context outlives the ack.
// When every job slot is taken, the ack says the bot is busy, in the
// member's language, and the command does not run.
// The ack waits for the core up to Options.InlineBudget, counted from
// received: a plain reply that comes in time travels in the ack (the
// returned inline); otherwise the ack is empty and the reply follows
// through response_url. A form never waits: the ack leaves as soon as the
// core asks for one, and views.open follows. Nothing before the ack waits
// longer than the budget on Redis or on Slack.
//
// key names the delivery (deliveryKey): a replay of it is acked and
// dropped.
func (a *Adapter) onCommand(c slack.SlashCommand, received time.Time, key string) *inline {
	who := member(c.TeamID, c.UserID)
	to := replyTo{member: who, responseURL: c.ResponseURL}
	var ack *handoff[*inline]
	if a.opt.InlineBudget > 0 {
		ack = newHandoff[*inline]()
	}
	err := a.jobs.start(func(ctx context.Context) {
		if !a.firstDelivery(ctx, c.TeamID, key) {
			ack.give(nil)
			return
		}
		a.runCommand(ctx, c, to, ack)
	})
	if err == errBusy {
		// The answer travels in the ack itself: telling the member costs
		// no outbound call, and nothing was done.
		a.log.Warn("slack: command refused: busy", "member", who.String())
		return inlineReply(to, a.busy(who))
	}
	if err != nil {
		a.log.Warn("slack: command refused while closing", "member", who.String())
		return nil
	}
	if ack == nil {
		return nil
	}
	in, _ := ack.take(a.opt.InlineBudget - time.Since(received))
	return in
}

// runCommand hands the command to the core and delivers its reply: to the
// waiting ack if it takes it, else through response_url. A command that
// answers with a form opens it as a modal; if Slack will not open it (the
// trigger expired), the person gets the command's help instead, to type
// it out.
func (a *Adapter) runCommand(ctx context.Context, c slack.SlashCommand, to replyTo, ack *handoff[*inline]) {
	// The locale comes from the profile cache only: looking a newcomer up
	// in users.info here would cost every first command a Web API call
	// before the core can even start; the core looks them up itself when
	// it records them, which fills the cache.
	locale := a.cachedLocale(to.member)
	text := unescapeText(c.Text)
	cmd := bot.Command{Member: to.member, Text: text, Locale: locale, Forms: c.TriggerID != ""}
	if isAdminCommand(text) {
		cmd.IsAdmin = a.isAdmin(ctx, to.member)
	}
	r := a.h.HandleCommand(ctx, cmd)
	if r.Form == nil {
		var in *inline
		if ack != nil {
			in = inlineReply(to, r)
		}
		// give(nil) lets an ack go empty at once when the reply cannot
		// travel in it.
		if ack.give(in) && in != nil {
			return
		}
		a.reply(ctx, to, r)
		return
	}
	ack.give(nil)
	err := a.openForm(ctx, c.TriggerID, *r.Form, formMeta{Command: r.Form.Command, ResponseURL: c.ResponseURL})
	if err == nil {
		return
	}
	a.log.Warn("slack: views.open failed", "member", to.member.String(), "code", string(bot.ErrorCode(err)), "err", err)
	r = a.h.HandleCommand(ctx, bot.Command{Member: to.member, Text: "help " + r.Form.Command, Locale: locale})
	a.reply(ctx, to, r)
}

// isAdminCommand reports whether a command's text (or a form's command
// name) is a managers' command: only those need to know whether Slack
// makes the member a workspace admin, which costs a users.info call.
func isAdminCommand(text string) bool {
	w := strings.Fields(strings.TrimPrefix(strings.TrimSpace(text), "/mentor"))
	switch {
	case len(w) > 0 && strings.EqualFold(w[0], "admin"):
		return true
	case len(w) > 1 && strings.EqualFold(w[0], "help"):
		// "help admin" shows the managers' help to managers only.
		return strings.EqualFold(w[1], "admin")
	}
	return false
}

// openForm opens a form as a modal with views.open.
func (a *Adapter) openForm(ctx context.Context, triggerID string, f bot.Form, meta formMeta) error {
	ctx, cancel := context.WithTimeout(ctx, formOpenTimeout)
	defer cancel()
	view := renderModal(f, meta)
	return call(ctx, a.opt.Retry, "views.open", func(ctx context.Context) error {
		_, err := a.api.OpenViewContext(ctx, triggerID, view)
		return err
	})
}
