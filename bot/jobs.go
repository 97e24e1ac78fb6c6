package bot

import (
	"strconv"
	"strings"
	"time"
)

// Job is a piece of follow-up work due at a time: a reminder, a timeout, a
// check-in, a survey. Its ID is fixed by what it is about, for example
// "checkin:<pair>:2", so scheduling it twice is a no-op and running it
// twice finds the work already done. Jobs are created in the same atomic
// step as the state change that implies them.
type Job struct {
	ID  string
	Due time.Time
	// Lease is when the claim of a running job runs out (set by ClaimJobs):
	// if the replica running it dies, another takes it after that.
	Lease time.Time
}

// Job kinds: the first part of a job ID.
const (
	JobProposalSend   = "psend"    // psend:<proposal>: the proposal, if sending it at once failed
	JobProposalRemind = "premind"  // premind:<proposal>
	JobProposalExpire = "pexpire"  // pexpire:<proposal>
	JobCharterSend    = "csend"    // csend:<pair>: the charter, if sending it at once failed
	JobCharterRemind  = "cremind"  // cremind:<pair>
	JobCharterExpire  = "cexpire"  // cexpire:<pair>
	JobCheckin        = "checkin"  // checkin:<pair>:<n>
	JobCheckinRemind  = "checkinr" // checkinr:<pair>:<n>
	JobSurvey         = "survey"   // survey:<pair>:<stage>
	JobEscalate       = "escalate" // escalate:<request>
	JobIntro          = "intro"    // intro:<pair>
	JobNotice         = "notice"   // notice:<id>: a plain message whose first send failed, or an outbox's
	JobRequeue        = "requeue"  // requeue:<request>:<mentor>: the next proposal after a timeout
	JobInbound        = "inbound"  // inbound:<id>:<user>: a click or a form acked and not handled (inbox.go)
	JobTest           = "test"     // test:<anything>: used by scheduler tests
)

// NewJob returns the job kind:parts... due at due.
func NewJob(due time.Time, kind string, parts ...string) Job {
	return Job{ID: strings.Join(append([]string{kind}, parts...), ":"), Due: due}
}

// Kind returns the job's kind.
func (j Job) Kind() string {
	k, _, _ := strings.Cut(j.ID, ":")
	return k
}

// Part returns the i-th part after the kind ("" if absent).
func (j Job) Part(i int) string {
	parts := strings.Split(j.ID, ":")
	if i+1 < len(parts) {
		return parts[i+1]
	}
	return ""
}

// N returns the i-th part as a number (0 if absent).
func (j Job) N(i int) int {
	n, _ := strconv.Atoi(j.Part(i))
	return n
}
