package matching_test

import (
	"testing"

	"github.com/mentorbot/mentorbot/matching"
)

func TestWorkspaceSynonymsMatch(t *testing.T) {
	need := matching.Need{ID: "r", MenteeID: "u", Topic: "Site reliability engineering"}
	mentors := []matching.Mentor{{ID: "m", Topics: []string{"SRE"}, Capacity: 1}}
	opt := matching.DefaultOptions()
	if got := matching.Rank(need, mentors, opt); len(got) != 0 {
		t.Fatalf("without the alias: got %d candidates, want 0", len(got))
	}
	opt.Synonyms = matching.Synonyms{"sre": "site reliability engineering"}
	got := matching.Rank(need, mentors, opt)
	if len(got) != 1 || got[0].MentorID != "m" || !got[0].Reasons[0].Exact {
		t.Fatalf("with the alias: got %+v, want m on an exact topic match", got)
	}
	if as := matching.Assign([]matching.Need{need}, mentors, opt); len(as) != 1 {
		t.Fatalf("Assign with the alias: got %d pairs, want 1", len(as))
	}
	if e := matching.Explain(need, mentors, opt); e.Eligible != 1 {
		t.Fatalf("Explain with the alias: got %+v, want 1 eligible", e)
	}
}
