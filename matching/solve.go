package matching

// solveAssignment returns, for each of the nNeeds needs, the index of its
// mentor or -1. It maximises the sum of arc keys, then the number of pairs,
// by giving each arc the weight key·K+1 with K greater than any pair count
// and finding a min-cost flow on costs -weight:
//
//	source →(1) need →(1, -weight) mentor →(slots) sink
func solveAssignment(nNeeds int, mps []mentorProfile, arcs []arc) []int {
	const source, sink, needBase = 0, 1, 2
	mentorBase := needBase + nNeeds
	g := newFlowGraph(mentorBase + len(mps))
	pot := make([]int64, mentorBase+len(mps))

	used := make([]bool, len(mps))
	totalSlots := 0
	for _, a := range arcs {
		if !used[a.mentor] {
			used[a.mentor] = true
			totalSlots += mps[a.mentor].slots()
		}
	}
	weight := arcWeigher(min(nNeeds, totalSlots))

	for i := range nNeeds {
		g.addEdge(source, needBase+i, 1, 0)
	}
	for _, a := range arcs {
		cost := -weight(a.key)
		g.addEdge(needBase+a.need, mentorBase+a.mentor, 1, cost)
		pot[mentorBase+a.mentor] = min(pot[mentorBase+a.mentor], cost)
	}
	for j := range mps {
		if used[j] {
			g.addEdge(mentorBase+j, sink, mps[j].slots(), 0)
			pot[sink] = min(pot[sink], pot[mentorBase+j])
		}
	}
	g.minCostFlow(source, sink, pot)

	pairs := make([]int, nNeeds)
	for i := range pairs {
		pairs[i] = -1
		for _, e := range g.adj[needBase+i] {
			if e.to >= mentorBase && e.cap == 0 {
				pairs[i] = e.to - mentorBase
			}
		}
	}
	return pairs
}

// arcWeigher returns the weight function key·K+1 with K = maxPairs+1, so
// that one unit of key outweighs any number of extra pairs. It keeps the
// sum of weights of any matching under 2^56, so that path costs and
// potentials (at most a few such sums) stay far from int64 overflow and
// infCost; for very large rounds keys lose decimal digits of resolution.
func arcWeigher(maxPairs int) func(key int64) int64 {
	k := int64(maxPairs) + 1
	div := int64(1)
	for div < totalScale && float64(maxPairs)*float64(k)*float64(totalScale/div+1) > 1<<56 {
		div *= 10
	}
	return func(key int64) int64 {
		return (key+div/2)/div*k + 1
	}
}
