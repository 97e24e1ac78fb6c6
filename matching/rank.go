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

// ranked is an eligible mentor with what the ordering needs; its
// Candidate (with reasons) is built only for those returned.
type ranked struct {
	mt               match
	id               string
	years            int
	key              int64 // totalKey(Score.Value)
	met, avoided     bool
	active, capacity int
	index            int
}

func newRanked(m *mentorProfile, mt match, index int) ranked {
	return ranked{
		mt: mt, id: m.ID, years: m.Years, key: totalKey(mt.score.Value), met: mt.met,
		active: max(m.Active, 0), capacity: m.Capacity, index: index,
	}
}

// Rank returns the eligible mentors for need, best first: with
// Options.AvoidRepeats, mentors not in Need.Met before those in it; then
// by higher Score.Value (compared at 1e-9), then lower load
// Active/Capacity, then lower MentorID, then earlier position in mentors.
// It returns nil when no mentor is eligible. Use Explain to learn why the
// others were left out. Its order is the one Assign uses for a lone need.
func Rank(need Need, mentors []Mentor, opt Options) []Candidate {
	return RankTop(need, mentors, opt, len(mentors))
}

// RankTop returns the first k of Rank's candidates, without building the
// others' reasons: the instant proposal needs only the best few of a
// topic's thousands of mentors.
func RankTop(need Need, mentors []Mentor, opt Options, k int) []Candidate {
	n := newNeedProfile(need, opt.Synonyms)
	var rs []ranked
	f := newTopicMemo(opt.Synonyms)
	for i := range mentors {
		if mentors[i].Capacity <= max(mentors[i].Active, 0) || n.excluded(mentors[i].ID) {
			continue // hard filters that need no profile: skipped before building one
		}
		m := newMentorProfile(mentors[i], f)
		mt, rej := assess(&n, &m, opt)
		if rej != eligible {
			continue
		}
		rs = append(rs, newRanked(&m, mt, i))
	}
	if opt.AvoidRepeats {
		markAvoided(rs)
	}
	rs = best(rs, k, func(a, b ranked) int { return compareRanked(a, b, opt.AvoidRepeats) })
	if len(rs) == 0 || k <= 0 {
		return nil
	}
	out := make([]Candidate, 0, min(k, len(rs)))
	for _, r := range rs[:min(k, len(rs))] {
		c := candidateOf(&n, r.id, r.years, r.mt)
		c.AvoidedRepeat = r.avoided
		out = append(out, c)
	}
	return out
}

// best returns the first k of rs in the order of cmp, sorted. For a k
// much smaller than rs it keeps a sorted window of k instead of sorting
// everything: O(n·log k) comparisons in the usual case where few
// candidates enter the window, O(n·k) moves at worst.
func best(rs []ranked, k int, cmp func(a, b ranked) int) []ranked {
	if k <= 0 || 4*k >= len(rs) {
		slices.SortFunc(rs, cmp)
		return rs
	}
	top := make([]ranked, 0, k)
	for _, r := range rs {
		if len(top) == k && cmp(r, top[k-1]) >= 0 {
			continue
		}
		i, _ := slices.BinarySearchFunc(top, r, cmp)
		if len(top) < k {
			top = append(top, ranked{})
		}
		copy(top[i+1:], top[i:len(top)-1])
		top[i] = r
	}
	return top
}

// markAvoided sets AvoidedRepeat on each candidate not met before that a
// met candidate would outrank without repeat avoidance.
func markAvoided(rs []ranked) {
	best := -1
	for i := range rs {
		if rs[i].met && (best < 0 || compareRanked(rs[i], rs[best], false) < 0) {
			best = i
		}
	}
	if best < 0 {
		return
	}
	for i := range rs {
		rs[i].avoided = !rs[i].met && compareRanked(rs[best], rs[i], false) < 0
	}
}

// compareRanked orders better candidates first. Capacities are positive
// for eligible mentors, so loads compare exactly by cross-multiplication.
func compareRanked(a, b ranked, avoidRepeats bool) int {
	if avoidRepeats && a.met != b.met {
		if b.met {
			return -1
		}
		return 1
	}
	if c := cmp.Compare(b.key, a.key); c != 0 {
		return c
	}
	la := int64(a.active) * int64(b.capacity)
	lb := int64(b.active) * int64(a.capacity)
	if c := cmp.Compare(la, lb); c != 0 {
		return c
	}
	if c := cmp.Compare(a.id, b.id); c != 0 {
		return c
	}
	return cmp.Compare(a.index, b.index)
}
