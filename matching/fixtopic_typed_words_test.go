package matching_test

import (
	"slices"
	"testing"

	"github.com/mentorbot/mentorbot/matching"
)

// TestTypedWordsOfFoldedTopic: an offered topic that the usual spellings
// or the workspace's aliases fold into other words ("bases de données"
// is "database") keeps the words it was typed with for related matching
// and for its index keys: a request on "données" or "base" finds it,
// as one on "web" finds "dev web". A topic of fewer words is still no
// match for one of more.
func TestTypedWordsOfFoldedTopic(t *testing.T) {
	for _, tc := range []struct {
		request, offer string
		score          float64
	}{
		{"donnees", "bases de données", 0.6},
		{"données", "bases de données", 0.6},
		{"base", "bases de données", 0.6},
		{"database", "bases de données", 1},
		{"science", "science des données", 0.6},
		{"donnees", "science des données", 0.6},
		{"bases de données", "base", 0},
		{"reseau", "bdd", 0},
	} {
		if got, _, _ := matching.MatchTopic(tc.request, tc.offer); got != tc.score {
			t.Errorf("MatchTopic(%q, %q) = %v, want %v", tc.request, tc.offer, got, tc.score)
		}
	}
	keys := matching.TopicKeys("Bases de Données")
	for _, want := range []string{"database", "base", "donnee"} {
		if !slices.Contains(keys, want) {
			t.Errorf("TopicKeys(Bases de Données) = %q, want %q among them", keys, want)
		}
	}
	need := baseNeed()
	need.Topic = "données"
	m := baseMentor("m")
	m.Topics = []string{"bases de données"}
	opt := matching.DefaultOptions()
	if got := matching.Rank(need, []matching.Mentor{m}, opt); len(got) != 1 {
		t.Errorf("Rank(données, offer bases de données) = %v, want the mentor", got)
	}
	if got := matching.Explain(need, []matching.Mentor{m}, opt).Eligible; got != 1 {
		t.Errorf("Explain: eligible %d, want 1", got)
	}

	// The workspace's alias of several words keeps them too.
	key, target, err := matching.Synonyms{}.Add("pilotage de projet", "project management")
	if err != nil {
		t.Fatal(err)
	}
	opt.Synonyms = matching.Synonyms{key: target}
	need.Topic = "projet"
	m.Topics = []string{"Pilotage de projet"}
	if got := matching.Rank(need, []matching.Mentor{m}, opt); len(got) != 1 {
		t.Errorf("with the alias, Rank(projet, offer pilotage de projet) = %v, want the mentor", got)
	}
	if _, ok := opt.Synonyms.Suggest("projet", []string{"pilotage de projet"}); ok {
		t.Errorf("Suggest(projet): got a suggestion, want none for a topic offered as related")
	}
}
