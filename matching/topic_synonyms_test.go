package matching_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/matching"
)

func TestSynonymsNormalize(t *testing.T) {
	s := matching.Synonyms{
		"kubi":                      "kubernetes",
		"apprentissage statistique": "machine learning",
		"gestion de projet":         "project management",
		"gp":                        "gestion de projet", // a chain, as stored before its target became an alias
	}
	tests := []struct{ in, want string }{
		{"Kubi", "kubernetes"},
		{"kubi operators", "kubernetes operator"},
		{"Apprentissage statistique", "machine learning"},
		{"GP", "project management"},
		{"go", "go"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := s.Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := s.Normalize(s.Normalize(tt.in)); got != s.Normalize(tt.in) {
			t.Errorf("Normalize(Normalize(%q)) = %q, want it idempotent", tt.in, got)
		}
	}
	var none matching.Synonyms
	if got := none.Normalize("K8s"); got != "kubernetes" {
		t.Errorf("nil Synonyms: Normalize(%q) = %q, want %q", "K8s", got, "kubernetes")
	}
}

func TestSynonymsAdd(t *testing.T) {
	s := matching.Synonyms{"kubi": "kubernetes", "b": "a"}
	t.Run("OK", func(t *testing.T) {
		key, target, err := s.Add("Kubectl", "kubi")
		if err != nil || key != "kubectl" || target != "kubernetes" {
			t.Errorf("Add: got %q, %q, %v, want %q, %q, nil", key, target, err, "kubectl", "kubernetes")
		}
	})
	t.Run("OK replaces", func(t *testing.T) {
		if _, target, err := s.Add("kubi", "kubernetes operator"); err != nil || target != "kubernetes operator" {
			t.Errorf("Add: got %q, %v, want %q, nil", target, err, "kubernetes operator")
		}
	})
	for _, tt := range []struct {
		name, alias, canonical string
		want                   error
	}{
		{"ErrSynonymEmpty alias", "  ", "go", matching.ErrSynonymEmpty},
		{"ErrSynonymEmpty topic", "go", "!!", matching.ErrSynonymEmpty},
		{"ErrSynonymSelf", "K8s", "kubernetes", matching.ErrSynonymSelf},
		{"ErrSynonymSelf plural", "APIs", "api", matching.ErrSynonymSelf},
		{"ErrSynonymCycle", "a", "b", matching.ErrSynonymCycle},
		{"ErrSynonymWithin", "go", "go tooling", matching.ErrSynonymWithin},
		{"ErrSynonymBuiltin", "golang", "rust", matching.ErrSynonymBuiltin},
		{"ErrSynonymBuiltin postgres", "Postgres", "mysql", matching.ErrSynonymBuiltin},
		{"ErrSynonymBuiltin ml", "ML", "rust", matching.ErrSynonymBuiltin},
		{"ErrSynonymBuiltin ia", "IA", "blockchain", matching.ErrSynonymBuiltin},
		{"ErrSynonymWithin accents", "Web", "dév web", matching.ErrSynonymWithin},
		{"ErrSynonymWithin through another", "kubernetes", "kubi ops", matching.ErrSynonymWithin},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if _, _, err := s.Add(tt.alias, tt.canonical); !errors.Is(err, tt.want) {
				t.Errorf("Add(%q, %q): got %v, want %v", tt.alias, tt.canonical, err, tt.want)
			}
		})
	}
	if len(s) != 2 {
		t.Errorf("Add changed the synonyms: got %v", s)
	}
}

// TestSynonymsKeys: with random workspace aliases, any offer topic that
// matches a request once the aliases apply is stored under a plain key
// (TopicKeys, as the store indexes it) that the request reads (Keys).
func TestSynonymsKeys(t *testing.T) {
	vocab := []string{"kube", "kubernetes", "k8s", "operator", "ml", "stats", "data", "science", "go", "tooling", "ops", "rust"}
	r := rand.New(rand.NewPCG(3, 4))
	phrase := func() string {
		words := make([]string, 1+r.IntN(2))
		for i := range words {
			words[i] = vocab[r.IntN(len(vocab))]
		}
		return strings.Join(words, " ")
	}
	checked := 0
	for range 300 {
		s := matching.Synonyms{}
		for range 1 + r.IntN(4) {
			if k, v, err := s.Add(phrase(), phrase()); err == nil {
				s[k] = v
			}
		}
		for range 100 {
			request, offer := phrase(), phrase()
			score, _, _ := matching.MatchTopic(s.Normalize(request), s.Normalize(offer))
			if score == 0 {
				continue
			}
			checked++
			read, stored := s.Keys(request), matching.TopicKeys(offer)
			if !slices.ContainsFunc(read, func(k string) bool { return slices.Contains(stored, k) }) {
				t.Fatalf("synonyms %v: request %q reads keys %v, offer %q is stored under %v, want one shared", s, request, read, offer, stored)
			}
		}
	}
	if checked < 1000 {
		t.Errorf("only %d matching pairs, want a real test", checked)
	}
}

// BenchmarkSynonymsKeys: the keys a request reads in a workspace with 200
// aliases of its own.
func BenchmarkSynonymsKeys(b *testing.B) {
	s := matching.Synonyms{}
	for i := range 200 {
		s[fmt.Sprintf("alias%d", i)] = fmt.Sprintf("topic%d", i%20)
	}
	s["kubi"] = "kubernetes"
	b.ReportAllocs()
	for b.Loop() {
		_ = s.Keys("kubernetes operators")
	}
}
