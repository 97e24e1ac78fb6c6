package matching

import "slices"

// componentOrder groups the needs that share no mentor, directly or
// through other needs, into independent components: no pair of one
// component can change the best pairs of another. It returns the needs
// with at least one arc, component by component (components in the order
// of their first need, needs in input order), and where each component
// starts in it (bounds[c]:bounds[c+1]). Union-find with path halving:
// O((N+M+E)·α).
func componentOrder(t *arcTable, nNeeds, nMentors int) (order, bounds []int32) {
	parent := make([]int32, nNeeds+nMentors)
	for x := range parent {
		parent[x] = int32(x)
	}
	find := func(x int32) int32 {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	for i := range nNeeds {
		for _, a := range t.of(i) {
			if ri, rj := find(int32(i)), find(int32(nNeeds)+a.mentor); ri != rj {
				parent[max(ri, rj)] = min(ri, rj)
			}
		}
	}
	comp := make([]int32, nNeeds) // component number + 1 of each root need, 0 for none
	count := []int32{0}           // count[c+1] = needs in component c, then prefix sums
	for i := range nNeeds {
		if t.start[i] == t.end[i] {
			continue
		}
		r := find(int32(i))
		if comp[r] == 0 {
			count = append(count, 0)
			comp[r] = int32(len(count) - 1)
		}
		count[comp[r]]++
	}
	for c := 1; c < len(count); c++ {
		count[c] += count[c-1]
	}
	order = make([]int32, count[len(count)-1])
	bounds = slices.Clone(count)
	for i := range nNeeds {
		if t.start[i] == t.end[i] {
			continue
		}
		c := comp[find(int32(i))] - 1
		order[count[c]] = int32(i)
		count[c]++
	}
	return order, bounds
}
