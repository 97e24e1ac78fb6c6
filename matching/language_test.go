package matching_test

import (
	"testing"

	"github.com/mentorbot/mentorbot/matching"
)

func TestLanguage(t *testing.T) {
	tests := []struct {
		name       string
		want       []string
		spoken     []string
		wantScore  float64 // 0 means rejected with NoLanguage
		wantDetail string
	}{
		{"preferred language shared scores 1", []string{"fr", "en"}, []string{"en", "fr"}, 1, "fr"},
		{"second choice shared scores .8", []string{"fr", "en"}, []string{"en", "de"}, 0.8, "en"},
		{"case and region are ignored", []string{"EN-gb"}, []string{"en"}, 1, "en"},
		{"need without languages accepts any", nil, []string{"de"}, 0.8, ""},
		{"mentor without languages accepts any", []string{"de"}, nil, 0.8, ""},
		{"blank codes count as none", []string{" "}, []string{"de"}, 0.8, ""},
		{"nothing shared is rejected", []string{"fr"}, []string{"en", "de"}, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			need := baseNeed()
			need.Languages = tt.want
			m := baseMentor("m")
			m.Languages = tt.spoken
			opt := matching.DefaultOptions()
			if tt.wantScore == 0 {
				e := matching.Explain(need, []matching.Mentor{m}, opt)
				if e.NoLanguage != 1 {
					t.Errorf("NoLanguage: got %d, want 1 (%+v)", e.NoLanguage, e)
				}
				return
			}
			c := only(t, need, m, opt)
			if !approx(c.Score.Language, tt.wantScore) {
				t.Errorf("language score: got %v, want %v", c.Score.Language, tt.wantScore)
			}
			if r, _ := reason(c, matching.ReasonLanguage); r.Detail != tt.wantDetail {
				t.Errorf("language detail: got %q, want %q", r.Detail, tt.wantDetail)
			}
		})
	}
}
