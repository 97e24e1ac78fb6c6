package bot

import (
	"context"

	"github.com/mentorbot/mentorbot/matching"
)

// roundPool is what a round is solved over: a workspace's waiting
// requests (oldest first) with their mentees, and the matcher's needs,
// mentors and options built from them. The sweep (matchWaiting) and a
// manager's round (/mentor admin match) build it the same way.
type roundPool struct {
	waiting  []Request
	requests map[string]Request // by ID
	mentees  map[string]Member  // by request ID
	needs    []matching.Need    // in waiting order
	mentors  []matching.Mentor
	opt      matching.Options
}

// loadRound reads a workspace's pool. With nobody waiting it reads
// nothing else and returns an empty pool.
func (b *Bot) loadRound(ctx context.Context, t Tenant) (roundPool, error) {
	waiting, err := b.store.Waiting(ctx, t)
	if err != nil || len(waiting) == 0 {
		return roundPool{}, err
	}
	offers, err := b.store.Offers(ctx, t)
	if err != nil {
		return roundPool{}, err
	}
	users := make([]string, len(waiting))
	for i, r := range waiting {
		users[i] = r.Mentee.User
	}
	known, err := b.store.Members(ctx, t, users)
	if err != nil {
		return roundPool{}, err
	}
	p := roundPool{waiting: waiting, requests: map[string]Request{}, mentees: map[string]Member{},
		needs: make([]matching.Need, 0, len(waiting)), mentors: b.mentors(offers), opt: b.matchOptions(ctx, t)}
	for _, r := range waiting {
		mentee, ok := known[r.Mentee.User]
		if !ok {
			mentee = Member{ID: r.Mentee}
		}
		mentee = b.withLang(ctx, mentee)
		p.requests[r.ID], p.mentees[r.ID] = r, mentee
		p.needs = append(p.needs, b.need(r, mentee))
	}
	return p, nil
}
