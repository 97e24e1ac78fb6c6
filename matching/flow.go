package matching

import "math"

const infCost = math.MaxInt64 / 4

// flowEdge is an arc of the residual graph; rev indexes its twin in
// adj[to].
type flowEdge struct {
	to, rev, cap int
	cost         int64
}

// flowGraph is a residual graph for min-cost flow by the primal-dual
// method: Dijkstra on reduced costs (never negative, thanks to Johnson
// potentials), then augmentation along paths of zero reduced cost.
type flowGraph struct {
	adj [][]flowEdge
}

func newFlowGraph(nodes int) *flowGraph {
	return &flowGraph{adj: make([][]flowEdge, nodes)}
}

// addEdge adds u→v with the given capacity and cost, and its zero-capacity
// twin v→u.
func (g *flowGraph) addEdge(u, v, capacity int, cost int64) {
	g.adj[u] = append(g.adj[u], flowEdge{to: v, rev: len(g.adj[v]), cap: capacity, cost: cost})
	g.adj[v] = append(g.adj[v], flowEdge{to: u, rev: len(g.adj[u]) - 1, cost: -cost})
}

// minCostFlow pushes flow from s to t along cheapest paths for as long as
// a path of negative cost exists, so the final flow has the least cost of
// any flow value. pot must be feasible potentials: cost(u,v)+pot[u]-pot[v]
// >= 0 for every arc with capacity. Each phase costs O(V² + E) and adds at
// least one unit of flow, so a flow of F costs O(F·(V² + E)).
func (g *flowGraph) minCostFlow(s, t int, pot []int64) {
	n := len(g.adj)
	dist := make([]int64, n)
	done := make([]bool, n)
	for {
		g.shortestPaths(s, t, pot, dist, done)
		if dist[t] == infCost {
			return
		}
		// min(dist, dist[t]) keeps every reduced cost non-negative and
		// makes those on every shortest s-t path zero.
		for v := range dist {
			pot[v] += min(dist[v], dist[t])
		}
		if pot[t]-pot[s] >= 0 {
			return // no path lowers the cost any more
		}
		clear(done)
		if !g.augment(s, t, pot, done) {
			return // cannot happen: the shortest path found above is admissible
		}
		for g.augment(s, t, pot, done) {
		}
	}
}

// shortestPaths runs Dijkstra from s on reduced costs until t is settled.
// dist is exact for settled nodes and at least dist[t] for the others
// (infCost where unreached). It scans for the nearest unsettled node
// instead of using a heap: O(V² + E), which keeps Assign within O(n³)
// even on dense graphs.
func (g *flowGraph) shortestPaths(s, t int, pot, dist []int64, done []bool) {
	for i := range dist {
		dist[i], done[i] = infCost, false
	}
	dist[s] = 0
	for {
		u := -1
		for v, d := range dist {
			if !done[v] && d < infCost && (u < 0 || d < dist[u]) {
				u = v
			}
		}
		if u < 0 || u == t {
			return
		}
		done[u] = true
		for _, e := range g.adj[u] {
			if e.cap > 0 && !done[e.to] {
				dist[e.to] = min(dist[e.to], dist[u]+e.cost+pot[u]-pot[e.to])
			}
		}
	}
}

// augment pushes one unit of flow along a path from u to t whose arcs all
// have zero reduced cost, entering no node marked seen and marking those it
// enters. It reports whether it found one. Within a phase every node is
// entered at most once, so a phase costs O(V + E) plus O(V) per path.
func (g *flowGraph) augment(u, t int, pot []int64, seen []bool) bool {
	if u == t {
		return true
	}
	seen[u] = true
	for i := range g.adj[u] {
		e := &g.adj[u][i]
		if e.cap <= 0 || seen[e.to] || e.cost+pot[u]-pot[e.to] != 0 {
			continue
		}
		if g.augment(e.to, t, pot, seen) {
			e.cap--
			g.adj[e.to][e.rev].cap++
			return true
		}
	}
	return false
}
