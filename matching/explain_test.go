package matching_test

import (
	"testing"

	"github.com/mentorbot/mentorbot/matching"
)

// TestEligibility checks each hard filter alone, and that a mentor failing
// several is counted under the first one in the documented order.
func TestEligibility(t *testing.T) {
	tests := []struct {
		name   string
		mentor func(*matching.Mentor)
		need   func(*matching.Need)
		max    int
		want   matching.Explanation
	}{
		{"plain mentor is eligible", nil, nil, 0, matching.Explanation{Eligible: 1}},
		{"declined mentor is excluded", nil, func(n *matching.Need) { n.Exclude = []string{"x", "m"} }, 0, matching.Explanation{Excluded: 1}},
		{"mentee offering the topic is self", nil, func(n *matching.Need) { n.MenteeID = "m" }, 0, matching.Explanation{Self: 1}},
		{"mentee offering another topic offers nothing", func(m *matching.Mentor) { m.Topics = []string{"rust"} }, func(n *matching.Need) { n.MenteeID = "m" }, 0, matching.Explanation{NoTopic: 1}},
		{"empty mentee ID excludes nobody", func(m *matching.Mentor) { m.ID = "" }, func(n *matching.Need) { n.MenteeID = "" }, 0, matching.Explanation{Eligible: 1}},
		{"other topic is no topic", func(m *matching.Mentor) { m.Topics = []string{"rust"} }, nil, 0, matching.Explanation{NoTopic: 1}},
		{"no topics is no topic", func(m *matching.Mentor) { m.Topics = nil }, nil, 0, matching.Explanation{NoTopic: 1}},
		{"no shared language is no language", func(m *matching.Mentor) { m.Languages = []string{"fr"} }, nil, 0, matching.Explanation{NoLanguage: 1}},
		{"kind not accepted is a mismatch", func(m *matching.Mentor) { m.Kinds = []matching.Kind{matching.Flash} }, nil, 0, matching.Explanation{KindMismatch: 1}},
		{"kind listed is accepted", func(m *matching.Mentor) { m.Kinds = []matching.Kind{matching.Flash, matching.OneToOne} }, nil, 0, matching.Explanation{Eligible: 1}},
		{"unknown need kind needs an open mentor", func(m *matching.Mentor) { m.Kinds = []matching.Kind{matching.Flash} }, func(n *matching.Need) { n.Kind = "group" }, 0, matching.Explanation{KindMismatch: 1}},
		{"senior reverse mentor is not less senior", func(m *matching.Mentor) { m.Years = 10 }, func(n *matching.Need) { n.Kind, n.Years = matching.Reverse, 3 }, 0, matching.Explanation{NotLessSenior: 1}},
		{"kind wins over seniority", func(m *matching.Mentor) { m.Years, m.Kinds = 10, []matching.Kind{matching.Flash} }, func(n *matching.Need) { n.Kind, n.Years = matching.Reverse, 3 }, 0, matching.Explanation{KindMismatch: 1}},
		{"full mentor has no capacity", func(m *matching.Mentor) { m.Active = 1 }, nil, 0, matching.Explanation{NoCapacity: 1}},
		{"zero capacity has no capacity", func(m *matching.Mentor) { m.Capacity = 0 }, nil, 0, matching.Explanation{NoCapacity: 1}},
		{"negative active counts as zero", func(m *matching.Mentor) { m.Capacity, m.Active = 0, -1 }, nil, 0, matching.Explanation{NoCapacity: 1}},
		{"over-full mentor has no capacity", func(m *matching.Mentor) { m.Capacity, m.Active = 2, 5 }, nil, 0, matching.Explanation{NoCapacity: 1}},
		{"distant mentor is too far", func(m *matching.Mentor) { m.UTCOffset = 5 * hour }, nil, 4, matching.Explanation{TooFar: 1}},
		{"no topic wins over excluded", func(m *matching.Mentor) { m.Topics = nil }, func(n *matching.Need) { n.Exclude = []string{"m"} }, 0, matching.Explanation{NoTopic: 1}},
		{"self wins over excluded", nil, func(n *matching.Need) { n.MenteeID, n.Exclude = "m", []string{"m"} }, 0, matching.Explanation{Self: 1}},
		{"excluded wins over no language", func(m *matching.Mentor) { m.Languages = []string{"fr"} }, func(n *matching.Need) { n.Exclude = []string{"m"} }, 0, matching.Explanation{Excluded: 1}},
		{"no topic wins over no language", func(m *matching.Mentor) { m.Topics, m.Languages = nil, []string{"fr"} }, nil, 0, matching.Explanation{NoTopic: 1}},
		{"no language wins over kind", func(m *matching.Mentor) { m.Languages, m.Kinds = []string{"fr"}, []matching.Kind{matching.Peer} }, nil, 0, matching.Explanation{NoLanguage: 1}},
		{"kind wins over capacity", func(m *matching.Mentor) { m.Kinds, m.Active = []matching.Kind{matching.Peer}, 1 }, nil, 0, matching.Explanation{KindMismatch: 1}},
		{"distance wins over capacity", func(m *matching.Mentor) { m.Active, m.UTCOffset = 1, 9*hour }, nil, 2, matching.Explanation{TooFar: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, need := baseMentor("m"), baseNeed()
			if tt.mentor != nil {
				tt.mentor(&m)
			}
			if tt.need != nil {
				tt.need(&need)
			}
			opt := matching.DefaultOptions()
			opt.MaxTZHours = tt.max
			if got := matching.Explain(need, []matching.Mentor{m}, opt); got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
			if got, want := len(matching.Rank(need, []matching.Mentor{m}, opt)), tt.want.Eligible; got != want {
				t.Errorf("Rank: got %d candidates, want %d", got, want)
			}
		})
	}
}

func TestExplainCountsEveryMentorOnce(t *testing.T) {
	need := baseNeed()
	need.Exclude = []string{"declined"}
	mk := func(id string, f func(*matching.Mentor)) matching.Mentor {
		m := baseMentor(id)
		f(&m)
		return m
	}
	mentors := []matching.Mentor{
		baseMentor("ok1"),
		baseMentor("ok2"),
		baseMentor("declined"),
		mk("mentee", func(m *matching.Mentor) { m.ID = "mentee" }),
		mk("rust", func(m *matching.Mentor) { m.Topics = []string{"rust"} }),
		mk("fr", func(m *matching.Mentor) { m.Languages = []string{"fr"} }),
		mk("flash", func(m *matching.Mentor) { m.Kinds = []matching.Kind{matching.Flash} }),
		mk("full", func(m *matching.Mentor) { m.Active = 3; m.Capacity = 3 }),
		mk("far", func(m *matching.Mentor) { m.UTCOffset = -8 * hour }),
	}
	opt := matching.DefaultOptions()
	opt.MaxTZHours = 6
	want := matching.Explanation{Eligible: 2, NoTopic: 1, NoLanguage: 1, KindMismatch: 1, NoCapacity: 1, TooFar: 1, Excluded: 1, Self: 1}
	got := matching.Explain(need, mentors, opt)
	if got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
	sum := got.Eligible + got.NoTopic + got.Self + got.Excluded + got.NotAgain + got.NoLanguage + got.KindMismatch + got.NotLessSenior + got.NoCapacity + got.TooFar
	if sum != len(mentors) {
		t.Errorf("counts sum to %d, want %d", sum, len(mentors))
	}
	if n := len(matching.Rank(need, mentors, opt)); n != got.Eligible {
		t.Errorf("Rank returned %d, want Eligible %d", n, got.Eligible)
	}
}

func TestExplainNoMentors(t *testing.T) {
	if got := matching.Explain(baseNeed(), nil, matching.DefaultOptions()); got != (matching.Explanation{}) {
		t.Errorf("got %+v, want zero", got)
	}
}

// TestExplainPausedLast: a paused mentor who would not fit anyway (the
// kind, the language) is counted for that, not as paused: "their offer is
// paused" must not promise a mentor who will not come back for this need.
func TestExplainPausedLast(t *testing.T) {
	need := matching.Need{ID: "r", MenteeID: "m", Topic: "terraform", Kind: matching.OneToOne, Languages: []string{"en"}}
	mentors := []matching.Mentor{
		{ID: "flash", Topics: []string{"terraform"}, Kinds: []matching.Kind{matching.Flash}, Languages: []string{"en"}, Capacity: 1, Paused: true},
		{ID: "fr", Topics: []string{"terraform"}, Languages: []string{"fr"}, Capacity: 1, Paused: true},
		{ID: "ok", Topics: []string{"terraform"}, Languages: []string{"en"}, Capacity: 1, Paused: true},
		{ID: "far", Topics: []string{"terraform"}, Languages: []string{"en"}, Capacity: 1, Paused: true, UTCOffset: 10 * 3600},
		// Full, but too far anyway: counted as too far, not as having no
		// free slot (a slot freed would not bring them).
		{ID: "farfull", Topics: []string{"terraform"}, Languages: []string{"en"}, Capacity: 1, Active: 1, UTCOffset: 10 * 3600},
		{ID: "full", Topics: []string{"terraform"}, Languages: []string{"en"}, Capacity: 1, Active: 1},
	}
	opt := matching.DefaultOptions()
	opt.MaxTZHours = 4
	got := matching.Explain(need, mentors, opt)
	if got.KindMismatch != 1 || got.NoLanguage != 1 || got.Paused != 1 || got.TooFar != 2 || got.NoCapacity != 1 {
		t.Fatalf("got %+v, want one of each: kind, language, paused, no capacity, and two too far", got)
	}
}

// TestExplanationOffering: Offering counts the mentors who offer the
// topic, the mentee aside; Declined holds when all of them were asked.
func TestExplanationOffering(t *testing.T) {
	e := matching.Explanation{NoTopic: 5, Self: 1, Excluded: 1, NotAgain: 1}
	if e.Offering() != 2 || !e.Declined() {
		t.Fatalf("%+v: Offering %d, Declined %v; want 2, true", e, e.Offering(), e.Declined())
	}
	e.Paused = 1
	if e.Offering() != 3 || e.Declined() {
		t.Fatalf("%+v: Offering %d, Declined %v; want 3, false", e, e.Offering(), e.Declined())
	}
}
