package matching_test

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/matching"
)

const day = 24 * time.Hour

func TestWaitingPriority(t *testing.T) {
	tests := []struct {
		name           string
		older, newer   time.Duration
		olderTZ, winTZ int
		want           string
	}{
		{"passed over twice beats a newer one of equal fit", 2 * day, 0, 0, 0, "old"},
		{"two rounds an hour apart beat a newer one", 2 * time.Hour, 0, 0, 0, "old"},
		{"two days beat a fit .017 better", 2 * day, 0, hour, 0, "old"},
		{"equal waits keep the better fit", 2 * day, 2 * day, hour, 0, "new"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			newer, older := baseNeed(), baseNeed()
			newer.ID, newer.MenteeID, newer.Waited = "new", "u1", tt.newer
			older.ID, older.MenteeID, older.Waited, older.UTCOffset = "old", "u2", tt.older, tt.olderTZ
			got := matching.Assign([]matching.Need{newer, older}, []matching.Mentor{baseMentor("m")}, matching.DefaultOptions())
			if len(got) != 1 || got[0].NeedID != tt.want {
				t.Errorf("got %v, want %s served", pairsOf(got), tt.want)
			}
		})
	}
}

func TestLoadSpread(t *testing.T) {
	busy, idle := baseMentor("a-busy"), baseMentor("b-idle")
	busy.Capacity, busy.Active = 3, 2
	idle.Capacity = 3
	mentors := []matching.Mentor{busy, idle}
	opt := matching.DefaultOptions()
	if got := ids(matching.Rank(baseNeed(), mentors, opt)); !slices.Equal(got, []string{"b-idle", "a-busy"}) {
		t.Errorf("Rank: got %v, want the idle mentor first", got)
	}
	if got := pairsOf(matching.Assign([]matching.Need{baseNeed()}, mentors, opt)); got["n1"] != "b-idle" {
		t.Errorf("Assign: got %v, want n1 with b-idle", got)
	}
}

func TestRepeatAvoidance(t *testing.T) {
	met, other := baseMentor("met"), baseMentor("other")
	other.UTCOffset = 3 * hour // a worse fit
	need := baseNeed()
	need.Met = []string{"met"}
	avoid, allow := matching.DefaultOptions(), matching.DefaultOptions()
	allow.AvoidRepeats = false
	tests := []struct {
		name    string
		mentors []matching.Mentor
		opt     matching.Options
		want    string
		avoided bool
		repeat  bool
	}{
		{"a mentor not met comes first", []matching.Mentor{met, other}, avoid, "other", true, false},
		{"a repeat is allowed when it is the only option", []matching.Mentor{met}, avoid, "met", false, true},
		{"without avoidance the better fit wins", []matching.Mentor{met, other}, allow, "met", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := matching.Assign([]matching.Need{need}, tt.mentors, tt.opt)
			if len(got) != 1 || got[0].Candidate.MentorID != tt.want {
				t.Fatalf("Assign: got %v, want n1 with %s", pairsOf(got), tt.want)
			}
			c := got[0].Candidate
			if first := matching.Rank(need, tt.mentors, tt.opt)[0]; !reflect.DeepEqual(first, c) {
				t.Errorf("Rank's first: got %+v, want Assign's %+v", first, c)
			}
			if _, repeat := reason(c, matching.ReasonMetBefore); c.AvoidedRepeat != tt.avoided || repeat != tt.repeat {
				t.Errorf("got AvoidedRepeat %v and met-before %v, want %v and %v", c.AvoidedRepeat, repeat, tt.avoided, tt.repeat)
			}
		})
	}
	t.Run("an excluded mentor met before is never proposed", func(t *testing.T) {
		n := need
		n.Exclude = []string{"met"}
		if got := matching.Assign([]matching.Need{n}, []matching.Mentor{met}, avoid); len(got) != 0 {
			t.Errorf("got %v, want no pair", pairsOf(got))
		}
	})
}

func TestNewReasons(t *testing.T) {
	need := baseNeed()
	need.Years, need.Waited, need.Met = 2, 50*time.Hour, []string{"m"}
	m := baseMentor("m")
	m.Years = 8
	c := only(t, need, m, matching.DefaultOptions())
	var codes []matching.ReasonCode
	for _, r := range c.Reasons {
		codes = append(codes, r.Code)
	}
	want := []matching.ReasonCode{matching.ReasonTopic, matching.ReasonLanguage, matching.ReasonTimeZone,
		matching.ReasonKind, matching.ReasonExperience, matching.ReasonWaited, matching.ReasonMetBefore}
	if !slices.Equal(codes, want) {
		t.Fatalf("got reasons %v, want %v", codes, want)
	}
	if r, _ := reason(c, matching.ReasonWaited); r.Days != 2 {
		t.Errorf("waited: got %d days, want 2", r.Days)
	}
	// .02 a day for 50 h, and the full load spread of an idle mentor.
	if wait := 0.02 * 50.0 / 24; !approx(c.Score.Wait, wait) || !approx(c.Score.Load, 0.01) ||
		!approx(c.Score.Value, c.Score.Total+wait+0.01) {
		t.Errorf("got score %+v, want Wait %v, Load .01 and Value their sum with Total", c.Score, wait)
	}
	need.Waited = 20 * time.Hour
	if _, ok := reason(only(t, need, m, matching.DefaultOptions()), matching.ReasonWaited); ok {
		t.Errorf("got a waited reason under a day, want none")
	}
	need.Waited = 400 * day
	if c := only(t, need, m, matching.DefaultOptions()); !approx(c.Score.Wait, 0.28) {
		t.Errorf("got Wait %v after 400 days, want the cap .28", c.Score.Wait)
	}
}

// TestRankAgreesWithAssign checks, on random lone needs, that Assign
// proposes Rank's first candidate: the instant proposal and a round agree.
func TestRankAgreesWithAssign(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	for round := range 300 {
		needs, mentors := propertyRound(r)
		opt := matching.DefaultOptions()
		ranked := matching.Rank(needs[0], mentors, opt)
		got := matching.Assign(needs[:1], mentors, opt)
		if len(ranked) == 0 {
			if len(got) != 0 {
				t.Fatalf("round %d: got %v, want no pair as Rank has none", round, pairsOf(got))
			}
			continue
		}
		if len(got) != 1 || !reflect.DeepEqual(got[0].Candidate, ranked[0]) {
			t.Fatalf("round %d: got %v, want Rank's first %+v (mentors %+v, need %+v)", round, got, ranked[0], mentors, needs[0])
		}
	}
}
