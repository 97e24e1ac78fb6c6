package bot

import (
	"context"
	"time"
)

// EventKind names something that happened, for the managers' figures.
type EventKind string

// Event kinds.
const (
	EventRequest   EventKind = "request"   // Member asked for Topic
	EventOffer     EventKind = "offer"     // Member offered Topics for the first time
	EventAccepted  EventKind = "accepted"  // a proposal was accepted: a pair formed (Member mentor, Other mentee)
	EventDeclined  EventKind = "declined"  // a proposal was declined
	EventExpired   EventKind = "expired"   // a proposal timed out
	EventIntro     EventKind = "intro"     // a pair became official; Duration is request to introduction
	EventMeeting   EventKind = "meeting"   // a pair confirmed its first meeting
	EventSurvey    EventKind = "survey"    // a survey was answered with Rating (1 to 5)
	EventAnswered  EventKind = "answered"  // a mentee said whether the mentor answered: Answer yes, partly or no
	EventStalled   EventKind = "stalled"   // a pair made no contact after the check-ins
	EventEnded     EventKind = "ended"     // a pair ended early
	EventCompleted EventKind = "completed" // a pair finished its program
	EventEscalated EventKind = "escalated" // a request waited too long
	EventBecame    EventKind = "became"    // a former mentee offered to mentor
	EventReturned  EventKind = "returned"  // a mentor took a new mentee after finishing with one
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
}

// record counts an event. A failure is logged: figures never block members.
func (b *Bot) record(ctx context.Context, e Event) {
	if e.At.IsZero() {
		e.At = b.clock.Now().UTC()
	}
	if err := b.store.Record(ctx, e.Member.Tenant(), e); err != nil {
		b.log.Warn("event not recorded", "kind", string(e.Kind), "ref", e.Ref, "code", string(ErrorCode(err)))
	}
}
