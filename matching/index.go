package matching

import (
	"slices"
	"strings"
)

// topicIndex maps each word of an offered topic (after NormalizeTopic) to
// the mentors with a free slot who offer it, in input order. matchTopic
// matches a need's topic only with a topic that shares a word with it
// (the same folded topic, or one whose words include the need's), so the
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
			for w := range strings.FieldsSeq(t.words) {
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

// eligibleArcs lists the eligible arcs of every need. Needs with the same
// folded topic share one list of candidates: the mentors offering a word
// of it, with matchTopic's verdict. The other hard filters then apply to
// each need and candidate: O(N + M + C) for C candidates in all, instead
// of O(N·M).
func eligibleArcs(nps []needProfile, mps []mentorProfile, opt Options) arcTable {
	idx := newTopicIndex(mps)
	t := arcTable{start: make([]int32, len(nps)+1)}
	var lm languageMasks
	mentorLangs := make([]uint64, len(mps))
	for j := range mps {
		mentorLangs[j] = lm.mask(mps[j].langs)
	}
	byTopic := map[string][]topicCandidate{}
	need := make([][]topicCandidate, len(nps))
	bound := 0
	for i := range nps {
		cands, ok := byTopic[nps[i].topic.norm]
		if !ok {
			cands = topicCandidates(nps[i].topic, idx, mps, opt.NarrowerOffers)
			byTopic[nps[i].topic.norm] = cands
		}
		need[i] = cands
		bound += len(cands)
	}
	t.arcs = make([]arc, 0, bound) // at most twice the arcs in practice; growing would copy more
	for i := range nps {
		n, cands := &nps[i], need[i]
		needLangs := lm.mask(n.langs)
		for _, c := range cands {
			m := &mps[c.mentor]
			if needLangs&mentorLangs[c.mentor] == 0 && needLangs != 0 && mentorLangs[c.mentor] != 0 ||
				!m.accepts(n.kind) || !reverseAllowed(n.kind, m.Years, n.Years) || n.excluded(m.ID) {
				continue // cheap filters first; assessRest checks them again
			}
			if mt, rej := assessRest(n, m, opt, c.topicMatch); rej == eligible {
				t.arcs = append(t.arcs, arc{mentor: c.mentor, met: mt.met, key: totalKey(mt.score.Value)})
			}
		}
		t.start[i+1] = int32(len(t.arcs))
	}
	t.end = t.start[1:]
	t.start = t.start[:len(nps)]
	return t
}

// topicCandidate is a mentor whose topics match a need's topic.
type topicCandidate struct {
	mentor int32
	topicMatch
}

// topicCandidates returns, in mentor order, the mentors of the index that
// offer a word of want and whose topics match it.
func topicCandidates(want topic, idx topicIndex, mps []mentorProfile, narrower bool) []topicCandidate {
	seen := map[int32]bool{}
	var js []int32
	for w := range strings.FieldsSeq(want.norm) {
		for _, j := range idx[w] {
			if !seen[j] {
				seen[j] = true
				js = append(js, j)
			}
		}
	}
	slices.Sort(js)
	var out []topicCandidate
	for _, j := range js {
		if score, detail, exact := matchTopic(want, mps[j].topics, narrower); score > 0 {
			out = append(out, topicCandidate{j, topicMatch{score, detail, exact}})
		}
	}
	return out
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
