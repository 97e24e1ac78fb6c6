package matching_test

import (
	"testing"

	"github.com/mentorbot/mentorbot/matching"
)

func TestKindFit(t *testing.T) {
	tests := []struct {
		name          string
		kind          matching.Kind
		mentorYears   int
		menteeYears   int
		wantScore     float64 // 0 means rejected with KindMismatch
		wantExpDetail string  // "" means no experience reason
	}{
		{"peer within 2 years is similar", matching.Peer, 7, 5, 1, "similar"},
		{"peer 2 years junior is similar", matching.Peer, 3, 5, 1, "similar"},
		{"peer 5 years apart scores .6", matching.Peer, 10, 5, 0.6, "senior"},
		{"peer 4 years junior scores .6", matching.Peer, 1, 5, 0.6, "junior"},
		{"peer 6 years apart scores .2", matching.Peer, 11, 5, 0.2, "senior"},
		{"peer with unknown mentor years scores .5", matching.Peer, 0, 5, 0.5, ""},
		{"peer with unknown mentee years scores .5", matching.Peer, 5, 0, 0.5, ""},
		{"reverse with junior mentor scores 1", matching.Reverse, 2, 20, 1, "junior"},
		{"reverse with equal years is rejected", matching.Reverse, 5, 5, 0, ""},
		{"reverse with senior mentor is rejected", matching.Reverse, 9, 5, 0, ""},
		{"reverse with unknown years scores .5", matching.Reverse, 0, 20, 0.5, ""},
		{"one-to-one with senior mentor scores 1", matching.OneToOne, 10, 2, 1, "senior"},
		{"one-to-one with equal years scores .5", matching.OneToOne, 4, 4, 0.5, "similar"},
		{"one-to-one with junior mentor scores .5", matching.OneToOne, 2, 4, 0.5, "junior"},
		{"one-to-one with unknown years scores .7", matching.OneToOne, 0, 4, 0.7, ""},
		{"flash with senior mentor scores 1", matching.Flash, 10, 2, 1, "senior"},
		{"flash with unknown years scores .7", matching.Flash, 10, 0, 0.7, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			need := baseNeed()
			need.Kind, need.Years = tt.kind, tt.menteeYears
			m := baseMentor("m")
			m.Years = tt.mentorYears
			opt := matching.DefaultOptions()
			if tt.wantScore == 0 {
				if e := matching.Explain(need, []matching.Mentor{m}, opt); e.NotLessSenior != 1 {
					t.Errorf("NotLessSenior: got %d, want 1 (%+v)", e.NotLessSenior, e)
				}
				return
			}
			c := only(t, need, m, opt)
			if !approx(c.Score.Kind, tt.wantScore) {
				t.Errorf("kind score: got %v, want %v", c.Score.Kind, tt.wantScore)
			}
			if r, _ := reason(c, matching.ReasonKind); r.Detail != string(tt.kind) {
				t.Errorf("kind detail: got %q, want %q", r.Detail, tt.kind)
			}
			r, ok := reason(c, matching.ReasonExperience)
			switch {
			case tt.wantExpDetail == "" && ok:
				t.Errorf("got experience reason %+v, want none", r)
			case tt.wantExpDetail != "" && (r.Detail != tt.wantExpDetail || r.Years != tt.mentorYears):
				t.Errorf("experience reason: got %q years=%d, want %q years=%d", r.Detail, r.Years, tt.wantExpDetail, tt.mentorYears)
			}
		})
	}
}
