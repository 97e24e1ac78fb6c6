package matching_test

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/matching"
)

// roundVocabulary is about 200 topics: 170 single words and 30 two-word
// topics made of them, so that related (not only exact) matches occur.
var roundVocabulary = func() []string {
	var v []string
	for i := range 170 {
		v = append(v, fmt.Sprintf("t%03d", i))
	}
	for i := range 30 {
		v = append(v, fmt.Sprintf("t%03d t%03d", i, 100+i))
	}
	return v
}()

// roundPool makes a reproducible round of nNeeds needs and nNeeds/4
// mentors: capacity 1–3 (some partly taken), 1–5 topics from
// roundVocabulary, 1–3 languages, UTC−8 to UTC+9; needs waited 0–10 days,
// a fifth of them met 1–2 mentors before and a tenth declined one.
func roundPool(seed uint64, nNeeds int) ([]matching.Need, []matching.Mentor) {
	r := rand.New(rand.NewPCG(seed, 11))
	langs := []string{"en", "fr", "de", "es", "pt", "it"}
	pickLangs := func() []string {
		out := []string{"en"}
		if r.IntN(2) == 0 {
			out[0] = langs[r.IntN(len(langs))]
		}
		for range r.IntN(3) {
			out = append(out, langs[r.IntN(len(langs))])
		}
		return out
	}
	tz := func() int { return (r.IntN(18) - 8) * 3600 }
	mentors := make([]matching.Mentor, max(nNeeds/4, 1))
	for j := range mentors {
		c := 1 + r.IntN(3)
		m := matching.Mentor{ID: fmt.Sprintf("m%06d", j), Languages: pickLangs(), UTCOffset: tz(),
			Years: r.IntN(20), Capacity: c}
		if r.IntN(2) == 0 {
			m.Active = r.IntN(c)
		}
		for range 1 + r.IntN(5) {
			m.Topics = append(m.Topics, roundVocabulary[r.IntN(len(roundVocabulary))])
		}
		if r.IntN(4) == 0 {
			m.Kinds = []matching.Kind{matching.Kinds[r.IntN(4)], matching.Kinds[r.IntN(4)]}
		}
		mentors[j] = m
	}
	needs := make([]matching.Need, nNeeds)
	for i := range needs {
		n := matching.Need{ID: fmt.Sprintf("n%06d", i), MenteeID: fmt.Sprintf("u%06d", i),
			Topic: roundVocabulary[r.IntN(len(roundVocabulary))], Kind: matching.Kinds[r.IntN(4)],
			Languages: pickLangs(), UTCOffset: tz(), Years: r.IntN(15),
			Waited: time.Duration(r.IntN(240)) * time.Hour}
		if r.IntN(5) == 0 {
			for range 1 + r.IntN(2) {
				n.Met = append(n.Met, mentors[r.IntN(len(mentors))].ID)
			}
		}
		if r.IntN(10) == 0 {
			n.Exclude = []string{mentors[r.IntN(len(mentors))].ID}
		}
		needs[i] = n
	}
	return needs, mentors
}

// topicGreedy is greedyAssign for pools whose topics are already folded
// (like roundPool's): it ranks each need only against the mentors sharing
// a topic word with it, which are the only ones Rank could keep.
func topicGreedy(needs []matching.Need, mentors []matching.Mentor, opt matching.Options) []matching.Assignment {
	ranked := make([][]matching.Candidate, len(needs))
	eachTopicRank(needs, mentors, opt, func(i int, cs []matching.Candidate) { ranked[i] = cs })
	return greedySelect(needs, mentors, ranked)
}

// eachTopicRank calls f with Rank of each need against the mentors that
// share a word of its topic.
func eachTopicRank(needs []matching.Need, mentors []matching.Mentor, opt matching.Options, f func(int, []matching.Candidate)) {
	byWord := map[string][]matching.Mentor{}
	for _, m := range mentors {
		seen := map[string]bool{}
		for _, t := range m.Topics {
			for _, w := range strings.Fields(t) {
				if !seen[w] {
					seen[w] = true
					byWord[w] = append(byWord[w], m)
				}
			}
		}
	}
	for i, n := range needs {
		var cands []matching.Mentor
		seen := map[string]bool{}
		for _, w := range strings.Fields(n.Topic) {
			for _, m := range byWord[w] {
				if !seen[m.ID] {
					seen[m.ID] = true
					cands = append(cands, m)
				}
			}
		}
		f(i, matching.Rank(n, cands, opt))
	}
}

// greedyTotals runs the greedy baseline keeping only what it needs of
// each candidate, so that it fits in memory at 100,000 needs, and returns
// the sum of Score.Value and the number of pairs it makes.
func greedyTotals(needs []matching.Need, mentors []matching.Mentor, opt matching.Options) (float64, int) {
	type cand struct {
		total, value float64
		need, mentor int32
	}
	index := map[string]int32{}
	slots := make([]int, len(mentors))
	for j, m := range mentors {
		index[m.ID] = int32(j)
		slots[j] = m.Capacity - max(m.Active, 0)
	}
	var all []cand
	eachTopicRank(needs, mentors, opt, func(i int, cs []matching.Candidate) {
		for _, c := range cs {
			all = append(all, cand{c.Score.Total, c.Score.Value, int32(i), index[c.MentorID]})
		}
	})
	slices.SortStableFunc(all, func(a, b cand) int { return cmp.Compare(b.total, a.total) })
	served := make([]bool, len(needs))
	value, pairs := 0.0, 0
	for _, c := range all {
		if !served[c.need] && slots[c.mentor] > 0 {
			served[c.need] = true
			slots[c.mentor]--
			value += c.value
			pairs++
		}
	}
	return value, pairs
}

// BenchmarkRound times Assign on roundPool at 1k to 100k needs with a
// quarter as many mentors. cpu-ns/op is the CPU time per round, which a
// busy machine inflates less than ns/op; arcs counts the eligible pairs;
// pairs/op is the number of pairs; value/greedy and pairs/greedy compare
// its sum of Score.Value and its pairs with the greedy baseline on the
// same pool, computed after the timed loop.
func BenchmarkRound(b *testing.B) {
	for _, n := range []int{1000, 5000, 20000, 100000} {
		b.Run(fmt.Sprintf("needs=%d", n), func(b *testing.B) {
			needs, mentors := roundPool(uint64(n), n)
			opt := matching.DefaultOptions()
			b.ReportAllocs()
			var got []matching.Assignment
			cpu := cpuTime()
			for b.Loop() {
				got = matching.Assign(needs, mentors, opt)
			}
			b.StopTimer()
			b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
			value, pairs := greedyTotals(needs, mentors, opt)
			b.ReportMetric(float64(len(got)), "pairs/op")
			b.ReportMetric(float64(matching.EligibleArcs(needs, mentors, opt)), "arcs")
			b.ReportMetric(sumValue(got)/value, "value/greedy")
			b.ReportMetric(float64(len(got))/float64(pairs), "pairs/greedy")
		})
	}
}

func sumValue(as []matching.Assignment) float64 {
	s := 0.0
	for _, a := range as {
		s += a.Candidate.Score.Value
	}
	return s
}
