package matching_test

import (
	"testing"

	"github.com/mentorbot/mentorbot/matching"
)

func TestParseKind(t *testing.T) {
	tests := []struct {
		in     string
		want   matching.Kind
		wantOK bool
	}{
		{"flash", matching.Flash, true},
		{"FLASH", matching.Flash, true},
		{"  Peer ", matching.Peer, true},
		{"reverse", matching.Reverse, true},
		{"one-to-one", matching.OneToOne, true},
		{"1:1", matching.OneToOne, true},
		{"OneToOne", matching.OneToOne, true},
		{"one2one", matching.OneToOne, true},
		{"", "", false},
		{"group", "", false},
		{"one to one", "", false},
	}
	for _, tt := range tests {
		name := "rejects " + tt.in
		if tt.wantOK {
			name = "accepts " + tt.in
		}
		t.Run(name, func(t *testing.T) {
			got, ok := matching.ParseKind(tt.in)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("ParseKind(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestKindsRoundTrip(t *testing.T) {
	if len(matching.Kinds) != 4 {
		t.Fatalf("got %d kinds, want 4", len(matching.Kinds))
	}
	for _, k := range matching.Kinds {
		if got, ok := matching.ParseKind(string(k)); !ok || got != k {
			t.Errorf("ParseKind(%q) = %q, %v; want %q, true", k, got, ok, k)
		}
	}
}

func TestMentorKindSynonymsAreAccepted(t *testing.T) {
	m := baseMentor("m")
	m.Kinds = []matching.Kind{"1:1"}
	c := only(t, baseNeed(), m, matching.DefaultOptions())
	if r, _ := reason(c, matching.ReasonKind); r.Detail != string(matching.OneToOne) {
		t.Errorf("kind reason detail: got %q, want %q", r.Detail, matching.OneToOne)
	}
}
