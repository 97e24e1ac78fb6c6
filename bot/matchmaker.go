package bot

import (
	"context"
	"strings"

	"github.com/mentorbot/mentorbot/matching"
)

// proposeResult says what proposeNext did.
type proposeResult struct {
	proposed bool
	why      matching.Explanation
}

// maxProposeAttempts bounds how many mentors who cannot be reached (they
// left the workspace) are skipped in one go.
const maxProposeAttempts = 3

// proposeNext sends the request to the best available mentor. With none
// available the request stays waiting and the result explains why. r must
// be fresh from the store, so that its declined list is complete.
func (b *Bot) proposeNext(ctx context.Context, r Request, mentee Member) (proposeResult, error) {
	t := r.Mentee.Tenant()
	offers, err := b.store.Offers(ctx, t)
	if err != nil {
		return proposeResult{}, err
	}
	need := b.need(r, mentee)
	mentors := b.mentors(offers)
	opt := b.matchOptions(ctx, t)
	for attempt := 0; attempt < maxProposeAttempts; attempt++ {
		cands := matching.Rank(need, mentors, opt)
		if len(cands) == 0 {
			return proposeResult{why: matching.Explain(need, mentors, opt)}, nil
		}
		_, err := b.proposeTo(ctx, r, cands[0], mentee)
		if ErrorCode(err) == EGONE {
			need.Exclude = append(need.Exclude, cands[0].MentorID)
			continue
		}
		if ErrorCode(err) == ESTALE {
			// Another replica or click moved the request on: not ours to do.
			return proposeResult{proposed: true}, nil
		}
		if err != nil {
			return proposeResult{}, err
		}
		return proposeResult{proposed: true}, nil
	}
	return proposeResult{why: matching.Explain(need, mentors, opt)}, nil
}

// matchOptions are the matcher's options in a workspace.
func (b *Bot) matchOptions(ctx context.Context, t Tenant) matching.Options {
	opt := b.cfg.Match
	opt.MaxTZHours = b.settings(ctx, t).MaxTZHours
	return opt
}

// proposeTo records a proposal of r to the candidate and sends it. A
// mentor who left (EGONE) is recorded as having declined.
func (b *Bot) proposeTo(ctx context.Context, r Request, c matching.Candidate, mentee Member) (Proposal, error) {
	id, err := b.newID()
	if err != nil {
		return Proposal{}, err
	}
	t := r.Mentee.Tenant()
	p := Proposal{
		ID: id, Request: r.ID, Mentor: t.Member(c.MentorID), Mentee: r.Mentee,
		Topic: r.Topic, Kind: r.Kind, Goal: r.Goal, Reasons: c.Reasons, Score: c.Score.Total,
		State: ProposalPending, Created: b.clock.Now().UTC(),
	}
	if err := b.store.Propose(ctx, p, proposalJobs(b.settings(ctx, t), p)); err != nil {
		return p, err
	}
	// Sent at once; if the platform fails, the proposal's send job sends it
	// later. Both share one delivery mark, so it goes out once.
	err = b.deliver(ctx, JobProposalSend+":"+p.ID, p.Mentor, func(l Lang) Message { return proposalMessage(l, p, mentee) })
	if ErrorCode(err) == EGONE {
		b.log.Info("mentor gone", "mentor", p.Mentor.String(), "proposal", p.ID)
		if _, derr := b.store.DeclineProposal(ctx, t, p.ID, p.Mentor); derr != nil {
			return p, derr
		}
		return p, err
	}
	if err != nil {
		// The proposal is recorded and pending: its send job retries.
		b.log.Warn("proposal not delivered yet, its job will retry", "proposal", p.ID, "mentor", p.Mentor.String(), "code", string(ErrorCode(err)))
	}
	return p, nil
}

// matchWaiting proposes mentors for the tenant's waiting requests, as one
// optimal round: the best total fit across everyone waiting, rather than
// first come first served. Failures are logged; the next sweep retries.
func (b *Bot) matchWaiting(ctx context.Context, t Tenant) {
	pool, err := b.loadRound(ctx, t)
	if err != nil {
		b.log.Error("sweep: load the pool", "tenant", t.String(), "err", err)
		return
	}
	for _, a := range matching.Assign(pool.needs, pool.mentors, pool.opt) {
		if _, err := b.proposeTo(ctx, pool.requests[a.NeedID], a.Candidate, pool.mentees[a.NeedID]); err != nil && ErrorCode(err) != ESTALE {
			b.log.Info("sweep: not proposed", "request", a.NeedID, "code", string(ErrorCode(err)))
		}
	}
}

// need describes a request to the matcher.
func (b *Bot) need(r Request, mentee Member) matching.Need {
	langs := []string{string(mentee.Lang)}
	if r.Language != "" {
		langs = []string{string(r.Language)}
	}
	return matching.Need{
		ID: r.ID, MenteeID: r.Mentee.User, Topic: r.Topic, Kind: r.Kind, Languages: langs,
		UTCOffset: utcOffset(mentee.TZ, b.clock.Now()), Years: mentee.Years,
		Exclude: append([]string(nil), r.Declined...),
	}
}

// mentors describes the available offers to the matcher. Paused offers
// are left out; pending proposals count as load, so a mentor is not sent
// more proposals than they have room for.
func (b *Bot) mentors(offers []Offer) []matching.Mentor {
	out := make([]matching.Mentor, 0, len(offers))
	now := b.clock.Now()
	for _, o := range offers {
		if o.Paused {
			continue
		}
		langs := make([]string, len(o.Languages))
		for i, l := range o.Languages {
			langs[i] = string(l)
		}
		out = append(out, matching.Mentor{
			ID: o.Mentor.User, Topics: o.Topics, Languages: langs, UTCOffset: utcOffset(o.TZ, now),
			Years: o.Years, Kinds: o.Kinds, Capacity: o.Capacity, Active: o.Active + o.Pending,
		})
	}
	return out
}

// reasonsText explains a match in words: "you both speak French; 1 h
// apart". Addressed to the mentor when mentor is "", else to both members
// about the mentor named.
func reasonsText(lang Lang, reasons []matching.Reason, mentor string) string {
	parts := make([]string, 0, len(reasons))
	for _, r := range reasons {
		if s := reasonText(lang, r, mentor); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, "; ")
}

func reasonText(lang Lang, r matching.Reason, mentor string) string {
	prefix := "reason."
	if mentor != "" {
		prefix = "reason.intro."
	}
	switch r.Code {
	case matching.ReasonTopic:
		if r.Exact {
			return T(lang, prefix+"topic", "topic", r.Detail, "mentor", mentor)
		}
		return T(lang, prefix+"topic_related", "topic", r.Detail, "mentor", mentor)
	case matching.ReasonLanguage:
		if r.Detail == "" {
			return ""
		}
		return T(lang, "reason.language", "language", langName(lang, r.Detail))
	case matching.ReasonTimeZone:
		if r.Hours == 0 {
			return T(lang, "reason.tz_same")
		}
		return T(lang, "reason.tz", "hours", itoa(r.Hours))
	case matching.ReasonKind:
		return T(lang, prefix+"kind", "kind", T(lang, "kind."+r.Detail), "mentor", mentor)
	case matching.ReasonExperience:
		return T(lang, "reason.exp_"+r.Detail, "years", itoa(r.Years))
	}
	return ""
}
