package matching_test

import (
	"testing"

	"github.com/mentorbot/mentorbot/matching"
)

// TestSuggestOfferedTypoOfKnownTopic: a known topic is no typo, but an
// offered topic that an offer is told is a typo of it ("kubernete" for
// "kubernetes") is suggested to a request on it, as the offer's note
// promises; a real word that is not such a typo is not ("rush" for
// "rust", "product management" for "project management").
func TestSuggestOfferedTypoOfKnownTopic(t *testing.T) {
	for _, tc := range []struct {
		topic   string
		offered []string
		want    string
	}{
		{"kubernetes", []string{"kubernete"}, "kubernete"},
		{"Kubernetes", []string{"go", "Kubernete", "kubernete"}, "Kubernete"},
		{"python", []string{"pyhton"}, "pyhton"},
		{"k8s", []string{"kubernetis"}, "kubernetis"},
		{"rust", []string{"rush"}, ""},
		{"project management", []string{"product management"}, ""},
		{"kubernetes", []string{"kubernete", "kubernetes"}, ""},
		{"python", []string{"kubernete"}, ""},
	} {
		if got, ok := matching.Suggest(tc.topic, tc.offered); got != tc.want || ok != (tc.want != "") {
			t.Errorf("Suggest(%q, %q) = %q, %v, want %q", tc.topic, tc.offered, got, ok, tc.want)
		}
	}
}

// TestSuggestThroughUsualSpellings: "postgre" is a usual spelling of
// "postgresql", and a request one edit from a usual spelling of an
// offered topic is asked whether it meant that topic ("golan" is one
// edit from "golang", which is "go").
func TestSuggestThroughUsualSpellings(t *testing.T) {
	if got := matching.NormalizeTopic("Postgre"); got != "postgresql" {
		t.Errorf("NormalizeTopic(Postgre) = %q, want postgresql", got)
	}
	for _, tc := range []struct {
		topic   string
		offered []string
		want    string
	}{
		{"golan", []string{"Go"}, "Go"},
		{"postgrs", []string{"PostgreSQL"}, "PostgreSQL"},
		{"pgsqk", []string{"postgresql"}, "postgresql"},
		{"golang", []string{"Go"}, ""}, // the same topic: offered
		{"gopher", []string{"go"}, ""},
	} {
		if got, ok := matching.Suggest(tc.topic, tc.offered); got != tc.want || ok != (tc.want != "") {
			t.Errorf("Suggest(%q, %q) = %q, %v, want %q", tc.topic, tc.offered, got, ok, tc.want)
		}
	}
}
