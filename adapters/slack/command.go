package slack

import (
	"context"
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
	if a.refuseUninstalled(who) {
		// Told in the ack itself: nothing to send it with.
		return inlineReply(to, a.notInstalledReply(who))
	}
	// The locale comes from the profile cache only: looking a newcomer up
	// in users.info here would cost every first command a Web API call
	// before the core can even start; the core looks them up itself when
	// it records them, which fills the cache. A form is answered before
	// the core records anyone: runCommand looks its member up then
	// (formInLocale).
	cmd := bot.Command{Member: who, Text: a.commandText(c.Text), Locale: a.cachedLocale(who), Forms: c.TriggerID != "", Delivery: key}
	// Kept in Redis before the ack, as a click is: if this replica dies
	// before the command is handled, another replica redelivers it. The
	// kept copy asks for no form, its trigger_id being long dead by then.
	kept := cmd
	kept.Forms = false
	fresh, isKept := a.receive(c.TeamID, inbound{Key: key, Command: &kept, ResponseURL: c.ResponseURL})
	if !fresh {
		return nil // a replay: acked and dropped
	}
	var ack *handoff[*inline]
	if a.opt.InlineBudget > 0 {
		ack = newHandoff[*inline]()
	}
	err := a.jobs.start(func(ctx context.Context) {
		a.runCommand(ctx, cmd, c.TriggerID, to, ack, key, isKept)
	})
	if err == errBusy {
		// The answer travels in the ack itself: telling the member costs
		// no outbound call. A kept command is redelivered when its kept
		// copy falls due (MENTORBOT_JOB_LEASE), and the member is told so.
		a.log.Warn("slack: command deferred: busy", "member", who.String(), "kept", isKept)
		return inlineReply(to, a.busy(who, isKept))
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
// waiting ack if it takes it, else through response_url. Once the core
// has handled it, the command kept under key is forgotten, before its
// reply goes out (handled). A command that
// answers with a form opens it as a modal; if Slack will not open it (the
// trigger expired), the person gets the command's help instead, to type
// it out. A command cut short by the replica's shutdown, and kept, is
// left for another replica (leftForRedelivery).
func (a *Adapter) runCommand(ctx context.Context, cmd bot.Command, triggerID string, to replyTo, ack *handoff[*inline], key string, kept bool) {
	// Only a managers' command, as the core reads it, costs the
	// users.info call that says whether Slack makes the member an admin.
	if bot.NeedsAdmin(cmd) {
		cmd.IsAdmin = a.isAdmin(ctx, to.member)
	}
	r := a.h.HandleCommand(ctx, cmd)
	if kept && a.leftForRedelivery(ctx, to.member, key) {
		ack.give(nil)
		return
	}
	to = a.handled(ctx, to, key, kept)
	if r.Form == nil {
		var in *inline
		if ack != nil {
			in = inlineReply(to, r)
		}
		// give(nil) lets an ack go empty at once when the reply cannot
		// travel in it.
		if ack.give(in) && in != nil {
			return // the reply is in the ack
		}
		a.reply(ctx, to, r)
		return
	}
	ack.give(nil)
	cmd, r, lang := a.formInLocale(ctx, cmd, r)
	err := a.openForm(ctx, to.member.Workspace, triggerID, *r.Form, formMeta{Command: r.Form.Command, ResponseURL: to.responseURL, Lang: lang})
	if a.settled(to, "views.open", err) {
		return
	}
	a.log.Warn("slack: views.open failed", "member", to.member.String(), "code", string(bot.ErrorCode(err)), "err", err)
	r = a.h.HandleCommand(ctx, bot.Command{Member: to.member, Text: "help " + r.Form.Command, Locale: cmd.Locale})
	a.reply(ctx, to, r)
}

// formInLocale makes sure the form r, the core's answer to cmd, is in
// the member's language, and returns the command as answered, the form
// and the language the submission is to read it in (formMeta.Lang).
//
// The core renders a form before it records the member (it records them
// when the form is submitted), so for a member it has no record of it
// knows no language but cmd.Locale's, which comes from the profile
// cache only (onCommand): a member who joined Slack after the last read
// of the directory, or whose profile was dropped, would be shown the
// form, and its errors, in the workspace's default language. On such a
// cache miss the member's locale is looked up now (lookupLocale, bounded
// so that views.open still comes well within the trigger's 3 s), and
// the core, if it answered in another language, asked again with it:
// rendering a form writes nothing but the rate limit's count. If it then
// answers with no form (over the rate limit meanwhile), the first form
// opens as it is.
//
// The language goes with the form only when the core was asked with a
// locale it can read: then the form's language is the member's own (or
// the one their French command words chose), not a default that a
// failed lookup left.
func (a *Adapter) formInLocale(ctx context.Context, cmd bot.Command, r bot.Reply) (bot.Command, bot.Reply, bot.Lang) {
	if cmd.Locale == "" {
		locale := a.lookupLocale(ctx, cmd.Member)
		lang, ok := bot.ParseLang(locale)
		if !ok {
			return cmd, r, ""
		}
		cmd.Locale = locale
		if lang != r.Lang {
			again := a.h.HandleCommand(ctx, cmd)
			if again.Form == nil {
				return cmd, r, ""
			}
			r = again
		}
	}
	if _, ok := bot.ParseLang(cmd.Locale); !ok {
		return cmd, r, ""
	}
	return cmd, r, r.Lang
}

// openForm opens a form as a modal with views.open, in team. A views.open
// of unknown outcome (outcome.go) is not tried again: the modal may be
// open.
func (a *Adapter) openForm(ctx context.Context, team, triggerID string, f bot.Form, meta formMeta) error {
	ctx, cancel := context.WithTimeout(ctx, formOpenTimeout)
	defer cancel()
	api, err := a.clientOf(ctx, team)
	if err != nil {
		return err
	}
	meta.Fixed = f.Fixed
	view := renderModal(f, meta)
	return call(ctx, a.opt.Retry, "views.open", once(func(ctx context.Context) error {
		_, err := api.OpenViewContext(ctx, triggerID, view)
		return err
	}))
}
