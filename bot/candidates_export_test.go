package bot

import (
	"context"

	"github.com/mentorbot/mentorbot/matching"
)

// RankSlots exposes the ranking slots to the black-box tests.
type RankSlots struct{ s *rankSlots }

// NewRankSlots returns slots slots of RankedPerSlot candidates each.
func NewRankSlots(slots int) RankSlots { return RankSlots{newRankSlots(slots)} }

// RankedPerSlot is how many candidates one slot stands for.
const RankedPerSlot = rankedPerSlot

// Acquire waits for room to rank n candidates.
func (r RankSlots) Acquire(ctx context.Context, n int) (func(), error) { return r.s.acquire(ctx, n) }

// Free is the room left.
func (r RankSlots) Free() int {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	return r.s.free
}

// Proposing exposes the count of proposals in flight.
type Proposing struct{ p *proposing }

func NewProposing() Proposing { return Proposing{&proposing{}} }

func (p Proposing) Start(mentor MemberID) func() { return p.p.start(mentor) }

func (p Proposing) Count(t Tenant, mentors []matching.Mentor) { p.p.count(t, mentors) }
