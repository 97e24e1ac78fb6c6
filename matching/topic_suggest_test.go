package matching_test

import (
	"testing"

	"github.com/mentorbot/mentorbot/matching"
)

func TestSuggest(t *testing.T) {
	tests := []struct {
		name    string
		topic   string
		offered []string
		want    string // "" for no suggestion
	}{
		{"one letter missing", "kubernete", []string{"Go", "Kubernetes", "kubernetes", "rust"}, "Kubernetes"},
		{"one letter missing before a final s", "kubernets", []string{"Kubernetes"}, "Kubernetes"},
		{"swap is one edit", "pyhton", []string{"python"}, "python"},
		{"two edits on a long word", "kubernetse opertor", []string{"kubernetes operator"}, "kubernetes operator"},
		{"accents and plurals cost nothing", "developement", []string{"Développements"}, "Développements"},
		{"three edits is too far", "kubrnts", []string{"kubernetes"}, ""},
		{"short word takes one edit", "rost", []string{"rust"}, "rust"},
		{"short word not two", "rsut", []string{"rust"}, "rust"},
		{"short word not two substitutions", "rxxt", []string{"rust"}, ""},
		{"two letters never", "gp", []string{"go"}, ""},
		{"offered already", "kubernetes", []string{"k8s", "kubernetess"}, ""},
		{"related offered already", "kubernetes", []string{"kubernetes operators", "kubernetis"}, ""},
		{"fewest edits wins", "kubernete", []string{"kubernatis", "kubernetes"}, "kubernetes"},
		{"most mentors wins a tie", "rusk", []string{"rush", "rust", "rust", "Rust"}, "rust"},
		{"folded order breaks the last tie", "rusk", []string{"rush", "rust"}, "rush"},
		{"nothing offered", "go", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := matching.Suggest(tt.topic, tt.offered)
			if got != tt.want || ok != (tt.want != "") {
				t.Errorf("Suggest(%q, %q) = %q, %v, want %q", tt.topic, tt.offered, got, ok, tt.want)
			}
		})
	}
	s := matching.Synonyms{"kubi": "kubernetes"}
	if got, ok := s.Suggest("kubernete", []string{"kubi"}); !ok || got != "kubi" {
		t.Errorf("with synonyms: got %q, %v, want %q", got, ok, "kubi")
	}
}

func TestDamerauLevenshtein(t *testing.T) {
	tests := []struct {
		a, b  string
		limit int
		want  int
	}{
		{"", "", 2, 0},
		{"abc", "abc", 2, 0},
		{"abc", "acb", 2, 1},
		{"kitten", "sitting", 5, 3},
		{"kitten", "sitting", 2, 3},
		{"ca", "abc", 5, 3},
		{"réseau", "reseau", 2, 1},
		{"a", "abcdef", 2, 3},
	}
	for _, tt := range tests {
		if got := matching.TypoDistance(tt.a, tt.b, tt.limit); got != tt.want {
			t.Errorf("distance(%q, %q, limit %d) = %d, want %d", tt.a, tt.b, tt.limit, got, tt.want)
		}
	}
}

// TestSuggestBuiltin: an offered topic that looks like a typo of a
// well-known one is asked about; a known topic, one of its spellings, a
// short word that is another word ("rest"), or a topic of its own is not.
func TestSuggestBuiltin(t *testing.T) {
	for topic, want := range map[string]string{
		"kubernete": "kubernetes", "javascrpt": "javascript", "pyhton": "python", "machine lerning": "machine learning",
		"typscript": "typescript", "kubernetes": "", "golang": "", "dotnet": "", "rest": "", "leadership": "",
		"développement": "", "réseaux": "",
	} {
		got, ok := matching.SuggestBuiltin(topic)
		if got != want || ok != (want != "") {
			t.Errorf("%q: got %q, %v, want %q", topic, got, ok, want)
		}
	}
}
