package matching_test

import (
	"errors"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/matching"
)

// TestOfferIncludesRequest: a mentor qualifies for a request when they
// offer its topic, or a topic whose words include all of the request's
// (docs/matching.md); never a topic with fewer words that means something
// else ("networks" for "social networks"). The instant proposal (Rank,
// Explain), the language gap and the round (Assign) apply the same rule.
func TestOfferIncludesRequest(t *testing.T) {
	for _, tc := range []struct {
		request, offer string
		want           bool
	}{
		{"social networks", "networks", false},
		{"big data", "data", false},
		{"réseaux sociaux", "réseaux", false},
		{"développement web", "Développement", false},
		{"API REST", "APIs", false},
		{"kubernetes operators", "k8s", false},
		{"web", "dev web", true},
		{"kubernetes", "Kubernetes operators", true},
		{"réseaux", "réseaux sociaux", true},
		{"data", "big data", true},
		{"ml", "ML ops", true},
		{"golang", "Go", true},
	} {
		t.Run(tc.request+" for "+tc.offer, func(t *testing.T) {
			mustAgree(t, tc.request, tc.offer, tc.want)
		})
	}
}

// TestOfferIncludesRequestProperty: on random topics, a mentor is
// eligible exactly when the folded words of their topic include all the
// request's, in Rank, Explain, Languages and Assign alike.
func TestOfferIncludesRequestProperty(t *testing.T) {
	vocab := []string{"go", "golang", "k8s", "kubernetes", "operators", "ML", "machine", "learning", "ops",
		"réseaux", "reseau", "sociaux", "APIs", "api", "REST", "web", "dev", "data", "big", "networks", "social"}
	r := rand.New(rand.NewPCG(3, 4))
	phrase := func() string {
		words := make([]string, 1+r.IntN(3))
		for i := range words {
			words[i] = vocab[r.IntN(len(vocab))]
		}
		return strings.Join(words, " ")
	}
	includes := func(offer, request string) bool {
		have := strings.Fields(matching.NormalizeTopic(offer))
		for _, w := range strings.Fields(matching.NormalizeTopic(request)) {
			if !slices.Contains(have, w) {
				return false
			}
		}
		return true
	}
	var yes, no int
	for range 3000 {
		request, offer := phrase(), phrase()
		want := includes(offer, request)
		if want {
			yes++
		} else {
			no++
		}
		mustAgree(t, request, offer, want)
		if t.Failed() {
			return
		}
	}
	if yes < 100 || no < 100 {
		t.Errorf("got %d eligible and %d not, want a real test of both", yes, no)
	}
}

// mustAgree checks that a mentor of offer is eligible for a request of
// request exactly when want, in every place that matches.
func mustAgree(t *testing.T, request, offer string, want bool) {
	t.Helper()
	need := baseNeed()
	need.Topic = request
	m := baseMentor("m")
	m.Topics = []string{offer}
	opt := matching.DefaultOptions()
	mentors := []matching.Mentor{m}
	if got := len(matching.Rank(need, mentors, opt)) == 1; got != want {
		t.Errorf("Rank(%q, offer %q): eligible %v, want %v", request, offer, got, want)
	}
	if got := matching.Explain(need, mentors, opt).Eligible == 1; got != want {
		t.Errorf("Explain(%q, offer %q): eligible %v, want %v", request, offer, got, want)
	}
	if got := len(matching.Assign([]matching.Need{need}, mentors, opt)) == 1; got != want {
		t.Errorf("Assign(%q, offer %q): paired %v, want %v", request, offer, got, want)
	}
	other := need
	other.Languages = []string{"fr"}
	if got := matching.Languages(other, mentors, opt).Mentors == 1; got != want {
		t.Errorf("Languages(%q, offer %q): counted %v, want %v", request, offer, got, want)
	}
	if score, _, _ := matching.MatchTopic(request, offer); (score > 0) != want {
		t.Errorf("MatchTopic(%q, %q) = %v, want a match %v", request, offer, score, want)
	}
}

// TestTypoOnlyOfAnotherSpelling: a topic that is itself a known topic is
// never a typo, and a different real word is not one either: one edit at
// most in a word under 8 letters, and a word that only lengthens another
// ("pythonic", "designer") is another word.
func TestTypoOnlyOfAnotherSpelling(t *testing.T) {
	t.Run("Builtin", func(t *testing.T) {
		for topic, want := range map[string]string{
			"project management": "", "Project Management": "", "product management": "",
			"projet management": "project management", "product managment": "product management",
			"postgis": "", "kubernete": "kubernetes", "machine lerning": "machine learning",
			"pythonic": "", "javascripts": "",
		} {
			if got, ok := matching.SuggestBuiltin(topic); got != want || ok != (want != "") {
				t.Errorf("SuggestBuiltin(%q) = %q, %v, want %q", topic, got, ok, want)
			}
		}
	})
	t.Run("Offered", func(t *testing.T) {
		for _, tc := range []struct{ topic, offered, want string }{
			{"project management", "product management", ""},
			{"rust", "rush", ""}, // rust is a known topic
			{"data engineering", "data engineer", ""},
			{"networking", "networks", ""},
			{"machinelearning", "machine learning", "machine learning"},
			{"kubernetse opertor", "kubernetes operator", "kubernetes operator"},
			{"rost", "rust", "rust"},
		} {
			if got, ok := matching.Suggest(tc.topic, []string{tc.offered}); got != tc.want || ok != (tc.want != "") {
				t.Errorf("Suggest(%q, %q) = %q, %v, want %q", tc.topic, tc.offered, got, ok, tc.want)
			}
		}
	})
	t.Run("VocabularyHasNoTypos", func(t *testing.T) {
		topics := matching.BuiltinTopics()
		if !slices.Contains(topics, "project management") {
			t.Fatalf("the vocabulary lacks “project management”")
		}
		for _, a := range topics {
			for _, b := range topics {
				if a != b && matching.Typo(a, b) {
					t.Errorf("built-in %q is taken for a typo of built-in %q", a, b)
				}
			}
		}
	})
	t.Run("Workspace", func(t *testing.T) {
		key, target, err := matching.Synonyms{}.Add("kbt", "kubernetis")
		if err != nil {
			t.Fatal(err)
		}
		s := matching.Synonyms{key: target}
		if got, ok := matching.SuggestBuiltin("kubernetis"); !ok || got != "kubernetes" {
			t.Fatalf("without the alias: got %q, %v, want kubernetes", got, ok)
		}
		for _, topic := range []string{"kubernetis", "KBT"} {
			if got, ok := s.SuggestBuiltin(topic); ok {
				t.Errorf("%q, a topic of the workspace's: got %q, want no typo", topic, got)
			}
			if !s.Known(topic) {
				t.Errorf("Known(%q) = false, want true", topic)
			}
		}
		if s.Known("kubernetos") || !s.Known("project management") || !s.Known("k8s") {
			t.Errorf("Known: got kubernetos %v, project management %v, k8s %v; want false, true, true",
				s.Known("kubernetos"), s.Known("project management"), s.Known("k8s"))
		}
	})
}

// TestAliasOfBuiltinTopic: a built-in topic cannot be made another's
// alias ("python = go" would send every python request to go mentors);
// the usual spellings keep their own error, and a new spelling may still
// lead to a built-in topic.
func TestAliasOfBuiltinTopic(t *testing.T) {
	for _, tc := range []struct {
		alias, topic string
		want         error
	}{
		{"python", "go", matching.ErrSynonymBuiltinTopic},
		{"Python", "rust", matching.ErrSynonymBuiltinTopic},
		{"intelligence artificielle", "machine learning", matching.ErrSynonymBuiltinTopic},
		{"project management", "pilotage de projet", matching.ErrSynonymBuiltinTopic},
		{"golang", "rust", matching.ErrSynonymBuiltin},
		{"pilotage de projet", "project management", nil},
		{"gestion de projet", "program management", matching.ErrSynonymBuiltinTopic},
		{"py2", "python", nil},
	} {
		_, _, err := matching.Synonyms{}.Add(tc.alias, tc.topic)
		if !errors.Is(err, tc.want) || (tc.want == nil) != (err == nil) {
			t.Errorf("Add(%q, %q): got %v, want %v", tc.alias, tc.topic, err, tc.want)
		}
	}
}
