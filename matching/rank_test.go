package matching_test

import (
	"reflect"
	"slices"
	"testing"

	"github.com/mentorbot/mentorbot/matching"
)

func TestRankOrdersByTotal(t *testing.T) {
	near, far, related := baseMentor("near"), baseMentor("far"), baseMentor("related")
	far.UTCOffset = 6 * hour
	related.Topics = []string{"go testing"}
	got := ids(matching.Rank(baseNeed(), []matching.Mentor{related, far, near}, matching.DefaultOptions()))
	want := []string{"near", "far", "related"}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestRankTies(t *testing.T) {
	tests := []struct {
		name    string
		mentors []matching.Mentor
		want    []string
	}{
		{
			name: "lower load first",
			mentors: []matching.Mentor{
				{ID: "a", Topics: []string{"go"}, Capacity: 2, Active: 1},
				{ID: "b", Topics: []string{"go"}, Capacity: 4, Active: 1},
				{ID: "c", Topics: []string{"go"}, Capacity: 3, Active: 0},
			},
			want: []string{"c", "b", "a"},
		},
		{
			name: "equal load by ID",
			mentors: []matching.Mentor{
				{ID: "b", Topics: []string{"go"}, Capacity: 4, Active: 2},
				{ID: "c", Topics: []string{"go"}, Capacity: 1},
				{ID: "a", Topics: []string{"go"}, Capacity: 2, Active: 1},
			},
			want: []string{"c", "a", "b"},
		},
		{
			name: "score beats load",
			mentors: []matching.Mentor{
				{ID: "idle-far", Topics: []string{"go"}, Capacity: 5, UTCOffset: hour},
				{ID: "busy-near", Topics: []string{"go"}, Capacity: 5, Active: 4},
			},
			want: []string{"busy-near", "idle-far"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ids(matching.Rank(baseNeed(), tt.mentors, matching.DefaultOptions()))
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestRankIsDeterministicUnderPermutation(t *testing.T) {
	var mentors []matching.Mentor
	for i, id := range []string{"e", "b", "d", "a", "c", "f"} {
		m := baseMentor(id)
		m.Capacity, m.Active = 2+i%2, i%2 // two loads, many exact ties
		m.UTCOffset = (i % 3) * hour
		mentors = append(mentors, m)
	}
	want := matching.Rank(baseNeed(), mentors, matching.DefaultOptions())
	if len(want) != len(mentors) {
		t.Fatalf("got %d candidates, want %d", len(want), len(mentors))
	}
	perm := slices.Clone(mentors)
	for i := range len(perm) * 3 {
		j := (i*7 + 3) % len(perm)
		perm[i%len(perm)], perm[j] = perm[j], perm[i%len(perm)]
		got := matching.Rank(baseNeed(), perm, matching.DefaultOptions())
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("permutation %d: got %v, want %v", i, ids(got), ids(want))
		}
	}
}

func TestRankScoreAndReasons(t *testing.T) {
	need := baseNeed()
	need.Years = 2
	m := baseMentor("m")
	m.Topics = []string{"Rust", "Golang"}
	m.UTCOffset = 3 * hour
	m.Years = 8
	c := only(t, need, m, matching.DefaultOptions())
	// .4*1 + .2*1 + .2*.75 + .2*1
	wantScore := matching.Score{Topic: 1, Language: 1, TimeZone: 0.75, Kind: 1, Total: 0.95}
	if !approx(c.Score.Total, wantScore.Total) || c.Score.Topic != 1 || c.Score.TimeZone != 0.75 {
		t.Errorf("got %+v, want %+v", c.Score, wantScore)
	}
	want := []matching.Reason{
		{Code: matching.ReasonTopic, Detail: "Golang", Exact: true},
		{Code: matching.ReasonLanguage, Detail: "en"},
		{Code: matching.ReasonTimeZone, Hours: 3},
		{Code: matching.ReasonKind, Detail: "one-to-one"},
		{Code: matching.ReasonExperience, Detail: "senior", Years: 8},
	}
	if !reflect.DeepEqual(c.Reasons, want) {
		t.Errorf("got reasons %+v, want %+v", c.Reasons, want)
	}
}

func TestWeights(t *testing.T) {
	tests := []struct {
		name    string
		weights matching.Weights
		want    float64
	}{
		// parts: topic .6, language .8, time zone .5, kind .7
		{"defaults give the weighted mean", matching.DefaultOptions().Weights, (0.4*0.6 + 0.2*0.8 + 0.2*0.5 + 0.2*0.7) / 1.0},
		{"weights are normalised", matching.Weights{Topic: 2, Language: 1, TimeZone: 1, Kind: 1}, (2*0.6 + 0.8 + 0.5 + 0.7) / 5},
		{"topic only", matching.Weights{Topic: 1}, 0.6},
		{"time zone only", matching.Weights{TimeZone: 3}, 0.5},
		{"negative weights count as zero", matching.Weights{Topic: -1, Kind: 1}, 0.7},
		{"all zero gives zero", matching.Weights{}, 0},
	}
	need := baseNeed()
	need.Languages = nil
	m := baseMentor("m")
	m.Topics = []string{"go testing"}
	m.UTCOffset = -6 * hour
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := only(t, need, m, matching.Options{Weights: tt.weights})
			if !approx(c.Score.Total, tt.want) {
				t.Errorf("total: got %v, want %v (parts %+v)", c.Score.Total, tt.want, c.Score)
			}
		})
	}
}

func TestRankDoesNotModifyInput(t *testing.T) {
	mentors := []matching.Mentor{baseMentor("b"), baseMentor("a")}
	mentors[0].Topics = []string{"K8s", "Golang"}
	mentors[1].Kinds = []matching.Kind{"1:1"}
	need := baseNeed()
	need.Exclude = []string{"z"}
	before, beforeNeed := clone(mentors), need
	matching.Rank(need, mentors, matching.DefaultOptions())
	matching.Explain(need, mentors, matching.DefaultOptions())
	matching.Assign([]matching.Need{need}, mentors, matching.DefaultOptions())
	if !reflect.DeepEqual(mentors, before) || !reflect.DeepEqual(need, beforeNeed) {
		t.Errorf("inputs changed: got %+v %+v, want %+v %+v", mentors, need, before, beforeNeed)
	}
}

func clone(ms []matching.Mentor) []matching.Mentor {
	out := slices.Clone(ms)
	for i := range out {
		out[i].Topics = slices.Clone(ms[i].Topics)
		out[i].Kinds = slices.Clone(ms[i].Kinds)
		out[i].Languages = slices.Clone(ms[i].Languages)
	}
	return out
}

func TestRankNoneEligible(t *testing.T) {
	m := baseMentor("m")
	m.Topics = []string{"rust"}
	if got := matching.Rank(baseNeed(), []matching.Mentor{m}, matching.DefaultOptions()); len(got) != 0 {
		t.Errorf("got %v, want none", ids(got))
	}
}
