package bot

import (
	"context"
	"time"
)

// introTimedFrom is when the wait that the introduction of a pair formed
// from request r, official at official, is timed from: the request's
// filing or, for a request held for its program's kick-off, the kick-off
// that released it (waitingSince, the moment the fairness report counts
// it from): the wait before was the program's choice, not the
// matching's. A held request that a manager paired before the kick-off
// never waited for it: it is timed from its filing.
func (b *Bot) introTimedFrom(ctx context.Context, r Request, official time.Time) time.Time {
	since, _ := b.waitingSince(ctx, r.Mentee.Tenant(), r) // its filing when the program cannot be read
	if since.After(official) {
		return r.Created
	}
	return since
}

// markKickoffTimed sets WeekFigures.KickoffTimed on the report's weeks
// (the chart's weeks, Week and Before among them, and Current): those in
// which a program that held requests for its kick-off had released them
// and was still open, so that an introduction of the week may be timed
// from a kick-off (introTimedFrom) and the digest says so. A failure to
// read the programs is logged: figures never block the digest.
func (b *Bot) markKickoffTimed(ctx context.Context, t Tenant, r *Report) {
	programs, err := b.store.programs.Programs(ctx, t)
	if err != nil {
		b.log.Warn("digest: programs not read", "tenant", t.String(), "code", string(ErrorCode(err)))
		return
	}
	loc := b.workspaceLoc(ctx, t)
	timed := func(from, to time.Time) bool {
		for _, p := range programs {
			released := p.releasedAt(loc)
			held := p.Created.Before(released)
			if held && released.Before(to) && !released.After(r.At) && (p.Closed.IsZero() || !p.Closed.Before(from)) {
				return true
			}
		}
		return false
	}
	for i := range r.Weeks {
		from := r.Start.AddDate(0, 0, -7*(len(r.Weeks)-1-i))
		r.Weeks[i].KickoffTimed = timed(from, from.AddDate(0, 0, 7))
	}
	if n := len(r.Weeks); n >= 2 {
		r.Week, r.Before = r.Weeks[n-1], r.Weeks[n-2]
	}
	r.Current.KickoffTimed = timed(weekStart(r.At), r.At.Add(time.Nanosecond))
}
