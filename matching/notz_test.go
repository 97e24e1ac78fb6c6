package matching_test

import (
	"testing"

	"github.com/mentorbot/mentorbot/matching"
)

// TestUnknownTimeZone: with either side's time zone unknown, the reason
// claims no distance, and a time-zone limit rejects nobody; with both
// known, the distance is the reason.
func TestUnknownTimeZone(t *testing.T) {
	opt := matching.DefaultOptions()
	opt.MaxTZHours = 2
	mentor := matching.Mentor{ID: "m", Topics: []string{"go"}, Capacity: 1, UTCOffset: 9 * hour}
	for _, tc := range []struct {
		name      string
		needNoTZ  bool
		mentorTZ  bool // mentor's zone unknown
		wantCands int
		want      matching.Reason
	}{
		{"MenteeUnknown", true, false, 1, matching.Reason{Code: matching.ReasonTimeZone, Detail: matching.TZUnknown}},
		{"MentorUnknown", false, true, 1, matching.Reason{Code: matching.ReasonTimeZone, Detail: matching.TZUnknown}},
		{"BothKnownTooFar", false, false, 0, matching.Reason{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := mentor
			m.NoTZ = tc.mentorTZ
			need := matching.Need{ID: "r", MenteeID: "u", Topic: "go", NoTZ: tc.needNoTZ}
			got := matching.Rank(need, []matching.Mentor{m}, opt)
			if len(got) != tc.wantCands {
				t.Fatalf("got %d candidates, want %d", len(got), tc.wantCands)
			}
			if len(got) == 1 && got[0].Reasons[2] != tc.want {
				t.Fatalf("got time-zone reason %+v, want %+v", got[0].Reasons[2], tc.want)
			}
		})
	}
}
