package inmem

import (
	"time"

	"github.com/mentorbot/mentorbot/matching"
)

// The domain rules that the Redis store (package store) applies itself,
// mirrored here in one place each, so that they can be replaced by the
// core's own when they move there.

// stalledAfter is how many "not yet" answers mark a pair stalled
// (store/followup.go).
const stalledAfter = 2

// stalled reports whether a pair with notYet "not yet" answers, met at
// met (zero if never), is stalled.
func stalled(notYet int, met time.Time) bool { return notYet >= stalledAfter && met.IsZero() }

// lowRatingsKept is how long a low rating stays in the managers' flags
// (store/events.go).
const lowRatingsKept = 180 * 24 * time.Hour

// lowRatingsFrom is the time before which low ratings are dropped when one
// is recorded at at.
func lowRatingsFrom(at time.Time) time.Time { return at.Add(-lowRatingsKept) }

// sentTTL is how long a confirmed delivery mark lasts (store/jobs.go):
// far longer than any job can be retried.
const sentTTL = 90 * 24 * time.Hour

// fairMarkSlack is how long a request's fairness marker outlives its
// window (store/events.go): it is only there to be cleaned up.
const fairMarkSlack = 24 * time.Hour

// statsTopic is the topic a request counts under in the figures ("" to
// count it under none), as store/events.go folds it.
func statsTopic(topic string) string { return matching.NormalizeTopic(topic) }
