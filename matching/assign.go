package matching

import (
	"cmp"
	"slices"
)

// Assignment pairs a need with the mentor proposed for it.
type Assignment struct {
	NeedID    string
	Candidate Candidate
}

// Assign makes one optimal matching round. Each need gets at most one
// mentor and each mentor at most Capacity-Active needs, among the mentors
// eligible for that need (the rules of Rank). Among all such matchings it
// returns one with the greatest sum of arc weights (see arcWeights): the
// greatest sum of Score.Value (compared at 1e-9) and, among those, the
// most pairs, so it never lowers the sum to make more pairs. With
// Options.AvoidRepeats, no need keeps a mentor from Need.Met while a
// mentor it has not met, eligible for it, has a slot left. The result is
// deterministic and in the input order of needs; unmatched needs are
// left out. Two needs of one mentee may get the same mentor.
//
// Cost, for N needs, M mentors and E eligible pairs: the topic index
// scores only the C >= E pairs that share a topic word, O(N + M + C); the
// solver adds the nodes of the scarcer side one at a time, each with a
// Dijkstra that stops at the cheapest free node or need it can leave out
// (see the package doc and "Round benchmark" in docs/matching.md).
func Assign(needs []Need, mentors []Mentor, opt Options) []Assignment {
	nps := make([]needProfile, len(needs))
	for i, n := range needs {
		nps[i] = newNeedProfile(n, opt.Synonyms)
	}
	mps, index := byID(mentors, opt.Synonyms)
	t := eligibleArcs(nps, mps, opt)
	if len(t.arcs) == 0 {
		return nil
	}
	pairs := solveRound(&t, arcWeights(&t, len(nps), mps, opt.AvoidRepeats), mps)
	var out []Assignment
	for i, j := range pairs {
		if j >= 0 {
			out = append(out, Assignment{NeedID: nps[i].ID, Candidate: assigned(&nps[i], mps, index, t.of(i), j, opt)})
		}
	}
	return out
}

// assigned builds the candidate of mentor j for need n, whose eligible
// arcs are arcs, as Rank would.
func assigned(n *needProfile, mps []mentorProfile, index []int, arcs []arc, j int32, opt Options) Candidate {
	mt, _ := assess(n, &mps[j], opt)
	c := candidate(n, &mps[j], mt)
	if !opt.AvoidRepeats || mt.met {
		return c
	}
	r := newRanked(&mps[j], mt, index[j])
	for _, a := range arcs {
		if !a.met {
			continue
		}
		mmt, _ := assess(n, &mps[a.mentor], opt)
		if compareRanked(newRanked(&mps[a.mentor], mmt, index[a.mentor]), r, false) < 0 {
			c.AvoidedRepeat = true
			break
		}
	}
	return c
}

// byID returns the profiles of the mentors sorted by ID, then input
// position, and the input position of each. Arcs, and so the solver's
// ties, follow this order, which is Rank's last tie-break: a lone need
// gets Rank's first candidate, and reordering the input changes nothing.
func byID(mentors []Mentor, syn Synonyms) ([]mentorProfile, []int) {
	index := make([]int, len(mentors))
	for j := range index {
		index[j] = j
	}
	slices.SortStableFunc(index, func(a, b int) int { return cmp.Compare(mentors[a].ID, mentors[b].ID) })
	mps := make([]mentorProfile, len(mentors))
	f := newTopicMemo(syn)
	for k, j := range index {
		mps[k] = newMentorProfile(mentors[j], f)
	}
	return mps, index
}
