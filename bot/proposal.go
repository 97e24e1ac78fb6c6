package bot

import (
	"context"
)

// ProposalStore holds the transitions of a proposal to a mentor, and the
// history of who met whom that matching reads (matchmaker.go, proposal.go).
type ProposalStore interface {
	// Propose records a pending proposal for a waiting request, takes one
	// of the mentor's capacity slots (Pending) and schedules jobs, in one
	// step. ESTALE if the request is not waiting; ECAPACITY if the mentor's
	// Active plus Pending already reach their capacity (or they have no
	// offer). Nothing is written on an error. The check and the write are
	// one atomic step, so two replicas cannot both take the last slot.
	Propose(ctx context.Context, p Proposal, jobs []Job) error

	// GetProposal returns a proposal, or ENOTFOUND.
	GetProposal(ctx context.Context, t Tenant, id string) (Proposal, error)

	// AcceptProposal turns a pending proposal into a pair in the charter
	// state: the proposal's slot moves from Pending to Active. EFORBIDDEN if
	// by is not the proposal's mentor, ESTALE if the proposal is not
	// pending, ECAPACITY if Active already reaches the capacity (it was
	// lowered, or a manager paired the mentor, since the proposal): the
	// proposal then stays pending.
	// jobs are scheduled in the same step.
	AcceptProposal(ctx context.Context, t Tenant, id string, by MemberID, pair Pair, jobs []Job) (Pair, error)

	// DeclineProposal marks a pending proposal declined, frees its slot,
	// remembers that the mentor declined the request and puts the request
	// back to waiting (filed under its keys again).
	// EFORBIDDEN and ESTALE as for AcceptProposal.
	DeclineProposal(ctx context.Context, t Tenant, id string, by MemberID) (Proposal, error)

	// ReleaseProposal ends a pending proposal that could not reach its
	// mentor, who has not left (their direct messages are closed:
	// UnreachableNow): it becomes undelivered, its slot is freed and its
	// request waits again, filed under its keys. Unlike DeclineProposal,
	// the mentor is not counted as having declined the request: once they
	// can be written to, it may go to them. ESTALE if it is not pending.
	ReleaseProposal(ctx context.Context, t Tenant, id string) (Proposal, error)

	// ExpireProposal is DeclineProposal by the clock: the proposal becomes
	// expired. ESTALE if it is not pending. out is written in the same
	// step (only if the proposal expires).
	ExpireProposal(ctx context.Context, t Tenant, id string, out Outbox) (Proposal, error)

	// RememberPair records the verdict (VerdictMet or VerdictNever) on a
	// pairing of mentee with mentor, across requests; VerdictNever, once
	// recorded, is never replaced by VerdictMet.
	RememberPair(ctx context.Context, t Tenant, mentee, mentor string, verdict string) error

	// Histories returns, for each of users (as mentees) with a history, the
	// verdicts by mentor, in one round trip.
	Histories(ctx context.Context, t Tenant, users []string) (map[string]map[string]string, error)
}

// proposalMessage asks a mentor to take a request.
func proposalMessage(lang Lang, p Proposal, mentee Member) Message {
	fields := []Field{{Label: T(lang, "field.kind"), Value: T(lang, "kind."+string(p.Kind))}}
	if p.Goal != "" {
		fields = append(fields, Field{Label: T(lang, "field.goal"), Value: p.Goal})
	}
	fields = append(fields, Field{Label: T(lang, "field.why"), Value: reasonsText(lang, p.Reasons, "")})
	return Message{
		Title:    T(lang, "proposal.title", "topic", p.Topic),
		Text:     T(lang, "proposal.text", "mentee", mentee.displayName(), "topic", p.Topic),
		Fields:   fields,
		Mentions: []MemberID{p.Mentee},
		Buttons: []Button{
			{Label: T(lang, "btn.accept"), ActionID: ActionProposalAccept, Value: p.ID, Style: StylePrimary},
			{Label: T(lang, "btn.decline"), ActionID: ActionProposalDecline, Value: p.ID, Style: StyleDanger},
		},
	}
}

// acceptProposal forms a pair; both members then get the charter.
func acceptProposal(ctx context.Context, b *Bot, who MemberID, lang Lang, id string) (Reply, error) {
	t := who.Tenant()
	room, err := b.newRoom(ctx, t)
	if err != nil {
		return Reply{}, err
	}
	// The pair takes its proposal's ID: one record can then answer for
	// both, and a store need not keep the accepted proposal apart.
	tmpl := Pair{ID: id, Room: room, Created: b.clock.Now().UTC()}
	pair, err := b.store.proposals.AcceptProposal(ctx, t, id, who, tmpl, charterJobs(b.settings(ctx, t), tmpl))
	if err != nil {
		return Reply{}, proposalError(ctx, b, t, id, err)
	}
	b.recordAccepted(ctx, pair)
	mentee, _ := b.member(ctx, pair.Mentee)
	mentor, _ := b.member(ctx, pair.Mentor)
	plan := b.charterPlan(ctx, pair)
	_ = b.notify(ctx, pair.Mentee, func(l Lang) Message {
		return Message{Text: T(l, "mentee.accepted", "mentor", mentor.displayName(), "topic", pair.Topic) + " " + charterStep(l, pair, plan, pair.Mentee, mentor.displayName()), Mentions: []MemberID{pair.Mentor}}
	})
	b.startCharter(ctx, pair, plan)
	return Reply{Replace: true, Message: Message{Text: T(lang, "proposal.accepted", "mentee", mentee.displayName(), "topic", pair.Topic) + " " + charterStep(lang, pair, plan, pair.Mentor, mentee.displayName())}}, nil
}

// declineProposal passes the request to the next best mentor.
func declineProposal(ctx context.Context, b *Bot, who MemberID, lang Lang, id string) (Reply, error) {
	t := who.Tenant()
	p, err := b.store.proposals.DeclineProposal(ctx, t, id, who)
	if err != nil {
		return Reply{}, proposalError(ctx, b, t, id, err)
	}
	b.record(ctx, Event{Kind: EventDeclined, Member: p.Mentor, Other: p.Mentee, Ref: p.ID, Topic: p.Topic})
	b.remember(ctx, p.Mentee, p.Mentor, VerdictNever)
	b.requeue(ctx, t, p.Request)
	b.freed(ctx, p.Mentor)
	return Reply{Replace: true, Message: Message{Text: T(lang, "proposal.declined", "topic", p.Topic)}}, nil
}

// recordAccepted counts a pair formed from an accepted proposal (see
// recordFormed).
func (b *Bot) recordAccepted(ctx context.Context, pair Pair) {
	b.record(ctx, Event{Kind: EventAccepted, Member: pair.Mentor, Other: pair.Mentee, Ref: pair.ID, Topic: pair.Topic})
	b.recordFormed(ctx, pair)
}

// recordFormed counts what any new pair means: a returning mentor, one
// who takes a new mentee after finishing with one. The request counts as
// matched (fairness) only once the pair is introduced (introduce): a pair
// whose charter is declined or times out sends its request back to wait.
func (b *Bot) recordFormed(ctx context.Context, pair Pair) {
	pairs, err := b.store.pairs.PairsOf(ctx, pair.Mentor)
	if err != nil {
		return
	}
	for _, p := range pairs {
		if p.ID != pair.ID && p.Mentor == pair.Mentor && p.State == PairCompleted {
			b.record(ctx, Event{Kind: EventReturned, Member: pair.Mentor, Ref: pair.ID})
			return
		}
	}
}

// requeue proposes a waiting request to the next mentor, telling the mentee
// when nobody is left. A request from before the topic indexes is filed
// under its keys here, as it comes back to waiting.
func (b *Bot) requeue(ctx context.Context, t Tenant, requestID string) {
	b.requeueTelling(ctx, t, requestID, true)
}

// requeueTelling is requeue; with tell false the mentee is not told that
// the request waits (they have just been told why, in their own reply).
func (b *Bot) requeueTelling(ctx context.Context, t Tenant, requestID string, tell bool) {
	b.requeueAfter(ctx, t, requestID, tell, "")
}

// requeueAfter is requeueTelling after the proposal of the request to the
// mentor unreachable ("" for none) was closed because it could not be
// sent to them: the mentee's notice says so (proposeNextAfter).
func (b *Bot) requeueAfter(ctx context.Context, t Tenant, requestID string, tell bool, unreachable string) {
	r, mentee, res, ok := b.proposeAgainAfter(ctx, t, requestID, unreachable)
	if ok && !res.proposed && res.paused == nil && tell {
		// Why it waits, as a charter cancelled tells it (requeued.waiting).
		q := requeued{r: r, mentee: mentee, res: res, ok: ok, full: b.gapFull(ctx, r, mentee, res.gap)}
		_ = b.notify(ctx, r.Mentee, func(l Lang) Message { return q.waiting(l, T(l, "mentee.waiting", "topic", r.Topic)) })
	}
}

// proposeAgain proposes a request that went back to waiting to the next
// mentor who fits; false when it no longer waits or could not be
// proposed (logged).
func (b *Bot) proposeAgain(ctx context.Context, t Tenant, requestID string) (Request, Member, proposeResult, bool) {
	return b.proposeAgainAfter(ctx, t, requestID, "")
}

// proposeAgainAfter is proposeAgain with proposeNextAfter's unreachable.
func (b *Bot) proposeAgainAfter(ctx context.Context, t Tenant, requestID, unreachable string) (Request, Member, proposeResult, bool) {
	r, err := b.store.requests.GetRequest(ctx, t, requestID)
	if err != nil || r.State != RequestWaiting {
		return r, Member{}, proposeResult{}, false
	}
	r = b.filed(ctx, r)
	mentee, err := b.member(ctx, r.Mentee)
	if err != nil {
		b.log.Error("requeue failed", "request", r.ID, "err", err)
		return r, mentee, proposeResult{}, false
	}
	res, err := b.proposeNextAfter(ctx, r, mentee, unreachable)
	if err != nil {
		b.log.Error("requeue failed", "request", r.ID, "err", err)
		return r, mentee, res, false
	}
	return r, mentee, res, true
}

// requeueExpired is requeue after a proposal expired: the mentee is told,
// once (the job's delivery mark), in one message, that the mentor could
// not answer in time and what came of it: another mentor asked, or the
// wait and its reason. An error is returned for the job to retry: a
// retry that finds the request proposed already (this job proposed it,
// then died) still tells the mentee.
func (b *Bot) requeueExpired(ctx context.Context, t Tenant, j Job) error {
	r, err := b.store.requests.GetRequest(ctx, t, j.Part(0))
	if err != nil {
		return ignoreGone(err)
	}
	var res proposeResult
	mentee := Member{ID: r.Mentee}
	switch r.State {
	case RequestProposed:
		res.proposed = true
	case RequestWaiting:
		r = b.filed(ctx, r)
		if mentee, err = b.member(ctx, r.Mentee); err != nil {
			return err
		}
		if res, err = b.proposeNext(ctx, r, mentee); err != nil {
			return err
		}
	default:
		return nil // paired, cancelled: nothing to say about the wait
	}
	return b.deliver(ctx, j.ID, r.Mentee, func(l Lang) Message {
		switch {
		case res.proposed:
			return Message{Text: T(l, "proposal.expired_mentee_next", "topic", r.Topic)}
		case res.paused != nil:
			return Message{Text: T(l, "proposal.expired_mentee_paused", "topic", r.Topic)}
		case res.gap.Gap():
			return languageAsk(l, T(l, "proposal.expired_mentee_wait", "topic", r.Topic), r, requestLanguages(r, mentee), res.gap)
		}
		return Message{Text: T(l, "proposal.expired_mentee_wait", "topic", r.Topic) + "\n" + res.reason(l, r.Topic)}
	})
}

// proposalError turns a store refusal into the sentence the clicker needs:
// a click on someone else's proposal, one already answered, or one they
// have no room for.
func proposalError(ctx context.Context, b *Bot, t Tenant, id string, err error) error {
	switch ErrorCode(err) {
	case ENOTFOUND:
		return Errorf(ESTALE, "err.unknown_button")
	case EFORBIDDEN:
		return Errorf(EFORBIDDEN, "err.not_your_button")
	case ESTALE:
		p, gerr := b.store.proposals.GetProposal(ctx, t, id)
		if gerr != nil {
			return Errorf(ESTALE, "err.unknown_button")
		}
		return Errorf(ESTALE, "err.proposal_"+string(p.State))
	case ECAPACITY:
		return Errorf(ECAPACITY, "err.capacity_full")
	}
	return err
}

// freedAfterJobs is freed for the work that follows a request's return
// to waiting (runRequeue): in a scheduler tick, the mentor's free slot
// is offered to the waitlist with the other offers the tick's jobs freed
// or resumed, once those jobs have run (matchResumed); outside a tick, at
// once. Two proposals that expire in the same tick each free a slot the
// other's request may take: offered at once, the slot freed first would
// go to the second request while its mentee was still owed the notice of
// its own expiry, and they would read "Good news: … can take it now",
// then "… couldn't answer in time, so I've asked another mentor". After
// the jobs, each expired request has been proposed again by its own job,
// and its mentee told once, in the one message that says both. The offer
// is read as freed reads it (with the raises of ended speed pairs undone
// first), only later matched.
func (b *Bot) freedAfterJobs(ctx context.Context, mentor MemberID) {
	if _, tick := ctx.Value(resumedKey{}).(*resumedOffers); !tick {
		b.freed(ctx, mentor)
		return
	}
	o, err := b.offerAfterRaises(ctx, mentor)
	if err != nil {
		if ErrorCode(err) != ENOTFOUND {
			b.log.Error("match: offer", "mentor", mentor.String(), "err", err)
		}
		return
	}
	b.matchResumed(ctx, o)
}
