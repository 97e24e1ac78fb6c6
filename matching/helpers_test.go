package matching_test

import (
	"math"
	"testing"

	"github.com/mentorbot/mentorbot/matching"
)

const hour = 3600

// baseMentor is an eligible mentor for baseNeed: topic "go", English,
// UTC, unknown years, all kinds, one free slot.
func baseMentor(id string) matching.Mentor {
	return matching.Mentor{ID: id, Topics: []string{"go"}, Languages: []string{"en"}, Capacity: 1}
}

// baseNeed asks for a one-to-one mentor on "go" in English, from UTC.
func baseNeed() matching.Need {
	return matching.Need{ID: "n1", MenteeID: "mentee", Topic: "go", Kind: matching.OneToOne, Languages: []string{"en"}}
}

func approx(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// only ranks need against the single mentor m and fails unless it is eligible.
func only(t *testing.T, need matching.Need, m matching.Mentor, opt matching.Options) matching.Candidate {
	t.Helper()
	got := matching.Rank(need, []matching.Mentor{m}, opt)
	if len(got) != 1 {
		t.Fatalf("Rank returned %d candidates, want 1 (Explain: %+v)", len(got), matching.Explain(need, []matching.Mentor{m}, opt))
	}
	return got[0]
}

// reason returns the first reason with the code, and whether there is one.
func reason(c matching.Candidate, code matching.ReasonCode) (matching.Reason, bool) {
	for _, r := range c.Reasons {
		if r.Code == code {
			return r, true
		}
	}
	return matching.Reason{}, false
}

func ids(cs []matching.Candidate) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.MentorID
	}
	return out
}
