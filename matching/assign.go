package matching

// Assignment pairs a need with the mentor proposed for it.
type Assignment struct {
	NeedID    string
	Candidate Candidate
}

// arc is an eligible (need, mentor) pair with its quantised total.
type arc struct {
	need, mentor int
	key          int64
}

// Assign makes one optimal matching round. Each need gets at most one
// mentor and each mentor at most Capacity-Active needs, among the mentors
// eligible for that need (the rules of Rank). Among all such matchings it
// returns one with the greatest sum of Score.Total (compared at 1e-9) and,
// among those, the most pairs: it never lowers the sum to make more pairs.
// The result is deterministic and in the input order of needs; unmatched
// needs are left out. Two needs of one mentee may get the same mentor.
//
// Scoring costs O(N·M) for N needs and M mentors. The matching is a
// primal-dual min-cost flow: at most P <= N phases, each a dense Dijkstra
// of O((N+M)² + E) over the E eligible pairs, so O(N·(N+M)²) in all.
func Assign(needs []Need, mentors []Mentor, opt Options) []Assignment {
	nps := make([]needProfile, len(needs))
	for i, n := range needs {
		nps[i] = newNeedProfile(n)
	}
	mps := newMentorProfiles(mentors)
	arcs := eligibleArcs(nps, mps, opt)
	if len(arcs) == 0 {
		return nil
	}
	pairs := solveAssignment(len(nps), mps, arcs)
	var out []Assignment
	for i, j := range pairs {
		if j < 0 {
			continue
		}
		mt, _ := assess(&nps[i], &mps[j], opt)
		out = append(out, Assignment{NeedID: nps[i].ID, Candidate: candidate(&nps[i], &mps[j], mt)})
	}
	return out
}

// eligibleArcs lists every eligible (need, mentor) pair, in need then
// mentor order.
func eligibleArcs(nps []needProfile, mps []mentorProfile, opt Options) []arc {
	var arcs []arc
	for i := range nps {
		for j := range mps {
			mt, rej := assess(&nps[i], &mps[j], opt)
			if rej == eligible {
				arcs = append(arcs, arc{need: i, mentor: j, key: totalKey(mt.score.Total)})
			}
		}
	}
	return arcs
}

// slots is how many more mentees the mentor can take.
func (m *mentorProfile) slots() int {
	return max(m.Capacity-max(m.Active, 0), 0)
}
