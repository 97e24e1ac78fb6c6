package slack

import (
	"context"
	"maps"
	"slices"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/slack-go/slack"
)

// onInteraction acknowledges a click or a modal submission and returns the
// ack's payload: none for a click, inline errors or none for a submission.
// key names the delivery (deliveryKey): a replay of it is acked and
// dropped.
func (a *Adapter) onInteraction(ic slack.InteractionCallback, key string) any {
	switch ic.Type {
	case slack.InteractionTypeBlockActions:
		a.onClick(ic, key)
	case slack.InteractionTypeViewSubmission:
		return a.onSubmit(ic, time.Now(), key)
	}
	// view_closed, shortcuts and the rest: nothing to do.
	return nil
}

// teamOf is the workspace an interaction happened in.
func teamOf(ic slack.InteractionCallback) string {
	if ic.Team.ID != "" {
		return ic.Team.ID
	}
	return ic.User.TeamID
}

// onClick runs a button click after the ack. The outcome replaces the
// clicked message (Reply.Replace) or is shown to the clicker alone; a
// stale, foreign or repeated click changes nothing and says so.
func (a *Adapter) onClick(ic slack.InteractionCallback, key string) {
	if len(ic.ActionCallback.BlockActions) == 0 || teamOf(ic) == "" || ic.User.ID == "" {
		return
	}
	act := ic.ActionCallback.BlockActions[0]
	who := member(teamOf(ic), ic.User.ID)
	to := replyTo{member: who, responseURL: ic.ResponseURL}
	// chat.update needs the message's channel and ts; an ephemeral message
	// has none that chat.update accepts, only the response_url.
	if !ic.Container.IsEphemeral {
		to.channel = firstOf(ic.Container.ChannelID, ic.Channel.ID)
		to.ts = firstOf(ic.Container.MessageTs, ic.Message.Timestamp)
	}
	if a.refuseUninstalled(who) {
		a.tellNotInstalled(who, to.responseURL)
		return
	}
	action := bot.Action{Member: who, ActionID: actionName(act.ActionID), Value: act.Value, Locale: a.cachedLocale(who)}
	if v, ok := menuValue(act); ok {
		action.Value = v
	}
	// Kept in Redis before the ack: if this replica dies before the click
	// is handled, or cannot start it, another replica redelivers it.
	in := inbound{Key: key, Action: &action, TriggerID: ic.TriggerID, ResponseURL: to.responseURL, Channel: to.channel, TS: to.ts}
	fresh, isKept := a.receive(who.Workspace, in)
	if !fresh {
		return
	}
	err := a.jobs.start(func(ctx context.Context) {
		if bot.IsAdminAction(action.ActionID) {
			action.IsAdmin = a.isAdmin(ctx, who)
		}
		a.runClick(ctx, action, ic.TriggerID, to, key, isKept)
	})
	switch err {
	case errBusy:
		// A kept click is redelivered when its kept copy falls due.
		a.log.Warn("slack: click deferred: busy", "member", who.String(), "kept", isKept)
		a.notifyBusy(replyTo{member: who, responseURL: to.responseURL}, isKept)
	case errClosing:
		a.log.Warn("slack: click refused while closing", "member", who.String())
	}
}

// runClick hands a click to the core and delivers its reply. A click that
// answers with a form (a survey comment, "Offer to mentor") opens it as a
// modal with the click's trigger_id; the reply's text, which tells how to
// do without a form, is shown only if the modal cannot open. Once the core
// has handled it, the click kept under key is forgotten, before its reply
// goes out (handled): what is left, the reply, is a send.
func (a *Adapter) runClick(ctx context.Context, action bot.Action, triggerID string, to replyTo, key string, kept bool) {
	if action.Locale == "" {
		action.Locale = a.lookupLocale(ctx, action.Member)
	}
	r := a.h.HandleAction(ctx, action)
	if kept && a.leftForRedelivery(ctx, to.member, key) {
		return
	}
	if kept {
		if inPlace, ok := a.keepInPlace(ctx, to, key, r); ok {
			a.reply(ctx, inPlace, r)
			return
		}
	}
	to = a.handled(ctx, to, key, kept)
	if r.Form != nil && triggerID != "" {
		meta := formMeta{Command: r.Form.Command, ResponseURL: to.responseURL}
		if _, ok := bot.ParseLang(action.Locale); ok {
			meta.Lang = r.Lang // as formInLocale: the member's own
		}
		err := a.openForm(ctx, to.member.Workspace, triggerID, *r.Form, meta)
		if a.settled(to, "views.open", err) {
			return
		}
		a.log.Warn("slack: views.open failed", "member", to.member.String(), "code", string(bot.ErrorCode(err)), "err", err)
		r.Replace = false
	}
	a.reply(ctx, to, r)
}

// onSubmit runs a submitted form. Unlike a command it waits for the core,
// up to the ack budget counted from received, because inline errors
// (response_action: errors) can only travel in the ack. A reply without
// inline errors closes the modal and is posted ephemerally where the
// command was typed; so is everything that comes after the budget.
func (a *Adapter) onSubmit(ic slack.InteractionCallback, received time.Time, key string) any {
	meta, values, err := submittedForm(ic.View)
	if err != nil || teamOf(ic) == "" || ic.User.ID == "" {
		return nil
	}
	who := member(teamOf(ic), ic.User.ID)
	to := replyTo{member: who, responseURL: meta.ResponseURL}
	if a.refuseUninstalled(who) {
		a.tellNotInstalled(who, to.responseURL)
		return nil // closes the modal
	}
	// Read in the form's language: the core records a newcomer only
	// now, and answers their errors in the language it is told.
	cmd := bot.Command{Member: who, Name: meta.Command, Values: values, FromForm: true, Forms: true, Locale: meta.locale(a.cachedLocale(who)), Delivery: key}
	fresh, kept := a.receive(who.Workspace, inbound{Key: key, Command: &cmd, ResponseURL: meta.ResponseURL})
	if !fresh {
		return nil // a replay: closes the modal, as the first did
	}
	// Read before the job: the core may be handed values meanwhile.
	first := firstField(ic.View, values, meta.Fixed)
	h := newHandoff[bot.Reply]()
	err = a.jobs.start(func(ctx context.Context) {
		if bot.NeedsAdmin(cmd) {
			cmd.IsAdmin = a.isAdmin(ctx, who)
		}
		r := a.h.HandleCommand(ctx, cmd)
		if kept && a.leftForRedelivery(ctx, who, key) {
			h.give(bot.Reply{}) // the modal closes; the answer comes from another replica
			return
		}
		to := a.handled(ctx, to, key, kept)
		if !inlineErrors(r, values, meta.Fixed) {
			r.FieldErrors = nil
		}
		if r.FieldErrors == nil && first != "" && r.TryAgain {
			// Over the rate limit, or Redis unreachable: nothing was
			// done, so the modal stays open with the sentence under its
			// first field, as when busy, and what was typed is kept.
			r.FieldErrors = map[string]string{first: r.Message.Text}
		}
		if h.give(r) && r.FieldErrors != nil {
			return // the ack shows them in the modal
		}
		a.reply(ctx, to, bot.Reply{Message: r.Message})
	})
	switch err {
	case errBusy:
		// The modal stays open with the sentence under its first field:
		// the member submits again in a moment, nothing lost.
		a.log.Warn("slack: submission refused: busy", "member", who.String())
		a.refusedBusy(who, key)
		if name := firstField(ic.View, values, meta.Fixed); name != "" {
			return fieldErrors(map[string]string{name: busyIn(langOfLocale(meta.locale(a.cachedLocale(who))), false).Message.Text})
		}
		a.notifyBusy(to, false)
		return nil
	case errClosing:
		return nil
	}
	r, ok := h.take(a.opt.AckBudget - time.Since(received))
	if ok && r.FieldErrors != nil {
		return fieldErrors(r.FieldErrors)
	}
	return nil // closes the modal
}

// inlineErrors reports whether every field error of r names an input of
// the submitted form: Slack rejects errors on blocks it does not know,
// and the fixed values (formMeta.Fixed) have none: an error on one (the
// program an invitation's offer joins, closed meanwhile) is a reply.
func inlineErrors(r bot.Reply, values, fixed map[string]string) bool {
	if len(r.FieldErrors) == 0 {
		return false
	}
	for name := range r.FieldErrors {
		if !isInput(name, values, fixed) {
			return false
		}
	}
	return true
}

// isInput reports whether name is an input of the submitted form: a
// value the member typed, not a fixed one.
func isInput(name string, values, fixed map[string]string) bool {
	_, ok := values[name]
	_, isFixed := fixed[name]
	return ok && !isFixed
}

// firstField is the first input of a submitted form as the view shows
// it, else the first by name.
func firstField(v slack.View, values, fixed map[string]string) string {
	for _, b := range v.Blocks.BlockSet {
		if in, ok := b.(*slack.InputBlock); ok && isInput(in.BlockID, values, fixed) {
			return in.BlockID
		}
	}
	for _, name := range slices.Sorted(maps.Keys(values)) {
		if isInput(name, values, fixed) {
			return name
		}
	}
	return ""
}

func firstOf(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

// localeTimeout bounds the users.info call that finds the locale of a
// click's member, or of a command's that opens a form: either still has
// its trigger_id's 3 s for views.open.
const localeTimeout = 750 * time.Millisecond

// lookupLocale is the member's Slack locale for a click that came with
// none from the profile cache, or a command the core answered with a
// form (formInLocale). A command with a plain answer needs no such call:
// the core looks up a member it has no record of (bot.Directory) when it
// records them. A click it answers from its records alone, and a form
// before it records anyone, so that a member it has none of (never seen,
// or erased by forget) would be answered in the workspace's default
// language, where their next command is answered in theirs. The call is
// made after the ack, only on a cache miss (the directory's read fills
// the cache for every member), and fills the cache in turn. A failed
// lookup leaves it to the core's default, logged with IDs and the error
// code only.
func (a *Adapter) lookupLocale(ctx context.Context, id bot.MemberID) string {
	if l := a.cachedLocale(id); l != "" {
		return l
	}
	ctx, cancel := context.WithTimeout(ctx, localeTimeout)
	defer cancel()
	p, err := a.Profile(ctx, id)
	if err != nil {
		a.log.Info("slack: locale lookup failed", "member", id.String(), "code", string(bot.ErrorCode(err)))
		return ""
	}
	return p.Locale
}
