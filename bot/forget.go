package bot

import (
	"context"
)

// Erasure at a member's word: /mentor forget asks "are you sure?", and
// "Yes, erase everything" erases. Leaving the workspace erases the same
// way, without asking (Forget, called by the adapters).
const (
	ActionForgetConfirm = "forget.confirm" // erases; the value is the language asked in
	ActionForgetKeep    = "forget.keep"    // keeps everything; the value is the language asked in
)

// forgetReason is Pair.EndReason for a pair ended because a member erased
// their data or left.
const forgetReason = "member-erased"

// runForget asks the member to confirm the erasure of their data.
func runForget(ctx context.Context, b *Bot, in *Invocation) (Reply, error) {
	if in.Newcomer {
		// No record, but maybe other traces (a manager's seat, answers).
		d, err := b.memberData(ctx, in.Member)
		if err != nil {
			return Reply{}, err
		}
		if d.Empty() {
			return Reply{Message: Message{Text: T(in.Lang, "forget.nothing")}}, nil
		}
	}
	return Reply{Message: Message{
		Title: T(in.Lang, "forget.confirm_title"),
		Text:  T(in.Lang, "forget.confirm"),
		Buttons: []Button{
			{Label: T(in.Lang, "btn.forget_confirm"), ActionID: ActionForgetConfirm, Value: string(in.Lang), Style: StyleDanger},
			{Label: T(in.Lang, "btn.forget_keep"), ActionID: ActionForgetKeep, Value: string(in.Lang)},
		},
	}}, nil
}

// forgetLang is the language to answer a click on the confirmation in.
// The member's language goes with their record, so a second click (a
// double click, or "No, keep my data" after "Yes") answers in the
// language the buttons were sent in, written on their value. Buttons
// sent before it was written there carry "me".
func forgetLang(ctx context.Context, b *Bot, who MemberID, lang Lang, value string) Lang {
	if _, err := b.store.members.GetMember(ctx, who); err == nil {
		return lang
	}
	if l, ok := ParseLang(value); ok {
		return l
	}
	return lang
}

// confirmForget is "Yes, erase everything". A button works once: clicked
// again when nothing is left to erase (a double click), it says the data
// is already erased, to the clicker alone (the message keeps "Done"), and
// runs no second erasure.
func confirmForget(ctx context.Context, b *Bot, who MemberID, lang Lang, value string) (Reply, error) {
	lang = forgetLang(ctx, b, who, lang, value)
	d, err := b.store.privacy.MemberData(ctx, who)
	if err != nil {
		return Reply{}, err
	}
	if d.Empty() {
		r := alreadyDone(T(lang, "forget.already"))
		r.Lang = lang
		return r, nil
	}
	if err := b.eraseMember(ctx, who, true); err != nil {
		return Reply{}, err
	}
	return Reply{Replace: true, Lang: lang, Message: Message{Text: T(lang, "forget.done")}}, nil
}

// keepData is "No, keep my data". Clicked after "Yes, erase everything",
// there is nothing left to keep, and it says so to the clicker alone: the
// message keeps saying what was erased.
func keepData(ctx context.Context, b *Bot, who MemberID, lang Lang, value string) (Reply, error) {
	lang = forgetLang(ctx, b, who, lang, value)
	d, err := b.store.privacy.MemberData(ctx, who)
	if err != nil {
		return Reply{}, err
	}
	if d.Empty() {
		r := alreadyDone(T(lang, "forget.nothing"))
		r.Lang = lang
		return r, nil
	}
	return Reply{Replace: true, Lang: lang, Message: Message{Text: T(lang, "forget.kept")}}, nil
}

// Forget erases everything personal the bot keeps about a member: their
// record, offer, requests, proposals, pairs, answers, testimonials (and
// the other members' testimonials that name them), charter acceptances
// and every mention of them. First it winds down what involves others, as
// if the member had said no: their pending proposals go to the next
// mentor, a pair waiting for its charter is cancelled (the other member
// is told, and a mentee's request goes back to the queue), and an active
// pair ends: the other member is told and asked whether they want a new
// match, and a meeting the pair agreed ahead is cancelled for them.
// Counters keep their numbers. Running it again is harmless.
//
// Forget is the erasure of a member who left the workspace (the
// adapters', ForgetLeavers', CounterpartLeft's): the other members read
// that they left it, and the member is sent nothing.
func (b *Bot) Forget(ctx context.Context, who MemberID) error {
	return b.eraseMember(ctx, who, false)
}

// eraseMember is Forget; asked says the member asked for it (/mentor
// forget's "Yes, erase everything"): the other members read that they
// left the program, and the member, still in the workspace, gets the
// cancellation of a meeting their pair agreed ahead too.
func (b *Bot) eraseMember(ctx context.Context, who MemberID, asked bool) error {
	d, err := b.store.privacy.MemberData(ctx, who)
	if err != nil {
		return err
	}
	e := Erasure{Member: who}
	if d.Member.Name != "" {
		e.Names = []string{d.Member.Name}
	}
	// What frees a slot or puts a request back is acted on only once the
	// member is erased, so that no proposal goes to or from them meanwhile.
	var after afterErase
	for _, p := range d.Pairs {
		if b.windDown(ctx, p, who, asked, &after) {
			e.Blank = append(e.Blank, p.ID)
		} else {
			e.Pairs = append(e.Pairs, p.ID)
		}
	}
	// After the pairs: a cancelled charter puts the member's request back.
	// The mentor it was proposed to is told, as /mentor cancel tells them,
	// before the proposal is erased (its button then no longer works).
	r, err := b.store.requests.CancelRequest(ctx, who, "")
	if err != nil && ErrorCode(err) != ENOTFOUND {
		return err
	}
	if err == nil {
		b.tellWithdrawn(ctx, r)
	}
	for _, p := range d.Proposals {
		switch {
		case p.State == ProposalPending && p.Mentor == who:
			if _, err := b.store.proposals.DeclineProposal(ctx, who.Tenant(), p.ID, who); err == nil {
				after.requests = append(after.requests, p.Request)
			}
		case p.State == ProposalPending:
			after.mentors = append(after.mentors, p.Mentor) // CancelRequest withdrew it
		}
		e.Proposals = append(e.Proposals, p.ID)
	}
	for _, r := range d.Requests {
		e.Requests = append(e.Requests, r.ID)
	}
	if err := b.eraseTestimonialsNaming(ctx, who, e.Names, d.Pairs); err != nil {
		return err
	}
	// Before the erasure: a partner of a speed-mentoring round is told
	// by name, and paired again.
	if err := b.speedForget(ctx, who); err != nil {
		return err
	}
	if err := b.store.privacy.Erase(ctx, e); err != nil {
		return err
	}
	b.log.Info("member erased", "member", who.String(), "pairs", len(e.Pairs)+len(e.Blank), "requests", len(e.Requests))
	for _, r := range after.requests {
		b.requeue(ctx, who.Tenant(), r)
	}
	for _, m := range after.mentors {
		b.freed(ctx, m)
	}
	return nil
}

// afterErase is what Forget does once the member is erased: propose
// the other members' requests again, and fill the mentors' freed slots.
type afterErase struct {
	requests []string
	mentors  []MemberID
}

// windDown ends a pair in progress of a member being erased, and reports
// whether the pair must be kept (blanked) for the other member's answer.
// The other member reads that the member left the workspace, or, asked,
// the program.
func (b *Bot) windDown(ctx context.Context, p Pair, who MemberID, asked bool, after *afterErase) (keep bool) {
	t, other := who.Tenant(), p.Other(who)
	left := func(key string) string {
		if asked {
			return "forget." + key
		}
		return platformKey(t, "forget.left_"+key)
	}
	switch p.State {
	case PairCharter:
		if _, err := b.store.pairs.DeclineCharter(ctx, t, p.ID, who, Outbox{}); err != nil {
			return false
		}
		_ = b.notify(ctx, other, func(l Lang) Message {
			return Message{Text: T(l, left("charter_"+p.Role(other)), "topic", p.Topic)}
		})
		if other == p.Mentee {
			after.requests = append(after.requests, p.Request)
		} else {
			after.mentors = append(after.mentors, other)
		}
		return false
	case PairActive:
		// A meeting agreed ahead is cancelled, as the end of a pair
		// cancels it (meeting_cancel.go). Its job goes first, for a
		// replica that dies before the erasure, which drops the pair's
		// jobs: after it, a cancellation the platform could not take is
		// kept as a notice (cancelGoneMeeting).
		agreed, ahead := b.agreedAhead(ctx, p)
		if ahead {
			if err := b.store.jobs.ScheduleJobs(ctx, t, false, cancelJob(p, agreed, cancelGone+p.Role(who), b.clock.Now())); err != nil {
				b.log.Warn("forget: cancellation job not scheduled", "pair", p.ID, "code", string(ErrorCode(err)))
			}
		}
		if _, err := b.store.pairs.EndPair(ctx, t, p.ID, PairCancelled, forgetReason, b.clock.Now().UTC()); err != nil {
			return false
		}
		if ahead {
			b.cancelGoneMeeting(ctx, p, agreed, who, asked)
		}
		b.record(ctx, Event{Kind: EventEnded, Member: p.Mentor, Other: p.Mentee, Ref: p.ID, Topic: p.Topic})
		role := p.Role(other)
		err := b.deliver(ctx, "ended:"+p.ID, other, func(l Lang) Message {
			return endedMessage(l, p, left("ended_"+role))
		})
		if err != nil {
			b.log.Error("forget: end not delivered", "pair", p.ID, "to", other.String(), "code", string(ErrorCode(err)))
		}
		if other == p.Mentor {
			after.mentors = append(after.mentors, other)
		}
		return true
	}
	return false
}

// Forgetter erases a member who left the workspace; *Bot is one. It is an
// optional part of what an adapter holds of the bot (type-asserted), so
// that adapters' test handlers need not implement it.
type Forgetter interface {
	Forget(ctx context.Context, id MemberID) error
}

var _ Forgetter = (*Bot)(nil)
