package bot

import (
	"context"
	"sync"

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
// topics, once the offer is saved or resumed, or a slot came free (see
// matchForOffers). It returns how many proposals it made to this mentor.
func (b *Bot) matchFor(ctx context.Context, o Offer) int {
	return b.matchForOffers(ctx, o.Mentor.Tenant(), []Offer{o})[o.Mentor.User]
}

// matchForOffers offers the free slots of mentors of one workspace to the
// requests waiting on their topics, as one round. It reads only those
// requests and, when some of them can take one of these mentors, the
// offers filed under their topics, and proposes that round's optimum for
// them. The periodic sweep covers the rest of the pool. It returns how
// many proposals it made to each mentor, by user.
func (b *Bot) matchForOffers(ctx context.Context, t Tenant, os []Offer) map[string]int {
	var free []Offer
	var offered []string
	for _, o := range os {
		if !o.Paused && o.Active+o.Pending < o.Capacity {
			free = append(free, o)
			offered = append(offered, o.Topics...)
		}
	}
	if len(free) == 0 {
		return nil
	}
	waiting, err := b.store.requests.WaitingFor(ctx, t, b.lookupKeys(ctx, t, offered...))
	if err == nil {
		waiting, err = b.notHeld(ctx, t, waiting)
	}
	if err == nil {
		waiting, err = b.notPaused(ctx, t, waiting)
	}
	if err != nil || len(waiting) == 0 {
		if err != nil {
			b.log.Error("match: list waiting", "tenant", t.String(), "mentor", free[0].Mentor.String(), "mentors", len(free), "err", err)
		}
		return nil
	}
	w, err := b.needsOf(ctx, t, waiting)
	if err != nil {
		b.log.Error("match: mentees", "tenant", t.String(), "mentor", free[0].Mentor.String(), "err", err)
		return nil
	}
	opt := b.matchOptions(ctx, t)
	these := b.mentors(free)
	var fit []matching.Need
	var topics []string
	for _, n := range w.needs {
		if len(matching.Rank(n, these, opt)) > 0 {
			fit = append(fit, n)
			topics = append(topics, n.Topic)
		}
	}
	if len(fit) == 0 {
		return nil
	}
	offers, err := b.store.offers.OffersFor(ctx, t, b.lookupKeys(ctx, t, topics...))
	if err != nil {
		b.log.Error("match: list offers", "tenant", t.String(), "mentor", free[0].Mentor.String(), "err", err)
		return nil
	}
	pairs := matching.Assign(fit, b.mentors(offers), opt)
	n := map[string]int{}
	for i, err := range b.proposeAssignments(ctx, w, pairs) {
		if err == nil {
			n[pairs[i].Candidate.MentorID]++
		}
	}
	return n
}

// resumedKey carries a tick's resumed offers (resumedOffers) in its
// context.
type resumedKey struct{}

// resumedOffers gathers the offers that a tick's jobs resumed (pauses
// that reached their date), by workspace, so that they are offered to
// the waitlist together, as one round, once the tick's jobs have run.
// Offered one by one, as each job ran, the first mentor took the request
// that suited them best even where only a mentor resumed later could
// take another: mentors back from the same holiday would be served
// first come first served.
type resumedOffers struct {
	mu sync.Mutex
	by map[Tenant][]Offer
}

// withResumed returns ctx carrying a new gathering of resumed offers.
func withResumed(ctx context.Context) (context.Context, *resumedOffers) {
	r := &resumedOffers{by: map[Tenant][]Offer{}}
	return context.WithValue(ctx, resumedKey{}, r), r
}

// matchResumed offers o's free slots to the waitlist: at once, or with
// the others resumed in the same tick when ctx is a tick's.
func (b *Bot) matchResumed(ctx context.Context, o Offer) {
	r, ok := ctx.Value(resumedKey{}).(*resumedOffers)
	if !ok {
		b.matchFor(ctx, o)
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	t := o.Mentor.Tenant()
	r.by[t] = append(r.by[t], o)
}

// match runs one round per workspace for the offers gathered. A tick cut
// short leaves them to the sweep: the offers are resumed already.
func (r *resumedOffers) match(ctx context.Context, b *Bot) {
	r.mu.Lock()
	by := r.by
	r.by = map[Tenant][]Offer{}
	r.mu.Unlock()
	for t, os := range by {
		if ctx.Err() != nil {
			return
		}
		b.matchForOffers(ctx, t, os)
	}
}

// freed serves the waitlist once one of the mentor's slots came free (a
// proposal declined, expired or withdrawn, a pair ended or cancelled).
func (b *Bot) freed(ctx context.Context, mentor MemberID) {
	// A raise of their capacity for a speed pair that ended goes first
	// (speed_capacity.go): the raised slot is not the one freed.
	o, err := b.offerAfterRaises(ctx, mentor)
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

// needsOf reads the mentees of waiting requests, with their histories
// and their pairs, in two round trips, and describes the requests to the
// matcher: a mentor with whom a mentee has a pair on the request's topic
// already is kept out (pairedMentors).
func (b *Bot) needsOf(ctx context.Context, t Tenant, waiting []Request) (waitingNeeds, error) {
	users := make([]string, len(waiting))
	for i, r := range waiting {
		users[i] = r.Mentee.User
	}
	known, err := b.store.candidates.Mentees(ctx, t, users)
	if err != nil {
		return waitingNeeds{}, err
	}
	syn := b.synonyms(ctx, t)
	w := waitingNeeds{byID: map[string]Request{}, mentees: map[string]Member{}, needs: make([]matching.Need, 0, len(waiting))}
	for _, r := range waiting {
		k := known[r.Mentee.User]
		mentee := k.Member
		if !k.Known {
			mentee = Member{ID: r.Mentee}
		}
		mentee = b.withLang(ctx, mentee)
		w.byID[r.ID], w.mentees[r.ID] = r, mentee
		never, met := verdicts(k.History)
		need := b.needWith(r, mentee, never, met)
		need.Paired = pairedMentors(k.Pairs, r.Mentee, r.Topic, syn)
		w.needs = append(w.needs, need)
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
		if ErrorCode(out[i]) == EGONE {
			// The mentor left: the request goes to the next mentor at
			// once, as an instant proposal's does, not at the next sweep.
			if _, _, res, ok := b.proposeAgain(ctx, r.Mentee.Tenant(), r.ID); ok && res.proposed {
				out[i] = nil
			}
		}
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
