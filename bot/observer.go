package bot

import "time"

// Observer is told what the core does, for an operator's metrics: cmd
// wires one (package metrics), so that the core imports no metrics
// library. Every name it is given comes from a small, fixed set: a
// command name from the command table or "unknown", a button's action ID
// from the action table or "unknown", a job kind, an event kind, an
// outcome. Never a member's ID nor anything they typed, so that no label
// can grow without bound. Its methods are called on the request path:
// they must be quick and safe for concurrent use.
type Observer interface {
	// Command: a /mentor command was answered. Outcome is OutcomeOK, or
	// the Code of the error that refused it ("invalid", "unavailable"...).
	Command(name, outcome string)
	// Action: a button click was answered, as Command.
	Action(name, outcome string)
	// JobDue: a follow-up job of this kind was claimed to run, late
	// after its due time (the tick's period at most, when all is well).
	JobDue(kind string, late time.Duration)
	// Job: the job ran, with outcome JobDone, JobRetried or JobDropped.
	Job(kind, outcome string)
	// Event: something the managers' figures count happened (a pair
	// formed, a survey answered...), or EventProposed.
	Event(kind EventKind)
}

// Outcomes and observed events that are not error codes nor recorded
// events.
const (
	OutcomeOK  = "ok"
	JobDone    = "done"    // the job ran, or found its work done already
	JobRetried = "retried" // it failed for a reason that may pass, and will run again
	JobDropped = "dropped" // it failed for good, or its kind is unknown

	// EventProposed: a request was proposed to a mentor. Observed only:
	// the managers' figures count requests and pairs, not proposals.
	EventProposed EventKind = "proposed"

	unknownName = "unknown"
)

// observer returns the configured Observer, or one that does nothing.
func (b *Bot) observer() Observer {
	if b.cfg.Observer != nil {
		return b.cfg.Observer
	}
	return nopObserver{}
}

// outcome is what an Observer is told of err: OutcomeOK or its code.
func outcome(err error) string {
	if err == nil {
		return OutcomeOK
	}
	return string(ErrorCode(err))
}

type nopObserver struct{}

func (nopObserver) Command(string, string)       {}
func (nopObserver) Action(string, string)        {}
func (nopObserver) JobDue(string, time.Duration) {}
func (nopObserver) Job(string, string)           {}
func (nopObserver) Event(EventKind)              {}

// observedJob tells the Observer that job j is due, and returns its kind
// (from the job table, else "unknown") and the outcome it has so far:
// JobDone for a known kind, JobDropped for one that runJob drops.
func observedJob(b *Bot, known bool, j Job) (kind, done string) {
	kind, done = j.Kind(), JobDone
	if !known {
		kind, done = unknownName, JobDropped
	}
	b.observer().JobDue(kind, b.clock.Now().Sub(j.Due))
	return kind, done
}
