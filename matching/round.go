package matching

import "slices"

// solveRound returns the mentor of each need in an optimal matching of
// the arcs of t weighed by w, or -1. Each component is solved on its own,
// from the side with fewer places: needs when its mentors have at least
// as many free slots as it has needs, mentor slots otherwise.
func solveRound(t *arcTable, w []int64, mps []mentorProfile) []int32 {
	nNeeds := len(t.start)
	pairs := make([]int32, nNeeds)
	for i := range pairs {
		pairs[i] = -1
	}
	order, bounds := componentOrder(t, nNeeds, len(mps))
	var bySlot, byNeed *solver
	var tr transposed
	stamp := make([]int32, len(mps))
	for c := range len(bounds) - 1 {
		needs := order[bounds[c]:bounds[c+1]]
		mentors := componentMentors(t, needs, stamp, int32(c+1))
		slots := 0
		for _, j := range mentors {
			slots += min(mps[j].slots(), nNeeds)
		}
		if slots >= len(needs) {
			if byNeed == nil {
				byNeed = newSolver(t, w, mentorCapacities(mps, nNeeds))
			}
			sortByBest(bestWeights(t, w, needs), needs)
			for _, i := range needs {
				byNeed.add(i)
			}
			for _, i := range needs {
				pairs[i] = byNeed.match[i]
			}
			continue
		}
		if bySlot == nil {
			tr = transpose(t, w, mps, nNeeds)
			bySlot = newSolver(&tr.t, tr.w, ones(nNeeds))
		}
		var roots []int32
		for _, j := range mentors {
			for s := tr.first[j]; s < tr.first[j+1]; s++ {
				roots = append(roots, s)
			}
		}
		sortByBest(bestWeights(&tr.t, tr.w, roots), roots)
		for _, s := range roots {
			bySlot.add(s)
		}
		for _, s := range roots {
			if i := bySlot.match[s]; i >= 0 {
				pairs[i] = tr.owner[s]
			}
		}
	}
	return pairs
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
