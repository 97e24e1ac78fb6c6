package bot

import (
	"context"

	"github.com/mentorbot/mentorbot/matching"
)

// Rounds: the matcher's optimum over several waiting requests at once,
// for the whole pool (the sweep) or for what one mentor can take.

// matchWaiting proposes mentors for the tenant's waiting requests, as one
// optimal round over the whole pool: the best total fit across everyone
// waiting, rather than first come first served. It is the periodic sweep;
// what it reads, it also files under the right topic keys (reindex).
// Failures are logged; the next sweep retries.
func (b *Bot) matchWaiting(ctx context.Context, t Tenant) {
	pool, err := b.loadRound(ctx, t)
	if err != nil {
		b.log.Error("sweep: load the pool", "tenant", t.String(), "err", err)
		return
	}
	if len(pool.waiting) == 0 {
		return
	}
	b.reindex(ctx, pool.offers, pool.waiting)
	for _, r := range pool.waiting {
		pool.byID[r.ID] = r // with the keys it is filed under now
	}
	b.proposeAssignments(ctx, pool.waitingNeeds, matching.Assign(pool.needs, pool.mentors, pool.opt))
}

// matchFor offers a mentor's free slots to the requests waiting on their
// topics, once the offer is saved or resumed, or a slot came free. It
// reads only those requests and, when some of them can take this mentor,
// the offers filed under their topics, and proposes that round's optimum
// for them. The periodic sweep covers the rest of the pool. It returns
// how many proposals it made to this mentor.
func (b *Bot) matchFor(ctx context.Context, o Offer) int {
	if o.Paused || o.Active+o.Pending >= o.Capacity {
		return 0
	}
	t := o.Mentor.Tenant()
	waiting, err := b.store.requests.WaitingFor(ctx, t, b.lookupKeys(ctx, t, o.Topics...))
	if err == nil {
		waiting, err = b.notHeld(ctx, t, waiting)
	}
	if err == nil {
		waiting, err = b.notPaused(ctx, t, waiting)
	}
	if err != nil || len(waiting) == 0 {
		if err != nil {
			b.log.Error("match: list waiting", "mentor", o.Mentor.String(), "err", err)
		}
		return 0
	}
	w, err := b.needsOf(ctx, t, waiting)
	if err != nil {
		b.log.Error("match: mentees", "mentor", o.Mentor.String(), "err", err)
		return 0
	}
	opt := b.matchOptions(ctx, t)
	me := b.mentors([]Offer{o})
	var fit []matching.Need
	var topics []string
	for _, n := range w.needs {
		if len(matching.Rank(n, me, opt)) > 0 {
			fit = append(fit, n)
			topics = append(topics, n.Topic)
		}
	}
	if len(fit) == 0 {
		return 0
	}
	offers, err := b.store.offers.OffersFor(ctx, t, b.lookupKeys(ctx, t, topics...))
	if err != nil {
		b.log.Error("match: list offers", "mentor", o.Mentor.String(), "err", err)
		return 0
	}
	pairs := matching.Assign(fit, b.mentors(offers), opt)
	n := 0
	for i, err := range b.proposeAssignments(ctx, w, pairs) {
		if err == nil && pairs[i].Candidate.MentorID == o.Mentor.User {
			n++
		}
	}
	return n
}

// freed serves the waitlist once one of the mentor's slots came free (a
// proposal declined, expired or withdrawn, a pair ended or cancelled).
func (b *Bot) freed(ctx context.Context, mentor MemberID) {
	o, err := b.store.offers.GetOffer(ctx, mentor)
	if err != nil {
		if ErrorCode(err) != ENOTFOUND {
			b.log.Error("match: offer", "mentor", mentor.String(), "err", err)
		}
		return
	}
	b.matchFor(ctx, o)
}

// waitingNeeds are waiting requests described to the matcher, with their
// mentees, by request ID.
type waitingNeeds struct {
	needs   []matching.Need
	byID    map[string]Request
	mentees map[string]Member
}

// needsOf reads the mentees of waiting requests and their histories, in
// two round trips, and describes the requests to the matcher.
func (b *Bot) needsOf(ctx context.Context, t Tenant, waiting []Request) (waitingNeeds, error) {
	users := make([]string, len(waiting))
	for i, r := range waiting {
		users[i] = r.Mentee.User
	}
	known, err := b.store.members.Members(ctx, t, users)
	if err != nil {
		return waitingNeeds{}, err
	}
	hist, err := b.store.proposals.Histories(ctx, t, users)
	if err != nil {
		return waitingNeeds{}, err
	}
	w := waitingNeeds{byID: map[string]Request{}, mentees: map[string]Member{}, needs: make([]matching.Need, 0, len(waiting))}
	for _, r := range waiting {
		mentee, ok := known[r.Mentee.User]
		if !ok {
			mentee = Member{ID: r.Mentee}
		}
		mentee = b.withLang(ctx, mentee)
		w.byID[r.ID], w.mentees[r.ID] = r, mentee
		never, met := verdicts(hist[r.Mentee.User])
		w.needs = append(w.needs, b.needWith(r, mentee, never, met))
	}
	return w, nil
}

// proposeAssignments proposes each pair of a round through the normal
// path (recorded, reminders scheduled, sent), and returns each one's
// outcome, in order. A request no longer waiting (ESTALE) or a mentor
// another replica filled meanwhile (ECAPACITY) is expected and not logged:
// the request stays for the next round.
func (b *Bot) proposeAssignments(ctx context.Context, w waitingNeeds, pairs []matching.Assignment) []error {
	out := make([]error, len(pairs))
	for i, a := range pairs {
		r := w.byID[a.NeedID]
		_, out[i] = b.proposeTo(ctx, r, a.Candidate, w.mentees[a.NeedID])
		if code := ErrorCode(out[i]); code != "" && code != ESTALE && code != ECAPACITY {
			b.log.Info("round: not proposed", "request", a.NeedID, "code", string(code))
		}
		if out[i] == nil {
			// The mentee was told their request waits: now it does not.
			if err := b.notify(ctx, r.Mentee, func(l Lang) Message {
				return Message{Text: T(l, "request.proposed_later", "topic", r.Topic)}
			}); err != nil {
				b.log.Info("round: mentee not told", "request", r.ID, "code", string(ErrorCode(err)))
			}
		}
	}
	return out
}

// need returns the matcher's description of a waiting request.
func (w waitingNeeds) need(id string) (matching.Need, bool) {
	for _, n := range w.needs {
		if n.ID == id {
			return n, true
		}
	}
	return matching.Need{}, false
}
