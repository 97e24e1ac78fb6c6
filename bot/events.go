package bot

import (
	"context"
	"fmt"
	"time"

	"github.com/mentorbot/mentorbot/matching"
)

// ReportStore keeps the managers' figures: events counted as they happen,
// read by the digest, and the export (events.go, digest_*.go,
// admin_export.go).
type ReportStore interface {
	// Record counts an event for the managers' figures. EventReturned,
	// EventBecame and EventOffer count people, not events: a member
	// counts once in a week and once in AllTime, however many events name
	// them. Beyond counters it keeps what the event says, as the core's
	// rules made it (Event.ForStore): an EventRequest's Topic as given
	// (normalised) and, with a Duration, its fairness marker for Keep; an
	// EventSurvey's low-rating flag when Flagged, dropping the flags
	// older than At minus Keep.
	Record(ctx context.Context, t Tenant, e Event) error

	// Stats returns the counters of the given weeks (WeekOf, or AllTime),
	// in the same order, in one step. A week without events has zero
	// counters. Record keeps them: nothing is scanned.
	Stats(ctx context.Context, t Tenant, weeks []string) ([]WeekStats, error)

	// Flags returns the pairs recorded stalled (EventStalled) and not
	// resolved since by EventMeeting, EventEnded or EventCompleted, and the
	// low ratings (EventSurvey recorded Flagged) recorded at or after
	// since, each oldest first.
	Flags(ctx context.Context, t Tenant, since time.Time) (stalled, low []Flag, err error)

	// Export returns every member, pair and survey answer of the tenant,
	// for a manager's export: the one call that reads the whole workspace.
	Export(ctx context.Context, t Tenant) (Export, error)
}

// EventKind names something that happened, for the managers' figures.
type EventKind string

// Event kinds.
const (
	EventRequest  EventKind = "request"  // Member asked for Topic
	EventOffer    EventKind = "offer"    // Member offered Topics for the first time (counts Member once, even from two replicas at once)
	EventAccepted EventKind = "accepted" // a proposal was accepted: a pair formed (Member mentor, Other mentee)
	EventPaired   EventKind = "paired"   // a manager paired two members (Member mentor, Other mentee): no proposal
	EventDeclined EventKind = "declined" // a proposal was declined
	EventExpired  EventKind = "expired"  // a proposal timed out
	EventIntro    EventKind = "intro"    // a pair became official; Duration is request to introduction
	// EventCharterCancelled: a pair was cancelled before it started, its
	// charter declined, withdrawn or not accepted in time: formed (and
	// counted in its week's pairs), it never became official.
	EventCharterCancelled EventKind = "charter_cancelled"
	EventMeeting          EventKind = "meeting"   // a pair confirmed its first meeting
	EventSurvey           EventKind = "survey"    // a survey was answered with Rating (1 to 5)
	EventAnswered         EventKind = "answered"  // a mentee said whether the mentor answered: Answer yes, partly or no
	EventStalled          EventKind = "stalled"   // a pair made no contact after the check-ins
	EventEnded            EventKind = "ended"     // a pair ended early
	EventCompleted        EventKind = "completed" // a pair finished its program
	EventEscalated        EventKind = "escalated" // a request waited too long
	EventBecame           EventKind = "became"    // a former mentee offered to mentor (counts Member once: see Store.Record)
	EventReturned         EventKind = "returned"  // a mentor took a new mentee after finishing with one (counts Member once)
	// EventMatched: the request Ref got a pair. It counts only when the
	// request's own EventRequest (with Groups and Duration) is at most
	// Duration old, and then under the week of that request: see Store.Record.
	EventMatched EventKind = "matched"
	// EventReleased: the request Ref, held for its program's kick-off,
	// was released to the matching. It counts its Groups and leaves a
	// fairness marker as an EventRequest does, from the release, without
	// counting a new request or its topic: a held request is judged from
	// its kick-off, not blamed for the wait before it.
	EventReleased EventKind = "released"
	// EventRepeatAvoided: the matcher passed over a mentor the mentee had
	// already met, for the request Ref (repeat avoidance).
	EventRepeatAvoided EventKind = "repeat_avoided"
)

// Event is one thing that happened. Only IDs, topics and figures: no text
// a member typed beyond the topic.
type Event struct {
	Kind     EventKind
	At       time.Time
	Member   MemberID
	Other    MemberID
	Ref      string // the pair, proposal or request
	Topic    string
	Topics   []string
	Rating   int
	Answer   string
	Duration time.Duration
	// Groups are the fairness groups of an EventRequest, "dimension:value"
	// of low cardinality: "all", "lang:fr", "region:europe", "kind:flash".
	Groups []string

	// Keep and Flagged are the core's rules for what the store keeps of
	// the event besides counters (ForStore sets them). Keep is how long:
	// an EventRequest's fairness marker (its window, Duration, and a day),
	// an EventSurvey's low-rating flag (LowRatingsKept).
	Keep time.Duration
	// Flagged puts an EventSurvey among the managers' low ratings.
	Flagged bool
}

// LowRatingsKept is how long a low rating stays in the managers' flags.
const LowRatingsKept = 180 * 24 * time.Hour

// fairMarkSlack is how long a request's fairness marker outlives its
// window: it is only there to be cleaned up.
const fairMarkSlack = 24 * time.Hour

// ForStore returns e as the store is to keep it, by the core's rules: an
// EventRequest's topic normalised (matching.NormalizeTopic: "K8s" and
// "kubernetes" count as one) and its fairness marker kept a day past its
// window; an EventSurvey rated LowRatingMax or less Flagged, for
// LowRatingsKept. The store then keeps and fetches, deciding nothing.
func (e Event) ForStore() Event {
	switch e.Kind {
	case EventRequest, EventReleased:
		e.Topic = matching.NormalizeTopic(e.Topic)
		if e.Duration > 0 {
			e.Keep = e.Duration + fairMarkSlack
		}
	case EventSurvey:
		e.Flagged = e.Rating > 0 && e.Rating <= LowRatingMax && e.Ref != ""
		e.Keep = LowRatingsKept
	}
	return e
}

// record counts an event. A failure is logged: figures never block members.
// The event's time is given in the workspace's time zone, so that the
// store files it under the workspace's own week (WeekOf).
func (b *Bot) record(ctx context.Context, e Event) {
	b.observer().Event(e.Kind)
	b.homeChanged(e.Member, e.Other) // home_publish.go: their homes may show it
	t := e.Member.Tenant()
	if e.At.IsZero() {
		e.At = b.clock.Now()
	}
	e.At = e.At.In(b.location(ctx, t))
	if err := b.store.reports.Record(ctx, t, e.ForStore()); err != nil {
		b.log.Warn("event not recorded", "kind", string(e.Kind), "ref", e.Ref, "code", string(ErrorCode(err)))
	}
}

// location returns the workspace's time zone (UTC if it cannot be read).
func (b *Bot) location(ctx context.Context, t Tenant) *time.Location {
	loc, err := loadLocation(b.settings(ctx, t).TZ)
	if err != nil {
		return time.UTC
	}
	return loc
}

// AllTime is the pseudo-week of counters kept since the beginning.
const AllTime = "total"

// LowRatingMax is the highest survey rating that managers are asked to
// look at in the digest.
const LowRatingMax = lowRating

// WeekOf names the ISO week of t, in t's location: "2026-W45". Events are
// counted under the week of their time in the workspace's time zone.
func WeekOf(t time.Time) string {
	y, w := t.ISOWeek()
	return fmt.Sprintf("%04d-W%02d", y, w)
}

// WeekStats are the counters of one week (or of AllTime), kept by the
// store as events are recorded.
type WeekStats struct {
	Week       string
	Counts     map[EventKind]int // events by kind
	RatingSum  int               // sum of the ratings of EventSurvey
	Answers    map[string]int    // EventAnswered by answer: yes, partly, no
	IntroTimes []time.Duration   // EventIntro durations: request to introduction; IntroNoRequest without a request
	Topics     map[string]int    // EventRequest by topic (normalised, see matching.NormalizeTopic)
	// Asked counts the week's requests by fairness group (Event.Groups);
	// Matched those of them matched within their window, whenever
	// the match came (EventMatched is counted under the request's week).
	Asked, Matched map[string]int
}

// Flag is a pair a manager should look at: stalled (no contact after the
// check-ins) or rated LowRatingMax or less (Rating set).
type Flag struct {
	Pair   string
	At     time.Time
	Rating int
}
