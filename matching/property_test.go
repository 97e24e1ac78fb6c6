package matching_test

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/matching"
)

// TestAssignProperties checks Assign on many small random rounds (up to 7
// needs, 5 mentors, with Met lists, waiting times and capacities 1–3):
// its objective equals the best found by exhaustive search over every
// feasible assignment; capacity and every hard filter hold; the same input
// gives the same output; with repeat avoidance no need keeps a mentor it
// met while an eligible mentor it has not met has a slot left, or while a
// need that has not met that mentor waits, and the pairs that do not
// repeat are the best round without any repeat (no pair that met is
// formed while a feasible alternative exists in the round).
func TestAssignProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 2026))
	for round := range 500 {
		needs, mentors := propertyRound(r)
		opt := matching.DefaultOptions()
		switch round % 4 {
		case 1:
			opt.AvoidRepeats = false
		case 2:
			opt = tzOnly
		}
		ctx := fmt.Sprintf("round %d (options %+v, needs %+v, mentors %+v)", round, opt, needs, mentors)
		got := matching.Assign(needs, mentors, opt)
		weights := matching.ArcWeights(needs, mentors, opt)
		ranked := rankAll(needs, mentors, opt)
		checkCapacity(t, round, got, mentors)
		checkEligible(t, ctx, got, needs, ranked)
		if gotW, wantW := objective(got, needs, weights), bestObjective(t, ctx, ranked, mentors, weights); gotW != wantW {
			t.Fatalf("%s: got objective %d, want %d", ctx, gotW, wantW)
		}
		if again := matching.Assign(needs, mentors, opt); !reflect.DeepEqual(again, got) {
			t.Fatalf("%s: second run got %v, want %v", ctx, pairsOf(again), pairsOf(got))
		}
		if opt.AvoidRepeats {
			checkNoAvoidableRepeat(t, ctx, got, needs, mentors, ranked)
			checkBestWithoutRepeats(t, ctx, got, needs, mentors, ranked, opt)
		}
	}
}

func propertyRound(r *rand.Rand) ([]matching.Need, []matching.Mentor) {
	topics := []string{"go", "rust", "go testing", "k8s"}
	mentors := make([]matching.Mentor, 1+r.IntN(5))
	for j := range mentors {
		c := 1 + r.IntN(3)
		mentors[j] = matching.Mentor{ID: fmt.Sprint("m", j),
			Topics:    []string{topics[r.IntN(len(topics))], topics[r.IntN(len(topics))]},
			UTCOffset: (r.IntN(27) - 12) * hour, Years: r.IntN(8), Capacity: c, Active: r.IntN(c)}
	}
	needs := make([]matching.Need, 1+r.IntN(7))
	for i := range needs {
		n := matching.Need{ID: fmt.Sprint("n", i), MenteeID: fmt.Sprint("u", i%5),
			Topic: topics[r.IntN(len(topics))], Kind: matching.Kinds[r.IntN(4)],
			UTCOffset: (r.IntN(27) - 12) * hour, Years: r.IntN(8),
			Waited: time.Duration(r.IntN(5*24)) * time.Hour}
		for _, m := range mentors {
			switch r.IntN(6) {
			case 0, 1:
				n.Met = append(n.Met, m.ID)
			case 2:
				n.Exclude = append(n.Exclude, m.ID)
			}
		}
		needs[i] = n
	}
	return needs, mentors
}

// checkEligible fails unless every pair is one Rank lists, with Rank's
// candidate (but for whether the wait put it first in line, which Rank,
// seeing one need, always says).
func checkEligible(t *testing.T, ctx string, got []matching.Assignment, needs []matching.Need, ranked [][]matching.Candidate) {
	t.Helper()
	for _, a := range got {
		i := needIndex(needs, a.NeedID)
		found := false
		for _, c := range ranked[i] {
			if c.MentorID == a.Candidate.MentorID {
				found = reflect.DeepEqual(c, firstInLine(a.Candidate))
			}
		}
		if !found {
			t.Fatalf("%s: need %s got %+v, want one of Rank's candidates %+v", ctx, a.NeedID, a.Candidate, ranked[i])
		}
	}
}

func needIndex(needs []matching.Need, id string) int {
	for i, n := range needs {
		if n.ID == id {
			return i
		}
	}
	return -1
}

func objective(as []matching.Assignment, needs []matching.Need, weights []map[string]int64) int64 {
	var sum int64
	for _, a := range as {
		sum += weights[needIndex(needs, a.NeedID)][a.Candidate.MentorID]
	}
	return sum
}

// bestObjective tries every way of giving each need one of Rank's
// candidates or none, within capacity, and returns the greatest sum of
// weights. It fails if a candidate has no weight: Assign missed it.
func bestObjective(t *testing.T, ctx string, ranked [][]matching.Candidate, mentors []matching.Mentor, weights []map[string]int64) int64 {
	t.Helper()
	free := map[string]int{}
	for _, m := range mentors {
		free[m.ID] = m.Capacity - max(m.Active, 0)
	}
	var best int64
	var walk func(i int, sum int64)
	walk = func(i int, sum int64) {
		if i == len(ranked) {
			best = max(best, sum)
			return
		}
		walk(i+1, sum)
		for _, c := range ranked[i] {
			w, ok := weights[i][c.MentorID]
			if !ok {
				t.Fatalf("%s: mentor %s is eligible for need %d but Assign has no arc for it", ctx, c.MentorID, i)
			}
			if free[c.MentorID] > 0 {
				free[c.MentorID]--
				walk(i+1, sum+w)
				free[c.MentorID]++
			}
		}
	}
	walk(0, 0)
	return best
}

// checkNoAvoidableRepeat fails when a need got a mentor it met while an
// eligible mentor it has not met still has a slot in the result.
func checkNoAvoidableRepeat(t *testing.T, ctx string, got []matching.Assignment, needs []matching.Need, mentors []matching.Mentor, ranked [][]matching.Candidate) {
	t.Helper()
	left := map[string]int{}
	for _, m := range mentors {
		left[m.ID] = m.Capacity - max(m.Active, 0)
	}
	matched := map[string]bool{}
	for _, a := range got {
		left[a.Candidate.MentorID]--
		matched[a.NeedID] = true
	}
	for _, a := range got {
		i := needIndex(needs, a.NeedID)
		if !contains(needs[i].Met, a.Candidate.MentorID) {
			continue
		}
		if _, ok := reason(a.Candidate, matching.ReasonMetBefore); !ok {
			t.Fatalf("%s: need %s repeats mentor %s without a met-before reason", ctx, a.NeedID, a.Candidate.MentorID)
		}
		for _, c := range ranked[i] {
			if !contains(needs[i].Met, c.MentorID) && left[c.MentorID] > 0 {
				t.Fatalf("%s: need %s repeats mentor %s while %s, not met, has a slot left", ctx, a.NeedID, a.Candidate.MentorID, c.MentorID)
			}
		}
		for k, n := range needs {
			if matched[n.ID] || contains(n.Met, a.Candidate.MentorID) {
				continue
			}
			for _, c := range ranked[k] {
				if c.MentorID == a.Candidate.MentorID {
					t.Fatalf("%s: need %s repeats mentor %s while need %s, which has not met them, waits", ctx, a.NeedID, c.MentorID, n.ID)
				}
			}
		}
	}
}

// checkBestWithoutRepeats fails unless the pairs of got that do not
// repeat weigh as much as the best round of pairs that do not repeat
// (weighed as without repeat avoidance): repeats only take what that
// round leaves.
func checkBestWithoutRepeats(t *testing.T, ctx string, got []matching.Assignment, needs []matching.Need, mentors []matching.Mentor, ranked [][]matching.Candidate, opt matching.Options) {
	t.Helper()
	plain := opt
	plain.AvoidRepeats = false
	all := matching.ArcWeights(needs, mentors, plain)
	fresh := make([]map[string]int64, len(needs))
	for i := range needs {
		fresh[i] = map[string]int64{}
		for id, w := range all[i] {
			if !contains(needs[i].Met, id) {
				fresh[i][id] = w
			} else {
				fresh[i][id] = 0
			}
		}
	}
	if gotW, wantW := objective(got, needs, fresh), bestObjective(t, ctx, ranked, mentors, fresh); gotW != wantW {
		t.Fatalf("%s: pairs that do not repeat weigh %d, the best round without repeats %d", ctx, gotW, wantW)
	}
}

func contains(ids []string, id string) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// firstInLine is c with its waiting reason claiming first in line, as
// Rank's do.
func firstInLine(c matching.Candidate) matching.Candidate {
	c.Reasons = slices.Clone(c.Reasons)
	for k := range c.Reasons {
		if c.Reasons[k].Code == matching.ReasonWaited {
			c.Reasons[k].Detail = ""
		}
	}
	return c
}
