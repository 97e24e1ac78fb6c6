package matching

import "slices"

// solveRound returns the mentor of each need in an optimal matching of
// the arcs of t weighed by w, or -1. Each component is solved on its own,
// from the side with fewer places: needs when its mentors have at least
// as many free slots as it has needs, mentor slots otherwise.
func solveRound(t *arcTable, w []int64, mps []mentorProfile) []int32 {
	rs := roundSolver{t: t, w: w, mps: mps, pairs: make([]int32, len(t.start))}
	for i := range rs.pairs {
		rs.pairs[i] = -1
	}
	order, bounds := componentOrder(t, len(t.start), len(mps))
	stamp := make([]int32, len(mps))
	for c := range len(bounds) - 1 {
		needs := order[bounds[c]:bounds[c+1]]
		mentors := componentMentors(t, needs, stamp, int32(c+1))
		slots := 0
		for _, j := range mentors {
			slots += min(mps[j].slots(), len(t.start))
		}
		if slots >= len(needs) {
			rs.fromNeeds(needs)
		} else {
			rs.fromSlots(mentors)
		}
	}
	return rs.pairs
}

// roundSolver holds the two solvers of a round, each made when first
// needed; components are disjoint, so they share nothing.
type roundSolver struct {
	t              *arcTable
	w              []int64
	mps            []mentorProfile
	pairs          []int32
	byNeed, bySlot *solver
	tr             transposed
}

// fromNeeds solves a component by adding its needs, strongest first.
func (rs *roundSolver) fromNeeds(needs []int32) {
	if rs.byNeed == nil {
		rs.byNeed = newSolver(rs.t, rs.w, mentorCapacities(rs.mps, len(rs.pairs)))
	}
	sortByBest(bestWeights(rs.t, rs.w, needs), needs)
	for _, i := range needs {
		rs.byNeed.add(i)
	}
	for _, i := range needs {
		rs.pairs[i] = rs.byNeed.match[i]
	}
}

// fromSlots solves a component by adding the slots of its mentors,
// strongest first.
func (rs *roundSolver) fromSlots(mentors []int32) {
	if rs.bySlot == nil {
		rs.tr = transpose(rs.t, rs.w, rs.mps, len(rs.pairs))
		rs.bySlot = newSolver(&rs.tr.t, rs.tr.w, ones(len(rs.pairs)))
	}
	var roots []int32
	for _, j := range mentors {
		for s := rs.tr.first[j]; s < rs.tr.first[j+1]; s++ {
			roots = append(roots, s)
		}
	}
	sortByBest(bestWeights(&rs.tr.t, rs.tr.w, roots), roots)
	for _, s := range roots {
		rs.bySlot.add(s)
	}
	for _, s := range roots {
		if i := rs.bySlot.match[s]; i >= 0 {
			rs.pairs[i] = rs.tr.owner[s]
		}
	}
}

// componentMentors lists, in input order, the mentors of the arcs of the
// needs of one component, marking them in stamp with mark.
func componentMentors(t *arcTable, needs []int32, stamp []int32, mark int32) []int32 {
	var out []int32
	for _, i := range needs {
		for _, a := range t.of(int(i)) {
			if stamp[a.mentor] != mark {
				stamp[a.mentor] = mark
				out = append(out, a.mentor)
			}
		}
	}
	slices.Sort(out)
	return out
}

func mentorCapacities(mps []mentorProfile, nNeeds int) []int32 {
	c := make([]int32, len(mps))
	for j := range mps {
		c[j] = int32(min(mps[j].slots(), nNeeds))
	}
	return c
}

func ones(n int) []int32 {
	c := make([]int32, n)
	for i := range c {
		c[i] = 1
	}
	return c
}
