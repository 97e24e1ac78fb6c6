package matching

// arcWeights returns the integer weight Assign maximises for each arc of
// t, so that the best matching has the greatest sum of Score.Value
// (compared at 1e-9) and, among those, the most pairs:
//
//	w = key·K + 1
//
// with key = totalKey(Score.Value) and K greater than any pair count, so
// that one unit of key outweighs any number of extra pairs.
//
// With repeat avoidance, and some need with an arc to a mentor in its
// Need.Met, the objective becomes lexicographic over the whole round:
// first the greatest sum of the weights above over the pairs that do not
// repeat (the best round without any repeat), then, among those rounds,
// the greatest sum over the repeats of r = keyᵣ·Kᵣ + 1, where keyᵣ is
// the key at a coarser resolution (1e-3 at first) and Kᵣ exceeds the
// number of needs that have a met arc. An arc that does not repeat weighs
// S·w, with S greater than any sum of r, and a repeat weighs r. So a
// repeat is formed only with a need and a slot that the best round
// without repeats leaves unused: never while a mentor it has not met
// has a slot left, while a need that has not met its mentor waits for
// that slot, or while an exchange without the repeat serves the others
// as well; and it is still formed when nothing else uses them.
//
// Weights stay under 2^56, so that sums of a few of them (the duals and
// path lengths of the solver, at most about 4 weights) cannot overflow
// int64; should keys be too large for that (huge Options bonuses, or
// rounds of thousands of needs with repeats), they lose decimal digits:
// the repeats' first, down to counting repeats alone, then the others'.
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
	scale, rdiv, rk := int64(1), int64(0), int64(0)
	if avoid {
		scale, rdiv, rk = repeatScale(t, nNeeds, maxKey)
	}
	div := int64(1)
	for float64(maxKey/div+1)*float64(k)*float64(scale) > 1<<55 {
		div *= 10
	}
	w := make([]int64, len(t.arcs))
	for i, a := range t.arcs {
		if avoid && a.met && rdiv > 0 {
			w[i] = (max(a.key, 0)+rdiv/2)/rdiv*rk + 1
			continue
		}
		w[i] = ((max(a.key, 0)+div/2)/div*k + 1) * scale
	}
	return w
}

// repeatScale returns, for a round with repeat avoidance, the factor S of
// the arcs that do not repeat, and the divisor of the keys of repeats and
// their Kᵣ (see arcWeights); rdiv is 0 when no need has a met arc. S
// stays at most 2^24: past it, the repeats' keys lose digits, down to
// none (a repeat then weighs 1, and the most repeats win).
func repeatScale(t *arcTable, nNeeds int, maxKey int64) (scale, rdiv, rk int64) {
	withMet := int64(0)
	for i := range nNeeds {
		for _, a := range t.of(i) {
			if a.met {
				withMet++
				break
			}
		}
	}
	if withMet == 0 {
		return 1, 0, 0
	}
	rk = withMet + 1
	for rdiv = 1_000_000; ; rdiv *= 10 {
		maxR := int64(0)
		if q := (maxKey + rdiv/2) / rdiv; q > 0 {
			maxR = q * rk
		}
		maxR++
		// Any sum of repeats is at most withMet·maxR < S.
		if s := withMet*maxR + 1; s <= 1<<24 || maxR == 1 {
			return s, rdiv, rk
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
