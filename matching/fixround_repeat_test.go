package matching_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/matching"
)

// TestAssignAvoidsRepeatAcrossTheRound: Carol met Bob; Frank, in her
// zone, has a free slot too, and Dan can take either. Carol–Frank and
// Dan–Bob total as much as Carol–Bob and Dan–Frank: the round decides it
// against the repeat, whichever request is older.
func TestAssignAvoidsRepeatAcrossTheRound(t *testing.T) {
	mentors := []matching.Mentor{
		{ID: "bob", Topics: []string{"go"}, Capacity: 1, UTCOffset: 1 * hour},
		{ID: "frank", Topics: []string{"go"}, Capacity: 1, UTCOffset: 9 * hour},
	}
	for _, carolFirst := range []bool{true, false} {
		carol := matching.Need{ID: "carol", MenteeID: "carol", Topic: "go", UTCOffset: 9 * hour, Met: []string{"bob"}, Waited: time.Minute}
		dan := matching.Need{ID: "dan", MenteeID: "dan", Topic: "go", UTCOffset: 9 * hour}
		if !carolFirst {
			carol.Waited, dan.Waited = 0, time.Minute
		}
		for _, needs := range [][]matching.Need{{carol, dan}, {dan, carol}} {
			got := pairsOf(matching.Assign(needs, mentors, matching.DefaultOptions()))
			if want := (pairing{"carol": "frank", "dan": "bob"}); !reflect.DeepEqual(got, want) {
				t.Errorf("carol older %v, needs %s first: got %v, want %v", carolFirst, needs[0].ID, got, want)
			}
		}
	}
}

// TestAssignGivesARepeatsSlotToAFreeNeed: Bob, alone with a slot (Frank
// is paused), met Carol, who has waited a little longer than Dan: Dan,
// who has not met him, gets him.
func TestAssignGivesARepeatsSlotToAFreeNeed(t *testing.T) {
	mentors := []matching.Mentor{
		{ID: "bob", Topics: []string{"go"}, Capacity: 1, UTCOffset: 1 * hour},
		{ID: "frank", Topics: []string{"go"}, Capacity: 1, UTCOffset: 9 * hour, Paused: true},
	}
	needs := []matching.Need{
		{ID: "carol", MenteeID: "carol", Topic: "go", UTCOffset: 1 * hour, Met: []string{"bob"}, Waited: 3 * 24 * time.Hour},
		{ID: "dan", MenteeID: "dan", Topic: "go", UTCOffset: 9 * hour},
	}
	got := pairsOf(matching.Assign(needs, mentors, matching.DefaultOptions()))
	if want := (pairing{"dan": "bob"}); !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	// Alone, Carol still gets him: nothing else uses the slot.
	got = pairsOf(matching.Assign(needs[:1], mentors, matching.DefaultOptions()))
	if want := (pairing{"carol": "bob"}); !reflect.DeepEqual(got, want) {
		t.Errorf("Carol alone: got %v, want %v", got, want)
	}
}

// TestAssignFirstInLineOnlyWhenItWas: Dan, in Bob's zone, wins Bob over
// Carol, who waited longer but lives 9 hours away: his wait is told
// without "first in line". Alone, or against a newer request, it is.
func TestAssignFirstInLineOnlyWhenItWas(t *testing.T) {
	day := 24 * time.Hour
	bob := []matching.Mentor{{ID: "bob", Topics: []string{"go"}, Capacity: 1, UTCOffset: 1 * hour}}
	carol := matching.Need{ID: "carol", MenteeID: "carol", Topic: "go", UTCOffset: -8 * hour, Waited: 2 * day}
	dan := matching.Need{ID: "dan", MenteeID: "dan", Topic: "go", UTCOffset: 1 * hour, Waited: day}
	erin := matching.Need{ID: "erin", MenteeID: "erin", Topic: "go", UTCOffset: 1 * hour}
	tests := []struct {
		name   string
		needs  []matching.Need
		detail string
	}{
		{"an older request waits", []matching.Need{carol, dan}, matching.WaitedOnly},
		{"alone", []matching.Need{dan}, ""},
		{"a newer request waits", []matching.Need{erin, dan}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := matching.Assign(tt.needs, bob, matching.DefaultOptions())
			if len(got) != 1 || got[0].NeedID != "dan" {
				t.Fatalf("got %v, want Dan with Bob", pairsOf(got))
			}
			r, ok := reason(got[0].Candidate, matching.ReasonWaited)
			if !ok || r.Days != 1 || r.Detail != tt.detail {
				t.Errorf("got waiting reason %+v (%v), want a day with Detail %q", r, ok, tt.detail)
			}
		})
	}
}
