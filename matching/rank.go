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
	if k <= 0 {
		return nil
	}
	n := newNeedProfile(need, opt.Synonyms)
	f := newTopicMemo(opt.Synonyms)
	order := func(a, b ranked) int { return compareRanked(a, b, opt.AvoidRepeats) }
	// Only a window of the best k is kept, and the best mentor met before
	// (which decides AvoidedRepeat): a topic's thousands of mentors cost
	// O(k) memory, not one entry each.
	w := window{k: k, cmp: order, all: 4*k >= len(mentors)}
	var bestMet ranked
	hasMet := false
	var m mentorProfile
	for i := range mentors {
		if mentors[i].Paused || mentors[i].Capacity <= max(mentors[i].Active, 0) || n.excluded(mentors[i].ID) {
			continue // hard filters that need no profile: skipped before building one
		}
		m.reset(mentors[i], f)
		mt, rej := assess(&n, &m, opt)
		if rej != eligible {
			continue
		}
		r := newRanked(&m, mt, i)
		if r.met && (!hasMet || compareRanked(r, bestMet, false) < 0) {
			bestMet, hasMet = r, true
		}
		w.add(r)
	}
	w.finish()
	if len(w.top) == 0 {
		return nil
	}
	out := make([]Candidate, 0, len(w.top))
	for _, r := range w.top {
		c := candidateOf(&n, r.id, r.years, r.mt)
		c.AvoidedRepeat = opt.AvoidRepeats && hasMet && !r.met && compareRanked(bestMet, r, false) < 0
		out = append(out, c)
	}
	return out
}

// window keeps the first k entries in the order of cmp, sorted: O(log k)
// comparisons for an entry that does not enter it, O(k) moves for one
// that does. With all set (k is close to the number of entries), it keeps
// every entry and sorts them once at the end instead.
type window struct {
	k   int
	cmp func(a, b ranked) int
	all bool
	top []ranked
}

func (w *window) add(r ranked) {
	if w.all {
		w.top = append(w.top, r)
		return
	}
	if len(w.top) == w.k && w.cmp(r, w.top[w.k-1]) >= 0 {
		return
	}
	i, _ := slices.BinarySearchFunc(w.top, r, w.cmp)
	if len(w.top) < w.k {
		w.top = append(w.top, ranked{})
	}
	copy(w.top[i+1:], w.top[i:len(w.top)-1])
	w.top[i] = r
}

// finish sorts a window that kept every entry and cuts it to k.
func (w *window) finish() {
	if w.all {
		slices.SortFunc(w.top, w.cmp)
		w.top = w.top[:min(w.k, len(w.top))]
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
