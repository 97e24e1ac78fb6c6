package matching

import (
	"cmp"
	"math"
	"slices"
)

// totalScale is the resolution at which totals are compared: totals that
// round to the same multiple of 1/totalScale are ties.
const totalScale = 1e9

// totalKey quantises a total so that comparisons are exact and transitive.
func totalKey(total float64) int64 {
	return int64(math.Round(total * totalScale))
}

// ranked is a candidate with what the ordering needs.
type ranked struct {
	Candidate
	key              int64
	active, capacity int
	index            int
}

// Rank returns the eligible mentors for need, best first: by higher
// Score.Total (compared at 1e-9), then lower load Active/Capacity, then
// lower MentorID, then earlier position in mentors. It returns nil when
// no mentor is eligible. Use Explain to learn why the others were left out.
func Rank(need Need, mentors []Mentor, opt Options) []Candidate {
	n := newNeedProfile(need)
	var rs []ranked
	for i := range mentors {
		m := newMentorProfile(mentors[i])
		mt, rej := assess(&n, &m, opt)
		if rej != eligible {
			continue
		}
		rs = append(rs, ranked{
			Candidate: candidate(&n, &m, mt), key: totalKey(mt.score.Total),
			active: max(m.Active, 0), capacity: m.Capacity, index: i,
		})
	}
	slices.SortFunc(rs, compareRanked)
	var out []Candidate
	for _, r := range rs {
		out = append(out, r.Candidate)
	}
	return out
}

// compareRanked orders better candidates first. Capacities are positive
// for eligible mentors, so loads compare exactly by cross-multiplication.
func compareRanked(a, b ranked) int {
	if c := cmp.Compare(b.key, a.key); c != 0 {
		return c
	}
	la := int64(a.active) * int64(b.capacity)
	lb := int64(b.active) * int64(a.capacity)
	if c := cmp.Compare(la, lb); c != 0 {
		return c
	}
	if c := cmp.Compare(a.MentorID, b.MentorID); c != 0 {
		return c
	}
	return cmp.Compare(a.index, b.index)
}
