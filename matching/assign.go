package matching

import (
	"cmp"
	"slices"
	"time"
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
// Options.AvoidRepeats, repeat avoidance decides across the whole round:
// the pairs that do not repeat are first the best round without any pair
// from Need.Met, and a repeat only takes a need and a slot that round
// leaves unused. So no need keeps a mentor from Need.Met while a mentor
// it has not met, eligible for it, has a slot left, nor while a need that
// has not met that mentor waits for the slot, nor while an exchange
// without the repeat serves the others as well (see arcWeights). The result is
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
	longest := longestLeft(&t, nps, pairs, len(mps))
	var out []Assignment
	for i, j := range pairs {
		if j >= 0 {
			c := assigned(&nps[i], mps, index, t.of(i), j, opt)
			if longest[j] > nps[i].Waited {
				notFirstInLine(&c)
			}
			out = append(out, Assignment{NeedID: nps[i].ID, Candidate: c})
		}
	}
	return out
}

// longestLeft is, for each mentor, the longest wait of the needs that
// could take them and that the round leaves without a mentor (-1 for
// none): a need that waited less than that was not first in line.
func longestLeft(t *arcTable, nps []needProfile, pairs []int32, nMentors int) []time.Duration {
	longest := make([]time.Duration, nMentors)
	for j := range longest {
		longest[j] = -1
	}
	for i, j := range pairs {
		if j >= 0 {
			continue
		}
		for _, a := range t.of(i) {
			longest[a.mentor] = max(longest[a.mentor], nps[i].Waited)
		}
	}
	return longest
}

// notFirstInLine keeps c's waiting reason from saying that the request
// was first in line (see WaitedOnly).
func notFirstInLine(c *Candidate) {
	for k := range c.Reasons {
		if c.Reasons[k].Code == ReasonWaited {
			c.Reasons[k].Detail = WaitedOnly
		}
	}
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
