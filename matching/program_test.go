package matching_test

import (
	"testing"

	"github.com/mentorbot/mentorbot/matching"
)

// TestProgramFilter: a need of a program is matched only to the mentors
// of that program, in Rank, Explain and Assign alike; a need of no
// program filters nobody.
func TestProgramFilter(t *testing.T) {
	opt := matching.DefaultOptions()
	mentors := []matching.Mentor{
		{ID: "in", Topics: []string{"go"}, Capacity: 2, Programs: []string{"default", "p2027"}},
		{ID: "out", Topics: []string{"go"}, Capacity: 2, Programs: []string{"default"}},
		{ID: "rust", Topics: []string{"rust"}, Capacity: 2, Programs: []string{"p2027"}},
	}
	need := matching.Need{ID: "r", MenteeID: "m", Topic: "go", Program: "p2027"}
	t.Run("Explain", func(t *testing.T) {
		got := matching.Explain(need, mentors, opt)
		want := matching.Explanation{Eligible: 1, OtherProgram: 1, NoTopic: 1}
		if got != want {
			t.Errorf("got %+v, want %+v", got, want)
		}
	})
	t.Run("Rank", func(t *testing.T) {
		got := matching.Rank(need, mentors, opt)
		if len(got) != 1 || got[0].MentorID != "in" {
			t.Errorf("got %+v, want only the mentor in the program", got)
		}
	})
	t.Run("Assign", func(t *testing.T) {
		other := matching.Need{ID: "r2", MenteeID: "m2", Topic: "go", Program: "p2026"}
		got := matching.Assign([]matching.Need{other, need}, mentors, opt)
		if len(got) != 1 || got[0].NeedID != "r" || got[0].Candidate.MentorID != "in" {
			t.Errorf("got %+v, want r with in, and r2 left (no mentor of p2026)", got)
		}
	})
	t.Run("NoProgram", func(t *testing.T) {
		free := need
		free.Program = ""
		if got := matching.Explain(free, mentors, opt); got.Eligible != 2 {
			t.Errorf("got %+v, want both go mentors eligible", got)
		}
	})
}
