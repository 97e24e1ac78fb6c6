package matching_test

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/mentorbot/mentorbot/matching"
)

// TestLanguages: the mentors of a topic are sorted by whether they share
// the need's languages; the others' languages are counted, most spoken
// first, leaving out the mentee, mentors of other topics and mentors who
// declined.
func TestLanguages(t *testing.T) {
	mentor := func(id string, topic string, langs ...string) matching.Mentor {
		return matching.Mentor{ID: id, Topics: []string{topic}, Languages: langs, Capacity: 1}
	}
	need := matching.Need{ID: "r", MenteeID: "me", Topic: "go", Languages: []string{"fr"}, Exclude: []string{"declined"}}
	tests := []struct {
		name    string
		mentors []matching.Mentor
		want    matching.LanguageGap
		gap     bool
	}{
		{"no mentor", nil, matching.LanguageGap{}, false},
		{"one speaks French", []matching.Mentor{mentor("a", "go", "fr", "en"), mentor("b", "go", "en")},
			matching.LanguageGap{Sharing: 1, Mentors: 1, Others: []matching.LanguageCount{{"en", 1}}}, false},
		{"none speaks French", []matching.Mentor{
			mentor("a", "go", "en"), mentor("b", "go", "en", "de"), mentor("c", "go", "de"), mentor("d", "go", "en-GB"),
			mentor("me", "go", "en"), mentor("declined", "go", "es"), mentor("rust", "rust", "en"),
		}, matching.LanguageGap{Mentors: 4, Others: []matching.LanguageCount{{"en", 3}, {"de", 2}}}, true},
		{"a mentor with no languages shares", []matching.Mentor{mentor("a", "go")}, matching.LanguageGap{Sharing: 1}, false},
		{"a French mentor who declined leaves the others", []matching.Mentor{mentor("declined", "go", "fr"), mentor("b", "go", "en")},
			matching.LanguageGap{Declined: 1, Mentors: 1, Others: []matching.LanguageCount{{"en", 1}}}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := matching.Languages(need, tt.mentors, matching.DefaultOptions())
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
			if got.Gap() != tt.gap {
				t.Errorf("Gap: got %v, want %v", got.Gap(), tt.gap)
			}
		})
	}
}

// TestLanguageGapNeedsNoLanguage: every mentor Languages counts as fitting
// but for languages is one Explain rejects for languages, so a need whose
// Explanation has no NoLanguage has no gap (the bot skips Languages then).
func TestLanguageGapNeedsNoLanguage(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 2026))
	langs := [][]string{nil, {"en"}, {"fr"}, {"de", "en"}, {"fr", "en"}}
	topics := []string{"go", "rust", "go testing"}
	gaps := 0
	for round := range 2000 {
		mentors := make([]matching.Mentor, 1+r.IntN(8))
		for j := range mentors {
			c := r.IntN(3)
			mentors[j] = matching.Mentor{ID: fmt.Sprint("m", j), Topics: []string{topics[r.IntN(len(topics))]},
				Languages: langs[r.IntN(len(langs))], UTCOffset: (r.IntN(27) - 12) * hour, Years: r.IntN(8),
				Kinds: []matching.Kind{matching.Kinds[r.IntN(len(matching.Kinds))]}, Capacity: c, Active: r.IntN(c + 1),
				Paused: r.IntN(8) == 0}
		}
		need := matching.Need{ID: "n", MenteeID: fmt.Sprint("m", r.IntN(10)), Topic: topics[r.IntN(len(topics))],
			Kind: matching.Kinds[r.IntN(len(matching.Kinds))], Languages: langs[r.IntN(len(langs))],
			UTCOffset: (r.IntN(27) - 12) * hour, Years: r.IntN(8)}
		if r.IntN(3) == 0 {
			need.Exclude = []string{fmt.Sprint("m", r.IntN(8))}
		}
		opt := matching.DefaultOptions()
		e, g := matching.Explain(need, mentors, opt), matching.Languages(need, mentors, opt)
		if g.Mentors > e.NoLanguage || (e.NoLanguage == 0 && g.Gap()) {
			t.Fatalf("round %d: Explain %+v, Languages %+v (need %+v, mentors %+v)", round, e, g, need, mentors)
		}
		if g.Gap() {
			gaps++
		}
	}
	if gaps < 20 {
		t.Fatalf("only %d of 2000 rounds had a language gap: the pools test too little", gaps)
	}
}
