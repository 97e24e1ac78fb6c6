package matching_test

import (
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
