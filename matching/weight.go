package matching

// arcWeights returns the integer weight Assign maximises for each arc of
// t, so that the best matching has the greatest sum of Score.Value
// (compared at 1e-9) and, among those, the most pairs:
//
//	w = 2·(key·K + 1)
//
// with key = totalKey(Score.Value) and K greater than any pair count, so
// that one unit of key outweighs any number of extra pairs.
//
// With repeat avoidance, an arc to a mentor in Need.Met weighs less than
// every other arc of its need: min(w, w₀-1) where w₀ is the least weight
// of the need's arcs to mentors it has not met. Swapping a met mentor for
// a free one the need has not met then always gains, so no optimum keeps
// such a repeat; a repeat is still chosen when it is the only way to pair
// the need (weights stay at least 1).
//
// Weights stay under 2^53, so that sums of a few of them (the duals and
// path lengths of the solver) cannot overflow; should keys be too large
// for that (huge Options bonuses), they lose decimal digits.
func arcWeights(t *arcTable, nNeeds int, mps []mentorProfile, avoid bool) []int64 {
	used := make([]bool, len(mps))
	slots, maxKey := 0, int64(0)
	for _, a := range t.arcs {
		if !used[a.mentor] {
			used[a.mentor] = true
			slots += mps[a.mentor].slots()
		}
		maxKey = max(maxKey, a.key)
	}
	k := int64(min(nNeeds, slots)) + 1
	div := int64(1)
	for float64(maxKey/div+1)*float64(k) > 1<<51 {
		div *= 10
	}
	w := make([]int64, len(t.arcs))
	for i, a := range t.arcs {
		w[i] = 2 * ((max(a.key, 0)+div/2)/div*k + 1)
	}
	if avoid {
		capRepeats(t, w, nNeeds)
	}
	return w
}

// capRepeats lowers the weight of each need's arcs to mentors it met
// below the weight of its other arcs.
func capRepeats(t *arcTable, w []int64, nNeeds int) {
	for i := range nNeeds {
		lo, hi := t.start[i], t.end[i]
		least := int64(-1)
		for x := lo; x < hi; x++ {
			if !t.arcs[x].met && (least < 0 || w[x] < least) {
				least = w[x]
			}
		}
		if least < 0 {
			continue
		}
		for x := lo; x < hi; x++ {
			if t.arcs[x].met {
				w[x] = min(w[x], least-1)
			}
		}
	}
}

// slots is how many more mentees the mentor can take.
func (m *mentorProfile) slots() int {
	if m.Paused {
		return 0
	}
	return max(m.Capacity-max(m.Active, 0), 0)
}
