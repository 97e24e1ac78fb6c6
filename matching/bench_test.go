package matching_test

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/mentorbot/mentorbot/matching"
)

// greedyAssign is the baseline Assign is measured against: it ranks every
// need, then takes the eligible pairs best total first and keeps each whose
// need is still open and whose mentor still has room.
func greedyAssign(needs []matching.Need, mentors []matching.Mentor, opt matching.Options) []matching.Assignment {
	return greedySelect(needs, mentors, rankAll(needs, mentors, opt))
}

// rankAll returns Rank for each need.
func rankAll(needs []matching.Need, mentors []matching.Mentor, opt matching.Options) [][]matching.Candidate {
	out := make([][]matching.Candidate, len(needs))
	for i, n := range needs {
		out[i] = matching.Rank(n, mentors, opt)
	}
	return out
}

// greedySelect is the selection step of greedyAssign on ranked lists.
func greedySelect(needs []matching.Need, mentors []matching.Mentor, ranked [][]matching.Candidate) []matching.Assignment {
	type pair struct {
		need int
		c    matching.Candidate
	}
	var pairs []pair
	slots := map[string]int{}
	for _, m := range mentors {
		slots[m.ID] = m.Capacity - max(m.Active, 0)
	}
	for i, cs := range ranked {
		for _, c := range cs {
			pairs = append(pairs, pair{i, c})
		}
	}
	slices.SortStableFunc(pairs, func(a, b pair) int { return cmp.Compare(b.c.Score.Total, a.c.Score.Total) })
	chosen := make([]*matching.Candidate, len(needs))
	for _, p := range pairs {
		if chosen[p.need] == nil && slots[p.c.MentorID] > 0 {
			chosen[p.need] = &p.c
			slots[p.c.MentorID]--
		}
	}
	var out []matching.Assignment
	for i, c := range chosen {
		if c != nil {
			out = append(out, matching.Assignment{NeedID: needs[i].ID, Candidate: *c})
		}
	}
	return out
}

var benchTopics = []string{"go", "rust", "kubernetes", "machine learning", "product management",
	"user experience", "typescript", "python", "go testing", "kubernetes operators", "career", "leadership"}

// population makes a reproducible set of needs and mentors.
func population(seed uint64, nNeeds, nMentors int) ([]matching.Need, []matching.Mentor) {
	r := rand.New(rand.NewPCG(seed, 1))
	langs := []string{"en", "fr", "de", "es"}
	mentors := make([]matching.Mentor, nMentors)
	for j := range mentors {
		m := matching.Mentor{
			ID:        fmt.Sprintf("m%04d", j),
			Languages: []string{"en", langs[r.IntN(len(langs))]},
			UTCOffset: (r.IntN(27) - 12) * 3600,
			Years:     r.IntN(20),
			Capacity:  1 + r.IntN(3),
			Active:    r.IntN(2),
		}
		for range 3 {
			m.Topics = append(m.Topics, benchTopics[r.IntN(len(benchTopics))])
		}
		if r.IntN(3) == 0 {
			m.Kinds = []matching.Kind{matching.Kinds[r.IntN(4)], matching.Kinds[r.IntN(4)]}
		}
		mentors[j] = m
	}
	needs := make([]matching.Need, nNeeds)
	for i := range needs {
		needs[i] = matching.Need{
			ID:        fmt.Sprintf("n%04d", i),
			MenteeID:  fmt.Sprintf("u%04d", i),
			Topic:     benchTopics[r.IntN(len(benchTopics))],
			Kind:      matching.Kinds[r.IntN(4)],
			Languages: []string{langs[r.IntN(len(langs))], "en"},
			UTCOffset: (r.IntN(27) - 12) * 3600,
			Years:     r.IntN(15),
		}
	}
	return needs, mentors
}

func BenchmarkAssign(b *testing.B) {
	needs, mentors := population(42, 200, 100)
	opt := matching.DefaultOptions()
	b.ReportAllocs()
	var got []matching.Assignment
	for b.Loop() {
		got = matching.Assign(needs, mentors, opt)
	}
	b.ReportMetric(float64(len(got)), "pairs")
	b.ReportMetric(sumTotal(got), "total")
}

func BenchmarkAssignGreedy(b *testing.B) {
	needs, mentors := population(42, 200, 100)
	opt := matching.DefaultOptions()
	b.ReportAllocs()
	var got []matching.Assignment
	for b.Loop() {
		got = greedyAssign(needs, mentors, opt)
	}
	b.ReportMetric(float64(len(got)), "pairs")
	b.ReportMetric(sumTotal(got), "total")
}

// BenchmarkGreedySelect times only the greedy selection, with the ranking
// done before the timer: a lower bound for any greedy round.
func BenchmarkGreedySelect(b *testing.B) {
	needs, mentors := population(42, 200, 100)
	ranked := rankAll(needs, mentors, matching.DefaultOptions())
	b.ReportAllocs()
	for b.Loop() {
		greedySelect(needs, mentors, ranked)
	}
}

func BenchmarkRank(b *testing.B) {
	needs, mentors := population(7, 1, 1000)
	opt := matching.DefaultOptions()
	b.ReportAllocs()
	var got []matching.Candidate
	for b.Loop() {
		got = matching.Rank(needs[0], mentors, opt)
	}
	b.ReportMetric(float64(len(got)), "eligible")
}

func sumTotal(as []matching.Assignment) float64 {
	s := 0.0
	for _, a := range as {
		s += a.Candidate.Score.Total
	}
	return s
}

// BenchmarkExplainFull explains a need to 250 mentors of its topic, all
// full: what a request does on a topic whose mentors have no slot left.
func BenchmarkExplainFull(b *testing.B) {
	needs, mentors := population(7, 1, 250)
	for i := range mentors {
		mentors[i].Topics = append([]string{needs[0].Topic}, mentors[i].Topics...)
		mentors[i].Active = mentors[i].Capacity
	}
	opt := matching.DefaultOptions()
	b.ReportAllocs()
	var why matching.Explanation
	for b.Loop() {
		why = matching.Explain(needs[0], mentors, opt)
	}
	b.ReportMetric(float64(why.NoCapacity), "full")
}
