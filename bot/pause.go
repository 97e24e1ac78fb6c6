package bot

import (
	"context"
	"slices"
	"strconv"
	"time"

	"github.com/mentorbot/mentorbot/matching"
)

// A member pauses: their offer (Offer.Paused, as /mentor pause always
// did) and, with a pause record, their open request. A pause record is
// written by /mentor pause until: or for: (with a date, and a job that
// ends it then) and by the bot itself when a member stops answering
// (pause_auto.go, no date). While a member has one, no path proposes
// their request: the instant proposal (proposeNext), the sweep and a
// manager's round (loadRound), a mentor's new slots (matchFor).

// PauseStore keeps members' pauses and their count of prompts left
// without a click (pause*.go).
type PauseStore interface {
	// SetPause records the member's pause, replacing any they had.
	SetPause(ctx context.Context, p Pause) error

	// GetPause returns the member's pause, or ENOTFOUND.
	GetPause(ctx context.Context, m MemberID) (Pause, error)

	// Pauses returns the pauses of a workspace, by user ID.
	Pauses(ctx context.Context, t Tenant) (map[string]Pause, error)

	// EndPause removes the member's pause if it is the one recorded at
	// at (Pause.At), or whichever it is when at is zero, and reports
	// whether it removed one: of two replicas ending the same pause,
	// one only gets true.
	EndPause(ctx context.Context, m MemberID, at time.Time) (bool, error)

	// AddUnanswered adds one to the member's count of prompts in a row
	// left without a click, and returns the count.
	AddUnanswered(ctx context.Context, m MemberID) (int, error)

	// ClearUnanswered sets the member's count back to zero.
	ClearUnanswered(ctx context.Context, m MemberID) error
}

// Pause is a member's pause.
type Pause struct {
	Member MemberID
	// Until is when the pause ends by itself (JobUnpause); zero: when
	// the member resumes.
	Until time.Time
	// Offer: the pause paused the member's offer, and its end resumes it.
	Offer bool
	// Auto: the bot paused a member who stopped answering (pause_auto.go).
	Auto bool
	// Unreachable (with Auto): the bot paused a mentor whom a proposal
	// could not reach, who has not left (their direct messages are
	// closed: pauseUnreachable).
	Unreachable bool
	// At is when the pause was made: it names it (EndPause, the job).
	At time.Time
}

// JobUnpause ends a pause at its date: unpause:<user>:<at, unix ms>.
const JobUnpause = "unpause"

// pauseOf returns the member's pause and whether they have one. A store
// that cannot say counts as no pause: proposing a paused request is a
// smaller harm than losing a proposal, and the member can decline.
func (b *Bot) pauseOf(ctx context.Context, m MemberID) (Pause, bool) {
	p, err := b.store.pauses.GetPause(ctx, m)
	if err != nil {
		if ErrorCode(err) != ENOTFOUND {
			b.log.Warn("pause unavailable", "member", m.String(), "code", string(ErrorCode(err)))
		}
		return Pause{}, false
	}
	return p, true
}

// pausedRequests returns the pauses of the mentees of waiting requests,
// by request ID; it reads nothing when nobody waits.
func (b *Bot) pausedRequests(ctx context.Context, t Tenant, waiting []Request) (map[string]Pause, error) {
	if len(waiting) == 0 {
		return nil, nil
	}
	pauses, err := b.store.pauses.Pauses(ctx, t)
	if err != nil || len(pauses) == 0 {
		return nil, err
	}
	out := map[string]Pause{}
	for _, r := range waiting {
		if p, ok := pauses[r.Mentee.User]; ok {
			out[r.ID] = p
		}
	}
	return out, nil
}

// notPaused returns the waiting requests whose mentee is not paused.
func (b *Bot) notPaused(ctx context.Context, t Tenant, waiting []Request) ([]Request, error) {
	paused, err := b.pausedRequests(ctx, t, waiting)
	if err != nil || len(paused) == 0 {
		return waiting, err
	}
	return slices.DeleteFunc(slices.Clone(waiting), func(r Request) bool {
		_, ok := paused[r.ID]
		return ok
	}), nil
}

// skipPaused takes the paused requests out of a round's needs, so that
// the round proposes none of them, and keeps them in its waiting list
// with their pause, so that a manager's preview says why they wait.
func (b *Bot) skipPaused(ctx context.Context, t Tenant, pool *roundPool) error {
	paused, err := b.pausedRequests(ctx, t, pool.waiting)
	if err != nil || len(paused) == 0 {
		return err
	}
	pool.paused, pool.pausedLoc = paused, b.workspaceLoc(ctx, t)
	pool.needs = slices.DeleteFunc(slices.Clone(pool.needs), func(n matching.Need) bool {
		_, ok := paused[n.ID]
		return ok
	})
	return nil
}

// pausedReasonOf tells a manager why a paused member's request waits
// (the digest, a round's preview).
func pausedReasonOf(lang Lang, p Pause, loc *time.Location) string {
	switch {
	case p.Unreachable:
		return T(lang, "pause.reason_unreachable")
	case p.Auto:
		return T(lang, "pause.reason_auto")
	case p.Until.IsZero():
		return T(lang, "pause.reason")
	}
	return T(lang, "pause.reason_until", "date", Date(lang, p.Until.In(loc)))
}

// memberLoc is the member's time zone, else the workspace's (zoneOf).
func (b *Bot) memberLoc(ctx context.Context, m Member) *time.Location {
	loc, _ := b.zoneOf(ctx, m)
	return loc
}

// unpauseJob is the job that ends p at its date.
func unpauseJob(p Pause) Job {
	return NewJob(p.Until, JobUnpause, p.Member.User, strconv.FormatInt(p.At.UnixMilli(), 10))
}

// pausedWaiting tells a paused mentee that their request waits, and why.
func (b *Bot) pausedWaiting(ctx context.Context, lang Lang, r Request, p Pause, mentee Member) string {
	if p.Until.IsZero() {
		return T(lang, "pause.request_waits", "topic", r.Topic)
	}
	return T(lang, "pause.request_waits_until", "topic", r.Topic, "date", Date(lang, p.Until.In(b.memberLoc(ctx, mentee))))
}

// escalatePaused keeps the managers from hearing of a request that waits
// because its mentee paused: it is escalated EscalateAfter after a pause
// until a date ends, and not at all under a pause with no date (the
// member chose to wait, or stopped answering, which the digest counts).
func (b *Bot) escalatePaused(ctx context.Context, t Tenant, r Request) (bool, error) {
	p, ok := b.pauseOf(ctx, r.Mentee)
	if !ok {
		return false, nil
	}
	if p.Until.IsZero() {
		return true, nil
	}
	due := p.Until.Add(b.settings(ctx, t).EscalateAfter)
	return true, b.store.jobs.ScheduleJobs(ctx, t, false, NewJob(due, JobEscalate, r.ID, strconv.FormatInt(due.UnixMilli(), 10)))
}
