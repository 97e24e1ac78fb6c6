package matching_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mentorbot/mentorbot/matching"
)

func TestNormalizeTopic(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Go", "go"},
		{"  Machine   Learning ", "machine learning"},
		{"golang", "go"},
		{"K8s", "kubernetes"},
		{"k8s operators", "kubernetes operators"},
		{"JS", "javascript"},
		{"ts", "typescript"},
		{"ML", "machine learning"},
		{"AI", "artificial intelligence"},
		{"UX", "user experience"},
		{"PM", "product management"},
		{`"Kubernetes!"`, "kubernetes"},
		{"(rust)", "rust"},
		{"#golang", "go"},
		{"machine-learning", "machine learning"},
		{"C#", "c#"},
		{"C++", "c++"},
		{".NET", ".net"},
		{"go.", "go"},
		{"  ", ""},
		{"!!!", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in+" normalises", func(t *testing.T) {
			if got := matching.NormalizeTopic(tt.in); got != tt.want {
				t.Errorf("NormalizeTopic(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
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
		{"broader mentor topic is related", "kubernetes operators", []string{"k8s"}, 0.6, "k8s", false},
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

func FuzzNormalizeTopic(f *testing.F) {
	for _, s := range []string{"Go", "k8s operators", "  (C#) ", ".NET", "ml-ops", "a\tb", "go  ", "İstanbul", "#golang!"} {
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
	})
}
