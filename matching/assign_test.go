package matching_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/mentorbot/mentorbot/matching"
)

// tzOnly scores by time zone alone, which makes totals easy to craft.
var tzOnly = matching.Options{Weights: matching.Weights{TimeZone: 1}}

type pairing map[string]string // need ID → mentor ID

func pairsOf(as []matching.Assignment) pairing {
	p := pairing{}
	for _, a := range as {
		p[a.NeedID] = a.Candidate.MentorID
	}
	return p
}

func TestAssignBeatsGreedy(t *testing.T) {
	// a can take x (1.0) or y (10/12); b can only take x (11/12).
	// Greedy gives x to a and leaves b alone: 1.0. The optimum is 1.75.
	needs := []matching.Need{
		{ID: "a", MenteeID: "ua", Topic: "go"},
		{ID: "b", MenteeID: "ub", Topic: "rust", UTCOffset: hour},
	}
	mentors := []matching.Mentor{
		{ID: "x", Topics: []string{"go", "rust"}, Capacity: 1},
		{ID: "y", Topics: []string{"go"}, Capacity: 1, UTCOffset: 2 * hour},
	}
	greedy, got := greedyAssign(needs, mentors, tzOnly), matching.Assign(needs, mentors, tzOnly)
	if g, a := sumTotal(greedy), sumTotal(got); !approx(g, 1) || !approx(a, 1.75) {
		t.Errorf("totals: got greedy %v and Assign %v, want 1 and 1.75", g, a)
	}
	if want := (pairing{"a": "y", "b": "x"}); !reflect.DeepEqual(pairsOf(got), want) {
		t.Errorf("got %v, want %v", pairsOf(got), want)
	}
}

func TestAssignPrefersQualityOverQuantity(t *testing.T) {
	// a-x scores 1; a-y and b-x score 1/12 each. Two pairs would total 1/6.
	needs := []matching.Need{
		{ID: "a", MenteeID: "ua", Topic: "go"},
		{ID: "b", MenteeID: "ub", Topic: "rust", UTCOffset: 11 * hour},
	}
	mentors := []matching.Mentor{
		{ID: "x", Topics: []string{"go", "rust"}, Capacity: 1},
		{ID: "y", Topics: []string{"go"}, Capacity: 1, UTCOffset: 11 * hour},
	}
	got := pairsOf(matching.Assign(needs, mentors, tzOnly))
	if want := (pairing{"a": "x"}); !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestAssignPrefersMorePairsOnEqualTotal(t *testing.T) {
	// With zero weights every total is 0; a greedy pass in input order
	// would give x to a and leave b alone.
	needs := []matching.Need{
		{ID: "a", MenteeID: "ua", Topic: "go"},
		{ID: "b", MenteeID: "ub", Topic: "rust"},
	}
	mentors := []matching.Mentor{
		{ID: "x", Topics: []string{"go", "rust"}, Capacity: 1},
		{ID: "y", Topics: []string{"go"}, Capacity: 1},
	}
	got := pairsOf(matching.Assign(needs, mentors, matching.Options{}))
	if want := (pairing{"a": "y", "b": "x"}); !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestAssignRespectsCapacity(t *testing.T) {
	tests := []struct {
		name             string
		capacity, active int
		want             int
	}{
		{"free slots fill up", 3, 1, 2},
		{"full mentor takes none", 2, 2, 0},
		{"over-full mentor takes none", 1, 3, 0},
		{"negative active counts as zero", 2, -4, 2},
		{"room for everybody", 10, 0, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var needs []matching.Need
			for i := range 5 {
				needs = append(needs, matching.Need{ID: fmt.Sprint("n", i), MenteeID: fmt.Sprint("u", i), Topic: "go"})
			}
			m := matching.Mentor{ID: "m", Topics: []string{"go"}, Capacity: tt.capacity, Active: tt.active}
			if got := len(matching.Assign(needs, []matching.Mentor{m}, matching.DefaultOptions())); got != tt.want {
				t.Errorf("got %d pairs, want %d", got, tt.want)
			}
		})
	}
}

func TestAssignRespectsEligibility(t *testing.T) {
	needs := []matching.Need{
		{ID: "declined", MenteeID: "u1", Topic: "go", Exclude: []string{"m"}},
		{ID: "self", MenteeID: "m", Topic: "go"},
		{ID: "offtopic", MenteeID: "u2", Topic: "rust"},
	}
	m := matching.Mentor{ID: "m", Topics: []string{"go"}, Capacity: 5}
	if got := matching.Assign(needs, []matching.Mentor{m}, matching.DefaultOptions()); len(got) != 0 {
		t.Errorf("got %v, want no pairs", pairsOf(got))
	}
}

func TestAssignOrderAndCandidates(t *testing.T) {
	needs, mentors := population(3, 40, 15)
	opt := matching.DefaultOptions()
	got := matching.Assign(needs, mentors, opt)
	if len(got) == 0 {
		t.Fatal("got no pairs, want some")
	}
	pos := map[string]int{}
	for i, n := range needs {
		pos[n.ID] = i
	}
	for k, a := range got {
		if k > 0 && pos[a.NeedID] <= pos[got[k-1].NeedID] {
			t.Errorf("assignment %d: need %s comes after %s, want input order", k, a.NeedID, got[k-1].NeedID)
		}
		want := candidateFor(t, needs[pos[a.NeedID]], mentors, a.Candidate.MentorID, opt)
		if !reflect.DeepEqual(a.Candidate, want) {
			t.Errorf("need %s: got candidate %+v, want Rank's %+v", a.NeedID, a.Candidate, want)
		}
	}
	if again := matching.Assign(needs, mentors, opt); !reflect.DeepEqual(again, got) {
		t.Errorf("second run differs: got %v, want %v", pairsOf(again), pairsOf(got))
	}
}

// candidateFor returns Rank's candidate for the mentor, failing if absent.
func candidateFor(t *testing.T, need matching.Need, mentors []matching.Mentor, id string, opt matching.Options) matching.Candidate {
	t.Helper()
	for _, c := range matching.Rank(need, mentors, opt) {
		if c.MentorID == id {
			return c
		}
	}
	t.Fatalf("mentor %s is not eligible for need %s", id, need.ID)
	return matching.Candidate{}
}

// TestAssignIsOptimal compares Assign with exhaustive search on many small
// random rounds: the same best (total, pairs), and no mentor overfilled.
func TestAssignIsOptimal(t *testing.T) {
	r := rand.New(rand.NewPCG(2024, 7))
	greedyWorse := 0
	for round := range 400 {
		needs, mentors := smallRound(r)
		opt := matching.DefaultOptions()
		if round%4 == 0 {
			opt = tzOnly
		}
		got := matching.Assign(needs, mentors, opt)
		checkCapacity(t, round, got, mentors)
		wantKey, wantPairs := bruteForce(needs, mentors, opt)
		if key := sumKey(got); key != wantKey || len(got) != wantPairs {
			t.Fatalf("round %d: got total %v with %d pairs, want %v with %d pairs (needs %+v mentors %+v)",
				round, float64(key)/1e9, len(got), float64(wantKey)/1e9, wantPairs, needs, mentors)
		}
		if sumKey(greedyAssign(needs, mentors, opt)) < wantKey {
			greedyWorse++
		}
	}
	if greedyWorse == 0 {
		t.Errorf("greedy was optimal in every round, want some rounds where it is not (the test would not tell the two apart)")
	}
	t.Logf("greedy was suboptimal in %d of 400 rounds", greedyWorse)
}

func smallRound(r *rand.Rand) ([]matching.Need, []matching.Mentor) {
	topics := []string{"go", "rust", "go testing", "k8s"}
	needs := make([]matching.Need, 1+r.IntN(6))
	for i := range needs {
		needs[i] = matching.Need{ID: fmt.Sprint("n", i), MenteeID: fmt.Sprint("u", i),
			Topic: topics[r.IntN(len(topics))], Kind: matching.Kinds[r.IntN(4)],
			UTCOffset: (r.IntN(27) - 12) * hour, Years: r.IntN(8)}
	}
	mentors := make([]matching.Mentor, 1+r.IntN(4))
	for j := range mentors {
		mentors[j] = matching.Mentor{ID: fmt.Sprint("m", j),
			Topics:    []string{topics[r.IntN(len(topics))], topics[r.IntN(len(topics))]},
			UTCOffset: (r.IntN(27) - 12) * hour, Years: r.IntN(8),
			Capacity: r.IntN(4), Active: r.IntN(2)}
	}
	return needs, mentors
}

func checkCapacity(t *testing.T, round int, got []matching.Assignment, mentors []matching.Mentor) {
	t.Helper()
	load := map[string]int{}
	for _, a := range got {
		load[a.Candidate.MentorID]++
	}
	for _, m := range mentors {
		if free := max(m.Capacity-max(m.Active, 0), 0); load[m.ID] > free {
			t.Fatalf("round %d: mentor %s got %d needs, want at most %d", round, m.ID, load[m.ID], free)
		}
	}
}

// key quantises a total the way Rank and Assign compare totals.
func key(total float64) int64 { return int64(math.Round(total * 1e9)) }

func sumKey(as []matching.Assignment) int64 {
	var s int64
	for _, a := range as {
		s += key(a.Candidate.Score.Value)
	}
	return s
}

// bruteForce tries every way of giving each need one eligible mentor or
// none and returns the best (Score.Value key, pairs), compared in that
// order: the objective of Assign when no need has met a mentor.
func bruteForce(needs []matching.Need, mentors []matching.Mentor, opt matching.Options) (int64, int) {
	free := map[string]int{}
	for _, m := range mentors {
		free[m.ID] = m.Capacity - max(m.Active, 0)
	}
	ranked := rankAll(needs, mentors, opt)
	var best int64
	bestPairs := 0
	var walk func(i int, sum int64, pairs int)
	walk = func(i int, sum int64, pairs int) {
		if i == len(needs) {
			if sum > best || (sum == best && pairs > bestPairs) {
				best, bestPairs = sum, pairs
			}
			return
		}
		walk(i+1, sum, pairs)
		for _, c := range ranked[i] {
			if free[c.MentorID] > 0 {
				free[c.MentorID]--
				walk(i+1, sum+key(c.Score.Value), pairs+1)
				free[c.MentorID]++
			}
		}
	}
	walk(0, 0, 0)
	return best, bestPairs
}

func TestAssignNeverLosesToGreedy(t *testing.T) {
	for seed := range uint64(6) {
		t.Run(fmt.Sprint("seed ", seed, " is at least greedy"), func(t *testing.T) {
			needs, mentors := population(seed, 80, 30)
			opt := matching.DefaultOptions()
			got, greedy := matching.Assign(needs, mentors, opt), greedyAssign(needs, mentors, opt)
			checkCapacity(t, int(seed), got, mentors)
			if sumKey(got) < sumKey(greedy) {
				t.Errorf("got total %v, want at least greedy's %v", sumTotal(got), sumTotal(greedy))
			}
		})
	}
}
