package matching

import (
	"slices"
	"strings"
)

// topicIndex maps each word of an offered topic (after NormalizeTopic) to
// the mentors with a free slot who offer it, in input order. matchTopic
// matches a need's topic only with a topic that shares a word with it
// (the same folded topic, or one whose words include the other's), so the
// mentors listed under the words of a need's topic include every mentor
// eligible for it.
type topicIndex map[string][]int32

func newTopicIndex(mps []mentorProfile) topicIndex {
	idx := topicIndex{}
	for j := range mps {
		if !mps[j].hasRoom() {
			continue
		}
		for _, t := range mps[j].topics {
			for w := range strings.FieldsSeq(t.norm) {
				if l := idx[w]; len(l) == 0 || l[len(l)-1] != int32(j) {
					idx[w] = append(l, int32(j))
				}
			}
		}
	}
	return idx
}

// arc is an eligible (need, mentor) pair: key is totalKey(Score.Value).
type arc struct {
	mentor int32
	met    bool
	key    int64
}

// arcTable holds the eligible arcs of every need, need by need: those of
// need i are arcs[start[i]:end[i]], in mentor order. (Transposed, the
// slots of one mentor share one range.)
type arcTable struct {
	arcs       []arc
	start, end []int32
}

func (t *arcTable) of(i int) []arc { return t.arcs[t.start[i]:t.end[i]] }

// eligibleArcs lists the eligible arcs of every need. It looks up the
// mentors offering a word of the need's topic, then applies every hard
// filter to them alone: O(Σ candidates) instead of O(N·M).
func eligibleArcs(nps []needProfile, mps []mentorProfile, opt Options) arcTable {
	idx := newTopicIndex(mps)
	t := arcTable{start: make([]int32, len(nps)+1)}
	var lm languageMasks
	mentorLangs := make([]uint64, len(mps))
	for j := range mps {
		mentorLangs[j] = lm.mask(mps[j].langs)
	}
	seen := make([]int32, len(mps)) // seen[j] == i+1: mentor j is a candidate of need i
	var cands []int32
	for i := range nps {
		cands = cands[:0]
		for w := range strings.FieldsSeq(nps[i].topic.norm) {
			for _, j := range idx[w] {
				if seen[j] != int32(i+1) {
					seen[j] = int32(i + 1)
					cands = append(cands, j)
				}
			}
		}
		slices.Sort(cands)
		needLangs := lm.mask(nps[i].langs)
		for _, j := range cands {
			if needLangs&mentorLangs[j] == 0 && needLangs != 0 && mentorLangs[j] != 0 ||
				!mps[j].accepts(nps[i].kind) || !reverseAllowed(nps[i].kind, mps[j].Years, nps[i].Years) {
				continue // cheap filters first; assess checks them again
			}
			if mt, rej := assess(&nps[i], &mps[j], opt); rej == eligible {
				t.arcs = append(t.arcs, arc{mentor: j, met: mt.met, key: totalKey(mt.score.Value)})
			}
		}
		t.start[i+1] = int32(len(t.arcs))
	}
	t.end = t.start[1:]
	t.start = t.start[:len(nps)]
	return t
}

// languageMasks gives each language code a bit, so that "no shared
// language" costs one AND. Past 63 codes every code gets the last bit,
// which only weakens the pre-check; assess decides.
type languageMasks map[string]uint64

func (lm *languageMasks) mask(codes []string) uint64 {
	if *lm == nil {
		*lm = languageMasks{}
	}
	var m uint64
	for _, c := range codes {
		b, ok := (*lm)[c]
		if !ok {
			b = 1 << min(len(*lm), 63)
			(*lm)[c] = b
		}
		m |= b
	}
	return m
}
