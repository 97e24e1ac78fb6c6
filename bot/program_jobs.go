package bot

import (
	"context"
	"slices"
	"strings"
	"time"
)

// A program's two durable jobs, scheduled when it is created: its
// kick-off at the start date (JobProgramStart) and its end at the end
// date (JobProgramEnd, moved to now when a manager closes it). Each step
// of either is done once whatever retries and replicas do: the posts and
// messages through delivery marks, the transitions through the store's
// guarded scripts.

// kickedOff records that a manager sent or discarded a program's kick-off
// round: its requests are no longer held. Recording it twice is no error.
func (b *Bot) kickedOff(ctx context.Context, t Tenant, id ProgramID) {
	if id == "" {
		return
	}
	now := b.clock.Now().UTC()
	if _, err := b.store.programs.KickOffProgram(ctx, t, id, now); err != nil && ErrorCode(err) != ESTALE {
		b.log.Error("kick-off not recorded", "tenant", t.String(), "program", string(id), "err", err)
		return
	}
	// The held requests that got no proposal are told why now, rather
	// than when kickoffGrace would have released them.
	if err := b.store.jobs.ScheduleJobs(ctx, t, true, tellJob(id, now)); err != nil {
		b.log.Error("kick-off notices not scheduled", "tenant", t.String(), "program", string(id), "err", err)
	}
}

// runProgramStart posts a program's kick-off round to the managers'
// channel: the preview of /mentor admin match program:…, with its Send
// and Cancel buttons. With nobody waiting, it says the program started
// and releases it at once. Its requests that the round leaves waiting are
// told why once it is sent or discarded, or once kickoffGrace has passed
// without an answer (progstart:<program>:tell, runKickoffTell).
func runProgramStart(ctx context.Context, b *Bot, t Tenant, j Job) error {
	if j.Part(1) == kickoffTell {
		return runKickoffTell(ctx, b, t, j)
	}
	id := ProgramID(j.Part(0))
	p, err := b.store.programs.GetProgram(ctx, t, id)
	if err != nil || p.State != ProgramOpen || !p.KickedOff.IsZero() {
		return ignoreGone(err)
	}
	// Unanswered, the round's requests are released after kickoffGrace:
	// then they are told. An answer before moves this job to its time.
	grace := tellJob(id, p.startsAt(b.workspaceLoc(ctx, t)).Add(kickoffGrace))
	if err := b.store.jobs.ScheduleJobs(ctx, t, false, grace); err != nil {
		return err
	}
	plan, err := b.planRound(ctx, t, id)
	if err != nil {
		return err
	}
	plan.kickoff = true
	lang := b.settings(ctx, t).DefaultLang
	head := T(lang, "program.kickoff", "name", p.Name, "date", Date(lang, p.Start), "requests", plural(lang, len(plan.pool.waiting), "program.requests"))
	if len(plan.pairs) == 0 {
		// Nothing for a manager to send: the usual matching takes what waits.
		b.kickedOff(ctx, t, id)
	}
	preview, err := b.roundPreview(ctx, lang, plan)
	if err != nil {
		return err
	}
	if len(plan.pool.waiting) == 0 {
		preview = Message{}
		head = T(lang, "program.kickoff_none", "name", p.Name, "date", Date(lang, p.Start))
	}
	return b.postToManagers(ctx, t, j.ID, func(Lang) Message {
		msg := preview
		msg.Title = T(lang, "program.kickoff_title", "name", p.Name)
		msg.Text = strings.TrimSpace(head + "\n\n" + preview.Text)
		return msg
	})
}

// runProgramEnd ends a program: it is closed (if a manager did not close
// it first); each of its active pairs gets the final survey and is
// completed, then both members are thanked; its requests still waiting
// are withdrawn, their mentees told; the managers' channel hears that it
// ended.
func runProgramEnd(ctx context.Context, b *Bot, t Tenant, j Job) error {
	id := ProgramID(j.Part(0))
	now := b.clock.Now().UTC()
	p, err := b.store.programs.CloseProgram(ctx, t, id, now, nil)
	switch ErrorCode(err) {
	case "", ESTALE: // closed now, or before: the rest is done once either way
	default:
		return ignoreGone(err)
	}
	report := NewJob(now.Add(ProgramReportDelay), JobProgramReport, string(id))
	if err := b.store.jobs.ScheduleJobs(ctx, t, false, report); err != nil {
		return err
	}
	reqs, err := b.store.programs.ProgramRequests(ctx, t, id)
	if err != nil {
		return err
	}
	pairs, withdrawn := 0, 0
	for _, rid := range reqs {
		r, err := b.store.requests.GetRequest(ctx, t, rid)
		if ErrorCode(err) == ENOTFOUND {
			continue // erased, or never stored (see runRequest)
		}
		if err != nil {
			return err
		}
		if r.State.Open() {
			if err := b.withdrawForEnd(ctx, p, r, true); err != nil {
				return err
			}
			withdrawn++
			continue
		}
		n, err := b.endProgramPairs(ctx, p, r)
		if err != nil {
			return err
		}
		pairs += n
	}
	if err := b.releaseOffers(ctx, p, j.ID); err != nil {
		return err
	}
	lang := b.settings(ctx, t).DefaultLang
	return b.postToManagers(ctx, t, j.ID, func(Lang) Message {
		return Message{Title: T(lang, "program.ended_title", "name", p.Name), Text: T(lang, "program.ended_managers", "name", p.Name,
			"pairs", plural(lang, pairs, "program.pairs"), "requests", plural(lang, withdrawn, "program.requests")) + "\n" +
			T(lang, "report.coming", "date", Date(lang, report.Due.In(b.workspaceLoc(ctx, t))), "id", string(p.ID))}
	})
}

// releaseOffers takes the offers of a closed program out of it, so that
// none is left where no request can reach it. An offer of other programs
// still open stays in those. An offer of closed programs only is paused,
// and its mentor told once (the job's delivery mark) how to go on:
// /mentor resume opens it to requests outside programs. A retry finds the
// offers released and does nothing more.
func (b *Bot) releaseOffers(ctx context.Context, p Program, jobID string) error {
	offers, err := b.store.offers.Offers(ctx, p.Tenant)
	if err != nil {
		return err
	}
	closed, err := b.closedPrograms(ctx, p.Tenant)
	if err != nil {
		return err
	}
	for _, listed := range offers {
		if !slices.Contains(listed.Programs, p.ID) {
			continue
		}
		// Read again just before the change: a mentor's edit meanwhile
		// is kept, and another program ending at the same time is seen.
		o, err := b.store.offers.GetOffer(ctx, listed.Mentor)
		switch {
		case ErrorCode(err) == ENOTFOUND:
			continue
		case err != nil:
			return err
		case !slices.Contains(o.Programs, p.ID):
			continue
		}
		if open := withoutClosed(o.Programs, closed); len(open) > 0 {
			// In other programs still open: it stays there.
			o.Programs, o.Keys = open, topicKeys(o.Topics...)
			if err := b.store.offers.SaveOffer(ctx, o); err != nil {
				return err
			}
			continue
		}
		if o.Paused {
			continue // paused already: resume opens it (openClosedOffer)
		}
		// Told first, then paused: a retry that finds it not yet paused
		// sends nothing twice (the delivery mark), and one that finds it
		// paused was told.
		topics := o.Topics
		if err := b.deliver(ctx, jobID+":offer", o.Mentor, func(l Lang) Message {
			return Message{Text: T(l, "program.offer_paused", "name", p.Name, "topics", quotedList(l, topics))}
		}); err != nil && ErrorCode(err) != EGONE {
			return err
		}
		// Paused in its closed programs: /mentor resume, or joining the
		// next program, takes them out (openClosedOffer).
		o.Paused, o.Keys = true, topicKeys(o.Topics...)
		if err := b.store.offers.SaveOffer(ctx, o); err != nil {
			return err
		}
	}
	return nil
}

// openClosedOffer takes out of an offer the programs that are closed: an
// offer resumed after its only program ended serves requests outside
// programs (the default program). It reports whether it changed o.
func (b *Bot) openClosedOffer(ctx context.Context, o *Offer) bool {
	if len(o.Programs) == 0 {
		return false
	}
	closed, err := b.closedPrograms(ctx, o.Mentor.Tenant())
	if err != nil {
		return false // the offer stays as it was
	}
	rest := withoutClosed(o.Programs, closed)
	if len(rest) == len(o.Programs) {
		return false
	}
	o.Programs = rest
	return true
}

// closedPrograms returns the workspace's closed programs.
func (b *Bot) closedPrograms(ctx context.Context, t Tenant) (map[ProgramID]bool, error) {
	all, err := b.store.programs.Programs(ctx, t)
	if err != nil {
		return nil, err
	}
	closed := map[ProgramID]bool{}
	for _, p := range all {
		if p.State == ProgramClosed {
			closed[p.ID] = true
		}
	}
	return closed, nil
}

// withoutClosed returns programs without the closed ones, in a new slice.
func withoutClosed(programs []ProgramID, closed map[ProgramID]bool) []ProgramID {
	return slices.DeleteFunc(slices.Clone(programs), func(id ProgramID) bool { return closed[id] })
}

// endProgramPairs ends the pairs formed from r: the final survey, which
// completes an active pair (runSurvey), then thanks to both. A pair the
// survey already completed at this end gets its thanks on a retry.
func (b *Bot) endProgramPairs(ctx context.Context, p Program, r Request) (int, error) {
	t := p.Tenant
	all, err := b.store.pairs.PairsOf(ctx, r.Mentee)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, pair := range all {
		if pair.Request != r.ID {
			continue
		}
		if pair.State == PairCharter {
			if err := b.cancelForEnd(ctx, p, pair, r); err != nil {
				return n, err
			}
			continue
		}
		endedHere := pair.State == PairCompleted && !pair.Ended.Before(p.Closed)
		if pair.State != PairActive && !endedHere {
			continue
		}
		if err := runSurvey(ctx, b, t, NewJob(b.clock.Now(), JobSurvey, pair.ID, SurveyEnd)); err != nil {
			return n, err
		}
		if pair.Met.IsZero() {
			// Never met: ended as such, and told so with the new-match
			// question (endNeverMet), neither surveyed nor thanked for a
			// mentoring, nor counted among the pairs that were.
			continue
		}
		for _, who := range []MemberID{pair.Mentor, pair.Mentee} {
			role := pair.Role(who)
			err := b.deliver(ctx, JobProgramEnd+":"+string(p.ID)+":"+pair.ID, who, func(l Lang) Message {
				return Message{Text: T(l, "program.thanks_"+role, "name", p.Name, "topic", pair.Topic)}
			})
			if err != nil && ErrorCode(err) != EGONE {
				return n, err
			}
		}
		n++
	}
	return n, nil
}

// withdrawForEnd withdraws a request of a program that ended, if it is
// still the mentee's open request, and tells the mentee if tell is set
// (and the mentor of a pending proposal).
func (b *Bot) withdrawForEnd(ctx context.Context, p Program, r Request, tell bool) error {
	open, err := b.store.requests.OpenRequest(ctx, r.Mentee)
	if ErrorCode(err) == ENOTFOUND || err == nil && open.ID != r.ID {
		return nil
	}
	if err != nil {
		return err
	}
	was, err := b.store.requests.CancelRequest(ctx, r.Mentee, r.ID)
	if ErrorCode(err) == ESTALE {
		return nil // another request is open now: not the program's
	}
	if ErrorCode(err) == ENOTFOUND {
		return nil
	}
	if err != nil {
		return err
	}
	if was.State == RequestProposed && was.Proposal != "" {
		if prop, err := b.store.proposals.GetProposal(ctx, p.Tenant, was.Proposal); err == nil {
			b.notify(ctx, prop.Mentor, func(l Lang) Message {
				return Message{Text: T(l, "program.proposal_withdrawn", "name", p.Name, "topic", prop.Topic)}
			})
			b.retractProposal(ctx, prop, func(l Lang) Message {
				return Message{Text: T(l, "proposal.withdrawn_here", "topic", prop.Topic)}
			})
			b.freed(ctx, prop.Mentor)
		}
	}
	if !tell {
		return nil
	}
	return ignoreGone(b.deliver(ctx, JobProgramEnd+":"+string(p.ID)+":"+r.ID, r.Mentee, func(l Lang) Message {
		return Message{Text: T(l, "program.request_withdrawn", "name", p.Name, "topic", r.Topic)}
	}))
}

// escalateLater reports whether a waiting request's escalation waits for
// its program: a request held for its program's kick-off has waited for a
// mentor only since its release (since, waitingSince), so its escalation
// is due escalate-after past the release. While it is held, that is at
// the latest escalate-after past kickoffGrace; the release moves the job
// to its time (releaseHeld). The job is one of its own,
// escalate:<request>:release (releaseJob), whoever schedules it first, so
// that the request is escalated once; the job running now is removed when
// it returns.
func (b *Bot) escalateLater(ctx context.Context, t Tenant, r Request, since time.Time) (bool, error) {
	if since.Equal(r.Created) {
		return false, nil
	}
	due := since.Add(b.settings(ctx, t).EscalateAfter)
	if !b.clock.Now().Before(due) {
		return false, nil
	}
	return true, b.store.jobs.ScheduleJobs(ctx, t, false, releaseJob(r, due))
}

// releaseJob is the escalation of held request r, due at due (escalateLater).
func releaseJob(r Request, due time.Time) Job {
	return NewJob(due, JobEscalate, r.ID, "release")
}

// waitingSince is when r began to wait for a mentor: when it was filed,
// or, for a request held for its program's kick-off, when the program
// released it (releasedAt; while it is still held, the latest that can
// be).
func (b *Bot) waitingSince(ctx context.Context, t Tenant, r Request) (time.Time, error) {
	if r.InProgram() == DefaultProgram {
		return r.Created, nil
	}
	p, err := b.store.programs.GetProgram(ctx, t, r.InProgram())
	if err != nil {
		return r.Created, ignoreGone(err)
	}
	if released := p.releasedAt(b.workspaceLoc(ctx, t)); r.Created.Before(released) {
		return released, nil
	}
	return r.Created, nil
}

// cancelForEnd cancels a pair of the program that was still waiting for
// its charter, as a charter that timed out is (DeclineCharter, with the
// notices to both members in the same step), then withdraws its request,
// which went back to waiting: the program is over.
func (b *Bot) cancelForEnd(ctx context.Context, p Program, pair Pair, r Request) error {
	var notices []owed
	for _, id := range []MemberID{pair.Mentor, pair.Mentee} {
		notices = append(notices, owed{id, func(l Lang) Message {
			return Message{Text: T(l, "program.charter_cancelled", "name", p.Name, "topic", pair.Topic)}
		}})
	}
	out, err := b.outbox(ctx, JobProgramEnd+":"+string(p.ID)+":"+pair.ID, notices)
	if err != nil {
		return err
	}
	_, err = b.store.pairs.DeclineCharter(ctx, p.Tenant, pair.ID, MemberID{}, out)
	switch ErrorCode(err) {
	case "":
	case ESTALE, ENOTFOUND:
		return nil // accepted, declined or timed out meanwhile
	default:
		return err
	}
	b.charterCancelled(ctx, pair)
	if err := b.withdrawForEnd(ctx, p, r, false); err != nil {
		return err
	}
	b.freed(ctx, pair.Mentor)
	return nil
}
