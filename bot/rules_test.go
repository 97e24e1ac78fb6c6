package bot_test

import (
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// TestEventForStore: the core's rules on what the store keeps of an event:
// a request's topic folded and its fairness marker kept a day past its
// window, a low rating flagged and kept 180 days, anything else as it is.
func TestEventForStore(t *testing.T) {
	day := 24 * time.Hour
	for _, tt := range []struct {
		name string
		in   bot.Event
		want bot.Event
	}{
		{"RequestTopicFolded",
			bot.Event{Kind: bot.EventRequest, Topic: "K8s"},
			bot.Event{Kind: bot.EventRequest, Topic: "kubernetes"}},
		{"RequestWindowKeptADayMore",
			bot.Event{Kind: bot.EventRequest, Ref: "r1", Topic: "go", Duration: 7 * day},
			bot.Event{Kind: bot.EventRequest, Ref: "r1", Topic: "go", Duration: 7 * day, Keep: 8 * day}},
		{"LowRatingFlagged",
			bot.Event{Kind: bot.EventSurvey, Ref: "p1", Rating: bot.LowRatingMax},
			bot.Event{Kind: bot.EventSurvey, Ref: "p1", Rating: bot.LowRatingMax, Flagged: true, Keep: 180 * day}},
		{"GoodRatingNotFlagged",
			bot.Event{Kind: bot.EventSurvey, Ref: "p1", Rating: bot.LowRatingMax + 1},
			bot.Event{Kind: bot.EventSurvey, Ref: "p1", Rating: bot.LowRatingMax + 1, Keep: 180 * day}},
		{"RatingWithoutPairNotFlagged",
			bot.Event{Kind: bot.EventSurvey, Rating: 1},
			bot.Event{Kind: bot.EventSurvey, Rating: 1, Keep: 180 * day}},
		{"OtherKindsAsTheyAre",
			bot.Event{Kind: bot.EventMeeting, Ref: "p1", Topic: "K8s", Duration: day},
			bot.Event{Kind: bot.EventMeeting, Ref: "p1", Topic: "K8s", Duration: day}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.in.ForStore()
			if got.Kind != tt.want.Kind || got.Topic != tt.want.Topic || got.Keep != tt.want.Keep ||
				got.Flagged != tt.want.Flagged || got.Duration != tt.want.Duration || got.Rating != tt.want.Rating {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

// TestStalled: StalledAfter "not yet" answers and no meeting make a pair
// stalled; a meeting, or fewer answers, do not.
func TestStalled(t *testing.T) {
	met := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		name string
		pair bot.Pair
		want bool
	}{
		{"OneNotYet", bot.Pair{NotYet: bot.StalledAfter - 1}, false},
		{"StalledAfter", bot.Pair{NotYet: bot.StalledAfter}, true},
		{"MoreNotYets", bot.Pair{NotYet: bot.StalledAfter + 3}, true},
		{"MetAfterAll", bot.Pair{NotYet: bot.StalledAfter, Met: met}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := bot.Stalled(tt.pair); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}
