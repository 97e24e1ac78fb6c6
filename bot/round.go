package bot

import (
	"context"
	"slices"
	"time"

	"github.com/mentorbot/mentorbot/matching"
)

// roundPool is what a round is solved over: a workspace's waiting
// requests (oldest first) described to the matcher with their mentees'
// histories, and the mentors and options from its offers. The sweep
// (matchWaiting), a manager's round (/mentor admin match) and the
// digest's waiting list build it the same way.
type roundPool struct {
	waitingNeeds
	waiting []Request
	offers  []Offer
	mentors []matching.Mentor
	opt     matching.Options
	// paused are the waiting requests whose mentee is paused, by request
	// ID: in waiting, not in needs (skipPaused).
	paused    map[string]Pause
	pausedLoc *time.Location // the workspace's zone, for the pauses' dates
	// held are the programs waiting for their kick-off whose requests
	// the round left out, with how many of them wait (heldNote).
	held      map[ProgramID]Program
	heldCount map[ProgramID]int
}

// loadRound reads a workspace's pool. With nobody waiting it reads
// nothing else and returns an empty pool.
//
// The requests of a program that has not kicked off are left out
// (heldPrograms): they wait for its kick-off round.
func (b *Bot) loadRound(ctx context.Context, t Tenant) (roundPool, error) {
	all, err := b.store.requests.Waiting(ctx, t)
	if err != nil {
		return roundPool{}, err
	}
	var held map[ProgramID]Program
	if slices.ContainsFunc(all, func(r Request) bool { return r.Program != "" }) {
		if held, err = b.heldPrograms(ctx, t); err != nil {
			return roundPool{}, err
		}
	}
	heldCount := map[ProgramID]int{}
	for _, r := range all {
		if _, ok := held[r.InProgram()]; ok {
			heldCount[r.InProgram()]++
		}
	}
	waiting := unheld(all, held)
	if len(waiting) == 0 {
		return roundPool{held: held, heldCount: heldCount}, nil
	}
	pool, err := b.poolFor(ctx, t, waiting)
	if err == nil {
		err = b.skipPaused(ctx, t, &pool)
	}
	pool.held, pool.heldCount = held, heldCount
	return pool, err
}

// loadProgramRound reads the pool of one program's kick-off round: its
// waiting requests, held or not, and every offer (the matcher keeps the
// program's mentors).
func (b *Bot) loadProgramRound(ctx context.Context, t Tenant, id ProgramID) (roundPool, error) {
	waiting, err := b.store.requests.Waiting(ctx, t)
	if err != nil {
		return roundPool{}, err
	}
	waiting = slices.DeleteFunc(waiting, func(r Request) bool { return r.InProgram() != id })
	if len(waiting) == 0 {
		return roundPool{}, nil
	}
	pool, err := b.poolFor(ctx, t, waiting)
	if err == nil {
		err = b.skipPaused(ctx, t, &pool)
	}
	return pool, err
}

// poolFor reads the offers and describes waiting requests and offers to
// the matcher.
func (b *Bot) poolFor(ctx context.Context, t Tenant, waiting []Request) (roundPool, error) {
	offers, err := b.store.offers.Offers(ctx, t)
	if err != nil {
		return roundPool{}, err
	}
	return b.poolOf(ctx, t, waiting, offers)
}

// poolOf describes waiting requests and offers to the matcher, reading
// the mentees and their histories (needsOf).
func (b *Bot) poolOf(ctx context.Context, t Tenant, waiting []Request, offers []Offer) (roundPool, error) {
	w, err := b.needsOf(ctx, t, waiting)
	if err != nil {
		return roundPool{}, err
	}
	// A paused offer of closed programs only is in the default program,
	// as /mentor resume makes it: said paused, not in another program.
	mentors := b.withClosedRehomed(ctx, t, b.mentors(offers))
	return roundPool{waitingNeeds: w, waiting: waiting, offers: offers, mentors: mentors, opt: b.matchOptions(ctx, t)}, nil
}
