package matching_test

import (
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/mentorbot/mentorbot/matching"
)

// TestRankTopIsRanksPrefix: RankTop(k) is the first k of Rank, reasons
// and AvoidedRepeat included, on random rounds.
func TestRankTopIsRanksPrefix(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	opt := matching.DefaultOptions()
	for range 300 {
		needs, mentors := propertyRound(r)
		for _, n := range needs {
			all := matching.Rank(n, mentors, opt)
			for _, k := range []int{0, 1, 2, len(mentors) + 3} {
				got := matching.RankTop(n, mentors, opt, k)
				want := all[:min(k, len(all))]
				if len(want) == 0 {
					want = nil
				}
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("RankTop(%d): got %+v, want %+v", k, got, want)
				}
			}
		}
	}
}

// TestRankTopLargePool: on a pool of 250 mentors, where RankTop keeps a
// window of the best instead of sorting all, it still returns Rank's
// first k.
func TestRankTopLargePool(t *testing.T) {
	needs, mentors := roundPool(3, 1000)
	// Everyone also offers "go", and a hundred needs ask for it, so that
	// most needs have far more candidates than k.
	for i := range mentors {
		mentors[i].Topics = append(mentors[i].Topics, "go")
	}
	for i := range needs[:100] {
		needs[i].Topic = "go"
	}
	opt := matching.DefaultOptions()
	for _, n := range needs[:100] {
		all := matching.Rank(n, mentors, opt)
		for _, k := range []int{1, 5, 13} {
			got := matching.RankTop(n, mentors, opt, k)
			want := all[:min(k, len(all))]
			if len(want) == 0 {
				want = nil
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("need %s, RankTop(%d): got %+v, want %+v", n.ID, k, got, want)
			}
		}
	}
}
