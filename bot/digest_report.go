package bot

import (
	"context"
	"math"
	"sort"
	"time"

	"github.com/mentorbot/mentorbot/matching"
)

// ChartWeeks is how many weeks the digest's chart shows.
const ChartWeeks = 12

// Report is what the weekly digest says, as figures: the last complete
// week (Monday to Sunday in the workspace's time zone) with the week
// before as the trend, and what needs a manager's eye now.
type Report struct {
	At           time.Time     // when the report was made, in the workspace's zone
	Start        time.Time     // Monday 00:00 of the week reported, in the workspace's zone
	Week, Before WeekFigures   // the week reported and the one before
	Current      WeekFigures   // the week in progress, from its Monday to At
	Weeks        []WeekFigures // the ChartWeeks weeks ending with Week, oldest first
	Demand       []TopicCount  // the week's requests by topic, most requested first
	Supply       []TopicCount  // unpaused offers by topic (Count: mentors), most offered first
	Unmet        []TopicCount  // topics requested that the week or waiting now that no unpaused offer covers
	Waiting      []WaitingRequest
	Stalled      []FlaggedPair  // stalled and still active, oldest first
	LowRatings   []FlaggedPair  // rated LowRatingMax or less since Start, oldest first
	Fairness     Fairness       // the requests of the FairnessWeeks weeks before Week
	Returned     int            // mentors back for a new mentee, since the beginning up to At: live, people counted once ever, so not told at Week's end
	Became       int            // mentees who became mentors, since the beginning up to At: live, as Returned (statsMessage says both under "right now")
	Goals        []ProgramGoals // goals set and done, per program with goals, most goals first (goals.go)
	AutoPaused   int            // members paused now for leaving prompts unanswered (pause_auto.go)
	Unreachable  int            // mentors paused now because a proposal could not reach them (pause_unreachable.go)
}

// WeekFigures are one week's numbers, from the store's counters.
type WeekFigures struct {
	Week                                        string
	Requests, Offers, Pairs, Declined, Expired  int // Pairs: all pairs formed
	Accepted, ManagerPairs                      int // pairs formed by accepting a proposal, and by a manager
	SpeedPairs                                  int // pairs formed by both members after a speed-mentoring round (speed.go)
	CharterCancelled                            int // pairs cancelled before they started: the charter declined, withdrawn or not accepted in time
	Intros, Meetings, Surveys, RatingSum        int
	MedianIntro                                 time.Duration // of the IntroRequests; 0 when there are none
	IntroRequests                               int           // of Intros, those of a pair with a request, timed from it (from its program's kick-off if held for it: introTimedFrom)
	KickoffTimed                                bool          // some IntroRequests may be timed from a kick-off (markKickoffTimed)
	AnsweredYes, AnsweredPartly, AnsweredNo     int
	Returned, Became, Stalled, Ended, Completed int
	Escalated, RepeatAvoided                    int
	Readjust                                    int // "Readjust the pair" at a mid-way review (goals.go)
	AutoPaused                                  int // members the bot paused for leaving prompts unanswered (pause_auto.go)
}

// AverageRating is the week's mean survey rating; ok is false without any.
func (w WeekFigures) AverageRating() (avg float64, ok bool) {
	if w.Surveys == 0 {
		return 0, false
	}
	return float64(w.RatingSum) / float64(w.Surveys), true
}

// Answered is the number of "did your mentor answer your questions?" answers.
func (w WeekFigures) Answered() int { return w.AnsweredYes + w.AnsweredPartly + w.AnsweredNo }

// TopicCount counts requests, mentors or waiting requests for a topic.
type TopicCount struct {
	Topic   string
	Count   int
	Waiting int // for Unmet: requests waiting now
}

// WaitingRequest is a request waiting for a mentor, with the matcher's
// reasons why nobody takes it.
type WaitingRequest struct {
	Request Request
	Mentee  Member
	Why     matching.Explanation
	// Others are the programs of the mentors who could take it if it
	// moved there, when Why says it waits on another program's mentors.
	Others []Program
	// Since is when it began to wait for a mentor (waitingSince): its
	// filing, or, for a request held for its program's kick-off, the
	// kick-off that released it (while still held, the latest that can
	// be). Its days and the list's order count from it.
	Since time.Time
	// Topic is its topic as the digest names it (topicLabels): as the
	// mentors who offer it spell it, else as the mentee typed it.
	Topic string
	// Held is the program whose kick-off round the request waits for
	// (heldPrograms): nobody is proposed to it until then, whatever Why
	// says; nil for a request the matcher serves.
	Held *Program
	// Paused is the mentee's pause (pause.go): nobody is proposed to the
	// request until it ends; nil when the mentee is not paused.
	Paused *Pause
}

// FlaggedPair is a pair a manager should look at.
type FlaggedPair struct {
	Pair           Pair
	Mentor, Mentee Member
	Flag           Flag
}

// Report gathers the digest's figures at now: a handful of store reads
// (the counters of ChartWeeks weeks in one round trip, the flags, the
// offers and the waiting queue, which is small), never a scan. First, the
// requests of the programs released in the weeks of the fairness report
// that a mentor took before their release was counted are counted
// (countPairedSinceRelease: the programs' requests, once each).
func (b *Bot) Report(ctx context.Context, t Tenant, now time.Time) (Report, error) {
	now = now.In(b.location(ctx, t))
	start := weekStart(now).AddDate(0, 0, -7)
	b.countPairedSinceRelease(ctx, t, start.AddDate(0, 0, -7*FairnessWeeks), now)
	names := make([]string, 0, ChartWeeks+1)
	for i := ChartWeeks - 1; i >= 0; i-- {
		names = append(names, WeekOf(start.AddDate(0, 0, -7*i)))
	}
	// The week in progress comes last, after AllTime.
	stats, err := b.store.reports.Stats(ctx, t, append(names, AllTime, WeekOf(weekStart(now))))
	if err != nil {
		return Report{}, err
	}
	r := Report{At: now, Start: start, Current: figuresOf(stats[ChartWeeks+1])}
	for _, s := range stats[:ChartWeeks] {
		r.Weeks = append(r.Weeks, figuresOf(s))
	}
	r.Week, r.Before = r.Weeks[ChartWeeks-1], r.Weeks[ChartWeeks-2]
	total := figuresOf(stats[ChartWeeks])
	r.Returned, r.Became = total.Returned, total.Became
	r.Fairness = fairnessOf(stats[ChartWeeks-1-FairnessWeeks:ChartWeeks-1], start.AddDate(0, 0, -7*FairnessWeeks))
	b.markKickoffTimed(ctx, t, &r)
	if err := b.reportQueue(ctx, t, &r, stats[ChartWeeks-1].Topics); err != nil {
		return Report{}, err
	}
	if err := b.reportFlags(ctx, t, &r); err != nil {
		return Report{}, err
	}
	if err := b.reportGoals(ctx, t, &r); err != nil {
		return Report{}, err
	}
	return r, nil
}

// weekStart returns Monday 00:00 of t's ISO week, in t's location.
func weekStart(t time.Time) time.Time {
	days := (int(t.Weekday()) + 6) % 7 // Monday 0 ... Sunday 6
	y, m, d := t.Date()
	return time.Date(y, m, d-days, 0, 0, 0, 0, t.Location())
}

// figuresOf turns a week's counters into figures.
func figuresOf(s WeekStats) WeekFigures {
	c := s.Counts
	var timed []time.Duration // the introductions with a request (not IntroNoRequest)
	for _, d := range s.IntroTimes {
		if d >= 0 {
			timed = append(timed, d)
		}
	}
	return WeekFigures{
		Week: s.Week, Requests: c[EventRequest], Offers: c[EventOffer], Pairs: c[EventAccepted] + c[EventPaired] + c[EventSpeedPaired],
		Accepted: c[EventAccepted], ManagerPairs: c[EventPaired], SpeedPairs: c[EventSpeedPaired], CharterCancelled: c[EventCharterCancelled],
		Declined: c[EventDeclined], Expired: c[EventExpired], Intros: c[EventIntro], Meetings: c[EventMeeting],
		Surveys: c[EventSurvey], RatingSum: s.RatingSum, MedianIntro: median(timed), IntroRequests: len(timed),
		AnsweredYes: s.Answers["yes"], AnsweredPartly: s.Answers["partly"], AnsweredNo: s.Answers["no"],
		Returned: c[EventReturned], Became: c[EventBecame], Stalled: c[EventStalled], Ended: c[EventEnded],
		Completed: c[EventCompleted], Escalated: c[EventEscalated], RepeatAvoided: c[EventRepeatAvoided],
		Readjust: c[EventReadjust], AutoPaused: c[EventAutoPaused],
	}
}

// median returns the median duration, 0 for none.
func median(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	if n := len(s); n%2 == 1 {
		return s[n/2]
	} else {
		return (s[n/2-1] + s[n/2]) / 2
	}
}

// rounded keeps one decimal, as the digest shows it.
func rounded(f float64) float64 { return math.Round(f*10) / 10 }
