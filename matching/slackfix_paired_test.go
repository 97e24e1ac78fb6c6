package matching_test

import (
	"testing"

	"github.com/mentorbot/mentorbot/matching"
)

// TestPairedExcluded: a mentor in Need.Paired (a pair with the mentee on
// the topic under way) is proposed by no path (Rank, RankTop, Assign,
// whatever their fit or room), and Explain counts them apart, first,
// even when they are also full; another mentor is proposed as before.
func TestPairedExcluded(t *testing.T) {
	opt := matching.DefaultOptions()
	need := baseNeed()
	need.Paired = []string{"m1"}
	best := baseMentor("m1")
	best.Capacity = 3
	if got := matching.Rank(need, []matching.Mentor{best}, opt); len(got) != 0 {
		t.Fatalf("Rank: got %+v, want nobody", got)
	}
	if got := matching.RankTop(need, []matching.Mentor{best}, opt, 3); len(got) != 0 {
		t.Fatalf("RankTop: got %+v, want nobody", got)
	}
	if got := matching.Assign([]matching.Need{need}, []matching.Mentor{best}, opt); len(got) != 0 {
		t.Fatalf("Assign: got %+v, want nobody", got)
	}
	full := best
	full.Active = full.Capacity
	if got := matching.Explain(need, []matching.Mentor{full}, opt); got.Paired != 1 || got.Offering() != 1 || got.Declined() {
		t.Fatalf("Explain: got %+v, want the mentor counted as paired, not declined", got)
	}
	other := baseMentor("m2")
	if got := matching.Assign([]matching.Need{need}, []matching.Mentor{best, other}, opt); len(got) != 1 || got[0].Candidate.MentorID != "m2" {
		t.Fatalf("Assign: got %+v, want m2", got)
	}
}
