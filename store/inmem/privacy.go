package inmem

import (
	"context"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// MemberData implements bot.PrivacyStore.
func (s *Store) MemberData(ctx context.Context, id bot.MemberID) (bot.MemberData, error) {
	t, u := id.Tenant(), id.User
	sp := s.lock(t)
	defer s.mu.Unlock()
	var d bot.MemberData
	if m, ok := sp.members[u]; ok {
		m.ID = id
		d.Member = m
	}
	d.Manager = sp.managers[u]
	if h := sp.history[u]; len(h) > 0 {
		d.History = copyMap(h)
	}
	for _, r := range sp.requests {
		if r.R.Mentee.User == u {
			req := r.R
			req.Languages, req.Keys = list(req.Languages), list(req.Keys)
			d.Requests = append(d.Requests, req)
		}
	}
	for id := range sp.proposals {
		if p, _ := sp.proposal(id); p.Mentee.User == u || p.Mentor.User == u {
			d.Proposals = append(d.Proposals, p)
		}
	}
	for key, h := range sp.surveys {
		if strings.HasSuffix(key, ":"+u) {
			d.Surveys = append(d.Surveys, surveyAnswers(t, key, h)...)
		}
	}
	d.Testimonials = sp.testimonialsOf(u)
	for _, a := range sp.charters {
		if a.User == u {
			d.Charters = append(d.Charters, bot.CharterAcceptance{Pair: a.Pair, Version: a.Version, At: a.At})
		}
	}
	if o, ok := sp.offer(u); ok {
		d.Offer = &o
	}
	d.Pairs = sp.pairsOfUser(u)
	for _, p := range d.Pairs {
		for field, answer := range sp.checkins[p.ID] {
			if round, ok := strings.CutSuffix(field, ":"+u); ok {
				d.Checkins = append(d.Checkins, bot.CheckinAnswer{Pair: p.ID, Round: round, Answer: answer})
			}
		}
	}
	d.Sort()
	return d, nil
}

// MembersWithRecord implements bot.PrivacyStore, by user ID.
func (s *Store) MembersWithRecord(ctx context.Context, t bot.Tenant) ([]string, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	var out []string
	for u := range sp.members {
		if u != "" && !strings.Contains(u, ":") {
			out = append(out, u)
		}
	}
	sort.Strings(out)
	return out, nil
}

// Erase implements bot.PrivacyStore, as store/forget.go does: the member's
// own data, what the erasure names, and every mention of the member's user
// ID (or, in a kept message, of one of their names).
func (s *Store) Erase(ctx context.Context, e bot.Erasure) error {
	u := e.Member.User
	if u == "" {
		return nil
	}
	sp := s.lock(e.Member.Tenant())
	defer s.mu.Unlock()
	sp.camp.erase(u)
	sp.goals.erase(e)
	sp.pausesOf().erase(u)
	// The members of the pairs named, as read before anything goes.
	roles := map[string][]string{}
	for _, id := range slices.Concat(e.Pairs, e.Blank) {
		if p, ok := sp.pairs[id]; ok {
			for _, m := range []string{p.Mentor.User, p.Mentee.User} {
				if m != "" {
					roles[id] = append(roles[id], m)
				}
			}
		}
	}
	sp.eraseOwn(u)
	sp.eraseNamed(e, roles)
	sp.eraseMentions(e)
	sp.forgetInstaller(u)
	return nil
}

// eraseOwn deletes the member's own records and index entries.
func (sp *space) eraseOwn(u string) {
	for _, key := range sp.offers[u].Keys {
		delete(sp.offerKeys[key], u)
	}
	delete(sp.members, u)
	delete(sp.offers, u)
	delete(sp.load, u)
	delete(sp.raises, u)
	delete(sp.open, u)
	delete(sp.history, u)
	delete(sp.pairsOf, u)
	delete(sp.managers, u)
	delete(sp.homes, u)
	// The member's inbound deliveries kept: no replica handles them again.
	for id := range sp.inboxOf[u] {
		delete(sp.inbox, id)
		delete(sp.jobs, bot.JobInbound+":"+id)
	}
	delete(sp.inboxOf, u)
}

// eraseNamed deletes the requests, proposals and pairs the core named,
// blanks the member's side of the pairs kept for the other member, and
// drops the flags and jobs of what went.
func (sp *space) eraseNamed(e bot.Erasure, roles map[string][]string) {
	u := e.Member.User
	for _, id := range e.Requests {
		delete(sp.requests, id)
		delete(sp.declined, id)
		delete(sp.fair, id)
		delete(sp.waiting, id)
	}
	for _, id := range e.Proposals {
		delete(sp.proposals, id)
	}
	for _, id := range e.Pairs {
		delete(sp.pairs, id)
		delete(sp.checkins, id)
		delete(sp.meetings, id)
		delete(sp.stalled, id)
		for _, other := range roles[id] {
			if other != u {
				delete(sp.pairsOf[other], id)
			}
		}
	}
	for _, id := range e.Blank {
		p, ok := sp.pairs[id]
		switch r := roles[id]; {
		case ok && len(r) == 2 && r[0] == u:
			p.Mentor.User = ""
		case ok && len(r) == 2 && r[1] == u:
			p.Mentee.User, p.Goal = "", ""
		}
		if ok {
			p.Thread = "" // where the erased member talked
			sp.pairs[id] = p
		}
		for field := range sp.checkins[id] {
			if strings.HasSuffix(field, ":"+u) {
				delete(sp.checkins[id], field)
			}
		}
		delete(sp.meetings, id) // the erased member's picks go with the times
	}
	for m := range sp.low {
		if id, _, _ := strings.Cut(m, ":"); slices.Contains(e.Pairs, id) {
			delete(sp.low, m)
		}
	}
	gone := map[string]bool{u: true}
	for _, id := range slices.Concat(e.Requests, e.Proposals, e.Pairs) {
		gone[id] = true
	}
	sp.dropJobs(gone)
}

// dropJobs removes the jobs one of whose parts after the kind is gone.
func (sp *space) dropJobs(gone map[string]bool) {
	for j := range sp.jobs {
		for _, part := range strings.Split(j, ":")[1:] {
			if gone[part] {
				delete(sp.jobs, j)
				break
			}
		}
	}
}

// eraseMentions removes the member from whatever else names them.
func (sp *space) eraseMentions(e bot.Erasure) {
	u := e.Member.User
	for _, h := range sp.history {
		delete(h, u)
	}
	for _, d := range sp.declined {
		delete(d, u)
	}
	for id := range sp.requests {
		if strings.HasSuffix("req:"+id, ":"+u) {
			delete(sp.requests, id) // a key ending in the user ID, as on Redis
		}
	}
	for _, x := range sp.people {
		delete(x, u)
	}
	for _, x := range sp.offerKeys {
		delete(x, u)
	}
	for _, z := range sp.waitingBy {
		for _, id := range e.Requests {
			delete(z, id)
		}
	}
	for key := range sp.surveys {
		parts := strings.Split(key, ":")
		if parts[len(parts)-1] == u || slices.Contains(e.Pairs, parts[0]) {
			delete(sp.surveys, key)
		}
	}
	for key := range sp.quotes {
		if strings.HasSuffix(key, ":"+u) {
			delete(sp.quotes, key)
		}
	}
	for id, v := range sp.notices {
		if e.Mentions(v.V) {
			delete(sp.notices, id)
			delete(sp.jobs, bot.JobNotice+":"+id)
		}
	}
	for id, v := range sp.drafts {
		if e.Mentions(v.V) {
			delete(sp.drafts, id)
		}
	}
	// Any other key whose last part is the user ID (delivery marks).
	for prefix, m := range map[string]map[string]expiring{"sent:": sp.sent, "seen:": sp.seen, "inbox:": sp.inbox, "fair:": sp.fair} {
		for key := range m {
			if strings.HasSuffix(prefix+key, ":"+u) {
				delete(m, key)
			}
		}
	}
	for _, m := range []struct {
		prefix string
		del    func(string)
		keys   func() []string
	}{
		{"prop:", func(k string) { delete(sp.proposals, k) }, func() []string { return keysOf(sp.proposals) }},
		{"pair:", func(k string) { delete(sp.pairs, k) }, func() []string { return keysOf(sp.pairs) }},
		{"checkin:", func(k string) { delete(sp.checkins, k) }, func() []string { return keysOf(sp.checkins) }},
	} {
		for _, key := range m.keys() {
			if strings.HasSuffix(m.prefix+key, ":"+u) {
				m.del(key)
			}
		}
	}
	sp.charters = slices.DeleteFunc(sp.charters, func(a acceptance) bool { return a.User == u })
}

func keysOf[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// Prune implements bot.PrivacyStore, as store/retention.go does: closed
// pairs ended before before (with their check-ins, surveys, flags, jobs,
// charter log entries, request and proposals), cancelled requests created
// before before (with their proposals), and surveys and testimonials
// answered before before. Counters stay.
func (s *Store) Prune(ctx context.Context, t bot.Tenant, before time.Time) (bot.Pruned, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	cut := before.UnixMilli()
	var out bot.Pruned
	gone := map[string]bool{}     // pair, request and proposal IDs
	requests := map[string]bool{} // requests deleted
	for id, p := range sp.pairs {
		if closed(p.State) && ms(p.Ended) > 0 && ms(p.Ended) < cut {
			out.Pairs++
			gone[id] = true
			delete(sp.pairs, id)
			delete(sp.checkins, id)
			delete(sp.meetings, id)
			for _, m := range []string{p.Mentor.User, p.Mentee.User} {
				if m != "" {
					delete(sp.pairsOf[m], id)
				}
			}
			delete(sp.stalled, id)
			if p.Request != "" {
				requests[p.Request], gone[p.Request] = true, true
			}
			if p.Proposal != "" {
				gone[p.Proposal] = true
				delete(sp.proposals, p.Proposal)
			}
		}
	}
	for id, r := range sp.requests {
		if r.R.State == bot.RequestCancelled && ms(r.R.Created) < cut {
			out.Requests++
			requests[id], gone[id] = true, true
		}
	}
	for id := range requests {
		delete(sp.requests, id)
		delete(sp.declined, id)
		delete(sp.fair, id)
	}
	for id, p := range sp.proposals {
		if requests[p.Request] {
			delete(sp.proposals, id)
		}
	}
	for key, h := range sp.surveys {
		at, _ := strconvAtoi64(h["at"])
		if pair, _, _ := strings.Cut(key, ":"); gone[pair] || at > 0 && at < cut {
			delete(sp.surveys, key)
		}
	}
	for key, tm := range sp.quotes {
		if ms(tm.At) < cut {
			delete(sp.quotes, key)
		}
	}
	sp.dropJobs(gone)
	sp.goals.prune(gone)
	for m := range sp.low {
		if id, _, _ := strings.Cut(m, ":"); gone[id] {
			delete(sp.low, m)
		}
	}
	sp.charters = slices.DeleteFunc(sp.charters, func(a acceptance) bool { return gone[a.Pair] })
	return out, nil
}

// closed reports whether a pair is completed or cancelled.
func closed(state bot.PairState) bool {
	return state == bot.PairCompleted || state == bot.PairCancelled
}
