package matching

import (
	"cmp"
	"slices"
)

// solver finds a matching of greatest total weight in which each need has
// at most one mentor and mentor j at most slots[j] needs. It is the
// Hungarian method for sparse graphs, one need at a time: it keeps duals
// u (needs) and v (mentors), never negative, with
//
//	u[i] + v[j] >= w(i,j) on every arc, with equality on chosen arcs,
//	u[i] = 0 when need i is unmatched, v[j] = 0 when mentor j has room,
//
// which prove the matching of the needs added so far optimal (LP duality).
// Adding need r, a Dijkstra on the reduced costs u+v-w >= 0 finds the
// cheapest way to make room for it: a mentor with room, or another need
// (or r itself) left unmatched, at cost u of that need. The search stops
// at the first such end, so it explores only what competes for r.
type solver struct {
	t     *arcTable
	w     []int64
	slots []int32
	u, v  []int64
	match []int32 // mentor of each need, or -1
	off   []int32 // the needs held by mentor j are held[off[j]:off[j]+load[j]]
	load  []int32
	held  []int32

	// Dijkstra state, valid for mentors whose seen (done) equals round,
	// and the cheapest end found so far: need endNeed left unmatched, or,
	// when endMentor >= 0, mentor endMentor, which has room.
	best               int64
	endNeed, endMentor int32
	round              int32
	seen, done         []int32
	dist               []int64 // of mentors
	pred               []int32 // need through which a mentor was reached
	dneed              []int64 // of needs settled this round
	settledN           []int32
	settledM           []int32
	heap               distHeap
}

// newSolver prepares a solver for the left nodes of t (needs, or mentor
// slots when transposed), each taking at most one right node, and right
// nodes with the given capacities. It sorts the arcs of each left node
// heaviest first, so that searches can stop scanning them early.
func newSolver(t *arcTable, w []int64, capacity []int32) *solver {
	heaviestFirst(t, w)
	n, m := len(t.start), len(capacity)
	s := &solver{t: t, w: w, slots: make([]int32, m), u: make([]int64, n), v: make([]int64, m),
		match: make([]int32, n), off: make([]int32, m+1), load: make([]int32, m),
		seen: make([]int32, m), done: make([]int32, m), dist: make([]int64, m), pred: make([]int32, m),
		dneed: make([]int64, n)}
	for j, c := range capacity {
		s.slots[j] = min(c, int32(n))
		s.off[j+1] = s.off[j] + s.slots[j]
	}
	s.held = make([]int32, s.off[m])
	for i := range s.match {
		s.match[i] = -1
	}
	return s
}

// bestWeights is the weight of the heaviest arc of each of the nodes.
func bestWeights(t *arcTable, w []int64, nodes []int32) []int64 {
	best := make([]int64, len(nodes))
	for k, i := range nodes {
		for x := t.start[i]; x < t.end[i]; x++ {
			best[k] = max(best[k], w[x])
		}
	}
	return best
}

// sortByBest orders nodes by best (their heaviest arc), heaviest first,
// then in their order: strong nodes added first rarely lose their partner
// later, and weak ones then rarely displace them, so searches stay short.
func sortByBest(best []int64, nodes []int32) {
	idx := make([]int, len(nodes))
	for k := range idx {
		idx[k] = k
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(best[b], best[a]) })
	sorted := make([]int32, len(nodes))
	for k, x := range idx {
		sorted[k] = nodes[x]
	}
	copy(nodes, sorted)
}

// add pairs need r optimally with the needs added before.
func (s *solver) add(r int32) {
	if s.direct(r) {
		return
	}
	s.round++
	s.settledN, s.settledM, s.heap = s.settledN[:0], s.settledM[:0], s.heap[:0]
	s.best, s.endNeed, s.endMentor = s.u[r], r, -1 // cheapest end so far: r unmatched
	s.settle(r, 0)
	for len(s.heap) > 0 {
		d, j := s.heap.pop()
		if s.done[j] == s.round || d != s.dist[j] {
			continue
		}
		if d >= s.best {
			break
		}
		s.done[j] = s.round
		s.settledM = append(s.settledM, j) // full: settle never queues a node with room
		for _, i := range s.held[s.off[j] : s.off[j]+s.load[j]] {
			if d+s.u[i] < s.best {
				s.best, s.endNeed, s.endMentor = d+s.u[i], i, -1
			}
			s.settle(i, d)
		}
	}
	s.updateDuals(s.best)
	s.augment(r, s.endNeed, s.endMentor)
}

// direct sets u[r] so that r's arcs are feasible, and pairs r at once
// when one of its tight arcs (reduced cost 0) leads to a node with room:
// the cheapest end, with no search (the lowest such node on ties).
func (s *solver) direct(r int32) bool {
	base := int(s.t.start[r])
	gain, free := s.u[r], int32(-1)
	for x, a := range s.t.of(int(r)) {
		if s.w[base+x] < gain {
			break // arcs are heaviest first and v >= 0: no later arc gains more
		}
		g := s.w[base+x] - s.v[a.mentor]
		if g > gain {
			gain, free = g, -1
		}
		if g == gain && s.load[a.mentor] < s.slots[a.mentor] && (free < 0 || a.mentor < free) {
			free = a.mentor
		}
	}
	s.u[r] = gain
	if free < 0 || gain <= 0 {
		return false
	}
	s.held[s.off[free]+s.load[free]] = r
	s.load[free]++
	s.match[r] = free
	return true
}

// settle records need i at distance d and relaxes its arcs. A node with
// room is an end: it becomes the cheapest end when it beats s.best.
// Other nodes are queued only below s.best: nodes at s.best or beyond
// cannot lead to a cheaper end.
func (s *solver) settle(i int32, d int64) {
	s.dneed[i] = d
	s.settledN = append(s.settledN, i)
	base := int(s.t.start[i])
	for x, a := range s.t.of(int(i)) {
		j := a.mentor
		if s.done[j] == s.round {
			continue
		}
		if d+s.u[i]-s.w[base+x] >= s.best {
			break // arcs are heaviest first and v >= 0: no later arc is cheaper
		}
		nd := d + s.u[i] + s.v[j] - s.w[base+x]
		if nd >= s.best {
			continue
		}
		if s.load[j] < s.slots[j] {
			s.best, s.endMentor, s.pred[j] = nd, j, i
			continue
		}
		if s.seen[j] != s.round || nd < s.dist[j] {
			s.seen[j], s.dist[j], s.pred[j] = s.round, nd, i
			s.heap.push(nd, j)
		}
	}
}

// updateDuals shifts the duals of what the search settled so that the
// path to the cheapest end has zero reduced cost; they stay feasible.
func (s *solver) updateDuals(best int64) {
	for _, i := range s.settledN {
		s.u[i] -= best - s.dneed[i]
	}
	for _, j := range s.settledM {
		s.v[j] += best - s.dist[j]
	}
}

// augment gives r a mentor along the path found, ending at endMentor
// (with room) or, when endMentor < 0, at need end, which loses its mentor
// (when end == r, r stays unmatched).
func (s *solver) augment(r, end, endMentor int32) {
	j := endMentor
	if j < 0 {
		if end == r {
			return
		}
		j = s.match[end]
		s.release(j, end)
	}
	for {
		i := s.pred[j]
		old := s.match[i]
		if old >= 0 {
			s.release(old, i)
		}
		s.held[s.off[j]+s.load[j]] = i
		s.load[j]++
		s.match[i] = j
		if i == r {
			return
		}
		j = old
	}
}

// release takes need i off mentor j.
func (s *solver) release(j, i int32) {
	h := s.held[s.off[j] : s.off[j]+s.load[j]]
	for x := range h {
		if h[x] == i {
			h[x] = h[len(h)-1]
			break
		}
	}
	s.load[j]--
	s.match[i] = -1
}

// distHeap is a binary min-heap of (distance, mentor), ties by mentor.
type distHeap []heapItem

type heapItem struct {
	d int64
	j int32
}

func (h heapItem) less(o heapItem) bool { return h.d < o.d || (h.d == o.d && h.j < o.j) }

func (h *distHeap) push(d int64, j int32) {
	*h = append(*h, heapItem{d, j})
	a := *h
	for c := len(a) - 1; c > 0; {
		p := (c - 1) / 2
		if !a[c].less(a[p]) {
			break
		}
		a[c], a[p] = a[p], a[c]
		c = p
	}
}

func (h *distHeap) pop() (int64, int32) {
	a := *h
	top := a[0]
	last := len(a) - 1
	a[0] = a[last]
	a = a[:last]
	for p := 0; ; {
		c := 2*p + 1
		if c >= len(a) {
			break
		}
		if c+1 < len(a) && a[c+1].less(a[c]) {
			c++
		}
		if !a[c].less(a[p]) {
			break
		}
		a[p], a[c] = a[c], a[p]
		p = c
	}
	*h = a
	return top.d, top.j
}

// heaviestFirst sorts the arcs of each node of t (with their weights)
// by weight, heaviest first, then by the node they lead to. Ranges shared by
// several nodes are sorted once.
func heaviestFirst(t *arcTable, w []int64) {
	type weighed struct {
		w int64
		a arc
	}
	var buf []weighed
	doneLo, doneHi := int32(-1), int32(-1)
	for i := range t.start {
		lo, hi := t.start[i], t.end[i]
		if lo == doneLo && hi == doneHi {
			continue
		}
		doneLo, doneHi = lo, hi
		buf = buf[:0]
		for x := lo; x < hi; x++ {
			buf = append(buf, weighed{w[x], t.arcs[x]})
		}
		slices.SortFunc(buf, func(a, b weighed) int {
			if c := cmp.Compare(b.w, a.w); c != 0 {
				return c
			}
			return cmp.Compare(a.a.mentor, b.a.mentor) // a node has one arc per partner
		})
		for k, e := range buf {
			w[lo+int32(k)], t.arcs[lo+int32(k)] = e.w, e.a
		}
	}
}
