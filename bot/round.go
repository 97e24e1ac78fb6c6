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
	offers   []Offer
	requests map[string]Request // by ID
	mentees  map[string]Member  // by request ID
	needs    []matching.Need    // in waiting order
	mentors  []matching.Mentor
	opt      matching.Options
}

// loadRound reads a workspace's pool, with each mentee's history (see
// needsOf). With nobody waiting it reads nothing else and returns an
// empty pool.
func (b *Bot) loadRound(ctx context.Context, t Tenant) (roundPool, error) {
	waiting, err := b.store.Waiting(ctx, t)
	if err != nil || len(waiting) == 0 {
		return roundPool{}, err
	}
	offers, err := b.store.Offers(ctx, t)
	if err != nil {
		return roundPool{}, err
	}
	w, err := b.needsOf(ctx, t, waiting)
	if err != nil {
		return roundPool{}, err
	}
	return roundPool{waiting: waiting, offers: offers, requests: w.byID, mentees: w.mentees, needs: w.needs,
		mentors: b.mentors(offers), opt: b.matchOptions(ctx, t)}, nil
}
