package matching_test

import (
	"fmt"
	"testing"

	"github.com/mentorbot/mentorbot/matching"
)

// TestRoundNotBelowGreedy compares Assign with the greedy baseline (the
// method of Donut and the open-source pairing bots) on large random pools:
// its objective is never below greedy's, nor, without repeat avoidance,
// its sum of Score.Value. It logs the value and matched-share ratios.
func TestRoundNotBelowGreedy(t *testing.T) {
	for _, seed := range []uint64{1, 2, 3} {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			needs, mentors := roundPool(seed, 2000)
			for _, avoid := range []bool{true, false} {
				opt := matching.DefaultOptions()
				opt.AvoidRepeats = avoid
				got, greedy := matching.Assign(needs, mentors, opt), topicGreedy(needs, mentors, opt)
				checkCapacity(t, int(seed), got, mentors)
				weights := matching.ArcWeights(needs, mentors, opt)
				if g, o := objective(greedy, needs, weights), objective(got, needs, weights); o < g {
					t.Errorf("avoid repeats %v: got objective %d, want at least greedy's %d", avoid, o, g)
				}
				if !avoid && sumKey(got) < sumKey(greedy) {
					t.Errorf("got value %v, want at least greedy's %v", sumValue(got), sumValue(greedy))
				}
				t.Logf("avoid repeats %v: value %.4f× greedy, matched share %.4f× greedy (%d vs %d of %d)", avoid,
					sumValue(got)/sumValue(greedy), float64(len(got))/float64(len(greedy)), len(got), len(greedy), len(needs))
			}
		})
	}
}

// TestTopicGreedyIsGreedy checks that topicGreedy, which ranks only the
// mentors sharing a topic word, gives greedyAssign's pairs on roundPool.
func TestTopicGreedyIsGreedy(t *testing.T) {
	needs, mentors := roundPool(9, 400)
	opt := matching.DefaultOptions()
	got, want := pairsOf(topicGreedy(needs, mentors, opt)), pairsOf(greedyAssign(needs, mentors, opt))
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
