package matching_test

import (
	"testing"

	"github.com/mentorbot/mentorbot/matching"
)

// TestBroader: the offered topic whose words are all among a requested
// topic's, that the matcher does not propose for it (a topic of fewer
// words is often another thing) but a member may choose to ask instead.
func TestBroader(t *testing.T) {
	tests := []struct {
		name    string
		topic   string
		offered []string
		want    string // "" for no suggestion
	}{
		{"one word fewer", "kubernetes operators", []string{"go", "Kubernetes"}, "Kubernetes"},
		{"big data", "big data", []string{"data", "rust"}, "data"},
		{"social networks", "social networks", []string{"Networks"}, "Networks"},
		{"plurals and case cost nothing", "Kubernetes Operator", []string{"kubernetes"}, "kubernetes"},
		{"any order", "operators kubernetes", []string{"kubernetes"}, "kubernetes"},
		{"the nearest wins", "big data engineering", []string{"data", "big data"}, "big data"},
		{"most mentors wins a tie", "big data engineering", []string{"big data", "data engineering", "data engineering"}, "data engineering"},
		{"folded order breaks the last tie", "big data engineering", []string{"data engineering", "big data"}, "big data"},
		{"offered already", "kubernetes operators", []string{"kubernetes", "Kubernetes operators"}, ""},
		{"related offered already", "kubernetes operators", []string{"kubernetes", "kubernetes operators sdk"}, ""},
		{"a narrower topic is not broader", "kubernetes", []string{"kubernetes operators"}, ""},
		{"a word not asked", "kubernetes operators", []string{"kubernetes networking"}, ""},
		{"one word has none", "kubernetes", []string{"go"}, ""},
		{"nothing offered", "big data", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := matching.Broader(tt.topic, tt.offered)
			if got != tt.want || ok != (tt.want != "") {
				t.Errorf("Broader(%q, %q) = %q, %v, want %q", tt.topic, tt.offered, got, ok, tt.want)
			}
		})
	}
	// The workspace's aliases fold both sides.
	s := matching.Synonyms{"k8s": "kubernetes"}
	if got, ok := s.Broader("k8s operators", []string{"Kubernetes"}); !ok || got != "Kubernetes" {
		t.Errorf("Broader with aliases = %q, %v, want %q", got, ok, "Kubernetes")
	}
}
