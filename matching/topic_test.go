package matching_test

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/mentorbot/mentorbot/matching"
)

func TestNormalizeTopic(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Go", "go"},
		{"  Machine   Learning ", "machine learning"},
		{"k8s operators", "kubernetes operator"},
		{"ts", "typescript"},
		{"AI", "artificial intelligence"},
		{"UX", "user experience"},
		{"PM", "product management"},
		{`"Kubernetes!"`, "kubernetes"},
		{"(rust)", "rust"},
		{"#golang", "go"},
		{"go.", "go"},
		{"Go, Rust & C", "go rust c"},
		{"ci/cd", "ci cd"},
		{"ｇｏ", "go"},
		{"İstanbul", "istanbul"},
		{"cœur", "coeur"},
		{"O'Reilly", "oreilly"},
		{"c++11", "c++11"},
		{"  ", ""},
		{"!!!", ""},
		{"++", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in+" normalises", func(t *testing.T) {
			if got := matching.NormalizeTopic(tt.in); got != tt.want {
				t.Errorf("NormalizeTopic(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestNormalizeTopicSpellings: each group is one topic, in English and in
// French, whatever the case, accents, punctuation, plural or spelling.
func TestNormalizeTopicSpellings(t *testing.T) {
	groups := [][]string{
		{"developpement", "Développement", "DÉVELOPPEMENT", "développements", "Developpement"},
		{"api", "API", "APIs", "apis", "Api's"},
		{"network", "réseau", "réseaux", "Réseaux", "RESEAUX", "network", "Networks"},
		{"public speaking", "prise de parole", "Prise de parole", "public speaking", "Public Speaking"},
		{"project management", "gestion de projet", "Gestion de projets", "project management"},
		{"database", "databases", "Database", "DB", "base de données", "Bases de données", "BDD"},
		{"dotnet", ".NET", ".net", "dotnet", "DotNet", "dot net"},
		{"node", "node.js", "Node.js", "nodejs", "NodeJS", "node"},
		{"postgresql", "postgres", "Postgres", "PostgreSQL", "pgsql"},
		{"javascript", "js", "JS", "JavaScript", "javascript", "ecmascript"},
		{"kubernetes", "k8s", "K8s", "Kubernetes", "kube"},
		{"go", "golang", "Golang", "go", "Go", "#golang"},
		{"c#", "c#", "C#", "csharp", "C Sharp"},
		{"c++", "c++", "C++", "cpp", "CPP"},
		{"react", "react", "React", "reactjs", "React.js", "ReactJS"},
		{"vue", "vue", "Vue.js", "vuejs", "VueJS"},
		{"machine learning", "ml", "ML", "machine learning", "Machine-Learning", "apprentissage automatique"},
		{"artificial intelligence", "ai", "IA", "l'IA", "intelligence artificielle", "Intelligence Artificielle"},
		{"deep learning", "dl", "apprentissage profond"},
		{"technology", "technologie", "technologies", "Technologies", "technology"},
		{"strategy", "stratégie", "stratégies", "strategy", "strategies"},
		{"class", "classe", "classes", "class"},
		{"syntax", "syntaxe", "syntaxes", "syntax"},
		{"video", "vidéo", "vidéos", "videos"},
		{"journal", "journal", "journaux"},
		{"jeu video", "jeu vidéo", "jeux vidéos", "Jeux Vidéo"},
		{"donnee", "donnée", "données", "DONNÉES"},
		{"cybersecurity", "cybersécurité", "Cyber-Security", "cybersecurity"},
		{"macos", "macOS", "osx", "OS X", "mac os"},
		{"kubernetes operator", "k8s operators", "Kubernetes operator", "kube-operators"},
		{"gpu", "gpus", "GPUs", "GPU"},
		{"frontend", "front-end", "Front End", "frontend"},
	}
	for _, g := range groups {
		t.Run(g[0], func(t *testing.T) {
			for _, s := range g[1:] {
				if got := matching.NormalizeTopic(s); got != g[0] {
					t.Errorf("NormalizeTopic(%q) = %q, want %q", s, got, g[0])
				}
			}
		})
	}
}

// TestNormalizeTopicKeepsWordsApart: the stemmer is light. Words that end
// like a plural but are not one keep their spelling, and different
// technologies stay different topics.
func TestNormalizeTopicKeepsWordsApart(t *testing.T) {
	for _, w := range []string{"kubernetes", "css", "pandas", "ios", "business", "analysis", "news",
		"redis", "jenkins", "windows", "status", "devops", "saas", "linux", "nexus", "series", "macos", "express"} {
		if got := matching.NormalizeTopic(w); got != w {
			t.Errorf("NormalizeTopic(%q) = %q, want it unchanged", w, got)
		}
	}
	if got := matching.NormalizeTopic("js"); got != "javascript" {
		t.Errorf("NormalizeTopic(%q) = %q, want %q", "js", got, "javascript")
	}
	apart := [][2]string{
		{"news", "new"}, {"ios", "io"}, {"pandas", "panda"}, {"css", "cs"}, {"redis", "redi"},
		{"c#", "c"}, {"c++", "c"}, {".net", "net"}, {".net", "c"}, {"c#", "c++"}, {"f#", "c#"},
		{"java", "javascript"}, {"go", "google"}, {"r", "c"}, {"windows", "window"},
	}
	for _, p := range apart {
		if a, b := matching.NormalizeTopic(p[0]), matching.NormalizeTopic(p[1]); a == b {
			t.Errorf("NormalizeTopic(%q) = NormalizeTopic(%q) = %q, want them apart", p[0], p[1], a)
		}
	}
}

// TestTopicsFile: the built-in aliases parse, are written folded, and
// lead straight to a canonical form that is not itself an alias; the
// known topics, canonical forms and topics on their own, are folded.
func TestTopicsFile(t *testing.T) {
	aliases, err := matching.ParseAliases(matching.TopicsFile)
	if err != nil {
		t.Fatal(err)
	}
	if len(aliases) < 50 {
		t.Errorf("got %d aliases, want the file's (at least 50)", len(aliases))
	}
	for alias, canonical := range aliases {
		if got := matching.FoldChars(alias); got != alias {
			t.Errorf("alias %q: folds to %q, want it written folded", alias, got)
		}
		if words := strings.Fields(alias); len(words) > 1 {
			for _, w := range words {
				if got := matching.Stem(w); got != w {
					t.Errorf("alias %q: word %q is %q in the singular, want the singular", alias, w, got)
				}
			}
		}
		if _, ok := aliases[canonical]; ok {
			t.Errorf("alias %q → %q: %q is an alias too, want a canonical form", alias, canonical, canonical)
		}
		if got := matching.NormalizeTopic(canonical); got != canonical {
			t.Errorf("alias %q → %q: the canonical form folds to %q, want it folded", alias, canonical, got)
		}
		if got := matching.NormalizeTopic(alias); got != canonical {
			t.Errorf("NormalizeTopic(%q) = %q, want %q", alias, got, canonical)
		}
	}
	for _, topic := range matching.BuiltinTopics() {
		if got := matching.NormalizeTopic(topic); got != topic {
			t.Errorf("known topic %q folds to %q, want it written folded", topic, got)
		}
		if _, ok := aliases[topic]; ok {
			t.Errorf("known topic %q is an alias too", topic)
		}
	}
	for _, bad := range []string{"k8s = kubernetes\nk8s", "go\ngo", "k8s = ", " = go", "a = b = c", "go = golang\ngo = go"} {
		if _, err := matching.ParseAliases(bad); err == nil {
			t.Errorf("ParseAliases(%q): got no error, want one", bad)
		}
	}
}

// TestTopicKeysShareAKey: any two topics that match, exactly or as
// related, share an index key, on random combinations of words.
func TestTopicKeysShareAKey(t *testing.T) {
	vocab := []string{"go", "golang", "k8s", "kubernetes", "operators", "ML", "machine", "learning", "ops",
		"réseaux", "reseau", "APIs", "api", "design", "node.js", "node", "c#", "c", ".NET", "de", "données"}
	r := rand.New(rand.NewPCG(1, 2))
	phrase := func() string {
		words := make([]string, 1+r.IntN(3))
		for i := range words {
			words[i] = vocab[r.IntN(len(vocab))]
		}
		return strings.Join(words, " ")
	}
	matched := 0
	for range 20000 {
		a, b := phrase(), phrase()
		score, _, _ := matching.MatchTopic(a, b)
		if score == 0 {
			continue
		}
		matched++
		ka, kb := matching.TopicKeys(a), matching.TopicKeys(b)
		if !slices.ContainsFunc(ka, func(k string) bool { return slices.Contains(kb, k) }) {
			t.Fatalf("%q and %q match, but their keys %v and %v share none", a, b, ka, kb)
		}
		if !slices.IsSorted(ka) || len(slices.Compact(slices.Clone(ka))) != len(ka) {
			t.Fatalf("TopicKeys(%q) = %v, want sorted without repeats", a, ka)
		}
	}
	if matched < 1000 {
		t.Errorf("only %d matching pairs among the random ones, want a real test", matched)
	}
}

func TestTopicMatch(t *testing.T) {
	tests := []struct {
		name       string
		need       string
		offered    []string
		wantScore  float64 // 0 means not eligible
		wantDetail string
		wantExact  bool
	}{
		{"exact is 1", "go", []string{"go"}, 1, "go", true},
		{"alias is exact", "golang", []string{"Go"}, 1, "Go", true},
		{"alias on mentor side is exact", "kubernetes", []string{"K8s"}, 1, "K8s", true},
		{"narrower mentor topic is related", "kubernetes", []string{"Kubernetes operators"}, 0.6, "Kubernetes operators", false},
		{"broader mentor topic is no match", "kubernetes operators", []string{"k8s"}, 0, "", false},
		{"related through word alias", "ml", []string{"ML ops"}, 0.6, "ML ops", false},
		{"exact beats earlier related", "go", []string{"go testing", "go"}, 1, "go", true},
		{"first related wins among related", "go", []string{"go testing", "go concurrency"}, 0.6, "go testing", false},
		{"partial word overlap is no match", "machine learning", []string{"machine vision"}, 0, "", false},
		{"substring is not a word", "go", []string{"google cloud"}, 0, "", false},
		{"empty need topic matches nothing", "", []string{"go"}, 0, "", false},
		{"empty mentor topic matches nothing", "go", []string{"", " "}, 0, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			need := baseNeed()
			need.Topic = tt.need
			m := baseMentor("m")
			m.Topics = tt.offered
			got := matching.Rank(need, []matching.Mentor{m}, matching.DefaultOptions())
			if tt.wantScore == 0 {
				if len(got) != 0 {
					t.Fatalf("got %d candidates, want none", len(got))
				}
				if e := matching.Explain(need, []matching.Mentor{m}, matching.DefaultOptions()); e.NoTopic != 1 {
					t.Errorf("Explain NoTopic: got %d, want 1", e.NoTopic)
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("got %d candidates, want 1", len(got))
			}
			if !approx(got[0].Score.Topic, tt.wantScore) {
				t.Errorf("topic score: got %v, want %v", got[0].Score.Topic, tt.wantScore)
			}
			r, _ := reason(got[0], matching.ReasonTopic)
			if r.Detail != tt.wantDetail || r.Exact != tt.wantExact {
				t.Errorf("topic reason: got %q exact=%v, want %q exact=%v", r.Detail, r.Exact, tt.wantDetail, tt.wantExact)
			}
		})
	}
}

// FuzzNormalizeTopic: NormalizeTopic never panics, is idempotent, returns
// single-spaced lower-case words, and returns a key for any input with a
// letter or a digit. The seed corpus is in testdata/fuzz.
func FuzzNormalizeTopic(f *testing.F) {
	for _, s := range []string{"Go", "k8s operators", "  (C#) ", ".NET", "ml-ops", "a\tb", "go  ", "İstanbul", "#golang!",
		"Développement", "réseaux", "l'IA", "ai artificielle", "ｇｏ", "c++11", "x .net"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := matching.NormalizeTopic(s)
		if slow := matching.NormalizeTopic(" " + s); slow != got { // a leading space takes the general path
			t.Errorf("NormalizeTopic(%q) = %q, but %q with a leading space; want equal", s, got, slow)
		}
		if again := matching.NormalizeTopic(got); again != got {
			t.Errorf("NormalizeTopic(%q) = %q, then %q; want it idempotent", s, got, again)
		}
		if strings.HasPrefix(got, " ") || strings.HasSuffix(got, " ") || strings.Contains(got, "  ") {
			t.Errorf("NormalizeTopic(%q) = %q, want single inner spaces only", s, got)
		}
		if got != strings.ToLower(got) && utf8.ValidString(got) {
			t.Errorf("NormalizeTopic(%q) = %q, want lower case", s, got)
		}
		if got == "" && strings.ContainsFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			t.Errorf("NormalizeTopic(%q) = \"\", want a key for a topic with a letter or digit", s)
		}
		keys := matching.TopicKeys(s)
		if (len(keys) == 0) != (got == "") {
			t.Errorf("TopicKeys(%q) = %v for the topic %q, want keys exactly when it is not empty", s, keys, got)
		}
	})
}

// BenchmarkNormalizeTopic: a topic that is already folded, as the ranking
// sees once offers are stored folded, and one that is not.
func BenchmarkNormalizeTopic(b *testing.B) {
	for _, in := range []string{"kubernetes operator", "Développement Web & APIs"} {
		b.Run(in, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = matching.NormalizeTopic(in)
			}
		})
	}
}
