package bot

import (
	"context"
	"slices"
	"strconv"
	"time"

	"github.com/mentorbot/mentorbot/matching"
)

// The jobs each state change schedules, in the same atomic step.

func requestJobs(s Settings, r Request) []Job {
	return []Job{NewJob(r.Created.Add(s.EscalateAfter), JobEscalate, r.ID)}
}

// sendRetry is when the send job of a proposal or a charter runs: after the
// send made at once has had time to finish, so it only acts on a failure.
const sendRetry = time.Minute

func proposalJobs(s Settings, p Proposal) []Job {
	return []Job{
		NewJob(p.Created.Add(sendRetry), JobProposalSend, p.ID),
		NewJob(p.Created.Add(s.ProposalTimeout/2), JobProposalRemind, p.ID),
		NewJob(p.Created.Add(s.ProposalTimeout), JobProposalExpire, p.ID),
	}
}

func charterJobs(s Settings, pair Pair) []Job {
	return []Job{
		NewJob(pair.Created.Add(sendRetry), JobCharterSend, pair.ID),
		NewJob(pair.Created.Add(s.CharterTimeout/2), JobCharterRemind, pair.ID),
		NewJob(pair.Created.Add(s.CharterTimeout), JobCharterExpire, pair.ID),
	}
}

// officialJobs follow a pair from its introduction at: the first check-in,
// and the surveys (flash: one, at the latest SurveyAfter; a relationship:
// mid-program and end). A relationship in a program that ends at
// programEnd (non-zero) has its mid-program survey halfway to that end,
// and its final survey from the program's end (runProgramEnd), not from
// the workspace's program-length.
func officialJobs(s Settings, pair Pair, at, programEnd time.Time) []Job {
	jobs := []Job{
		// Due at once: it only sends if the introduction sent right away failed.
		NewJob(at, JobIntro, pair.ID),
		NewJob(at.Add(s.CheckinAfter), JobCheckin, pair.ID, "1"),
	}
	if !pair.Relationship() {
		return append(jobs, NewJob(at.Add(s.SurveyAfter), JobSurvey, pair.ID, SurveyFlash))
	}
	if length := programEnd.Sub(at); !programEnd.IsZero() && length > 0 {
		return append(jobs, NewJob(at.Add(length/2), JobSurvey, pair.ID, SurveyMid))
	}
	return append(jobs,
		NewJob(at.Add(s.ProgramLength/2), JobSurvey, pair.ID, SurveyMid),
		NewJob(at.Add(s.ProgramLength), JobSurvey, pair.ID, SurveyEnd))
}

// withReminder marks a message as a reminder.
func withReminder(lang Lang, m Message) Message {
	m.Title = T(lang, "reminder.prefix") + " " + m.Title
	return m
}

// runProposalSend sends a pending proposal whose first send failed (its
// delivery mark is not done); otherwise it finds it sent.
func runProposalSend(ctx context.Context, b *Bot, t Tenant, j Job) error {
	return b.proposalToMentor(ctx, t, j, false)
}

// runCharterSend sends the charter to whoever of a pair waiting for it
// did not get it (the first send failed); otherwise it finds it sent.
func runCharterSend(ctx context.Context, b *Bot, t Tenant, j Job) error {
	return b.charterToPending(ctx, t, j, false)
}

// runProposalRemind reminds a mentor, once, of a proposal still pending
// halfway through its time.
func runProposalRemind(ctx context.Context, b *Bot, t Tenant, j Job) error {
	return b.proposalToMentor(ctx, t, j, true)
}

// proposalToMentor sends the job's proposal (as a reminder or not) to its
// mentor, if it is still pending. A reminder gives the waiting time as it
// is when it goes (reasonsNow). A proposal that its send job cannot
// deliver to the mentor (EGONE) is closed, as proposeTo closes one at
// once (closeUnreachable).
func (b *Bot) proposalToMentor(ctx context.Context, t Tenant, j Job, reminder bool) error {
	p, err := b.store.proposals.GetProposal(ctx, t, j.Part(0))
	if err != nil || p.State != ProposalPending {
		return ignoreGone(err)
	}
	mentee, err := b.member(ctx, p.Mentee)
	if err != nil {
		return err
	}
	if reminder {
		p.Reasons = b.reasonsNow(ctx, t, p)
	}
	err = b.deliver(ctx, j.ID, p.Mentor, func(l Lang) Message {
		m := proposalMessage(l, p, mentee)
		if reminder {
			m = withReminder(l, m)
		}
		return m
	})
	if ErrorCode(err) == EGONE && !reminder {
		return b.closeUnreachable(ctx, t, p, err)
	}
	return err
}

// reasonsNow are p's reasons as its reminder gives them: "waiting for 2
// days, so first in line" was true when the proposal went, and the
// request has waited since; the days are counted to now, from the
// request's filing as the matcher counts them (needWith), or the reason
// is left out when the request cannot be read.
func (b *Bot) reasonsNow(ctx context.Context, t Tenant, p Proposal) []matching.Reason {
	i := slices.IndexFunc(p.Reasons, func(r matching.Reason) bool { return r.Code == matching.ReasonWaited })
	if i < 0 {
		return p.Reasons
	}
	r, err := b.store.requests.GetRequest(ctx, t, p.Request)
	if err != nil {
		return slices.Delete(slices.Clone(p.Reasons), i, i+1)
	}
	return b.waitedReasons(ctx, t, p.Reasons, r)
}

// waitedReasons counts the days of the "waiting for 2 days, so first in
// line" reason from when r began to wait: its filing, or, for a request
// held for its program's kick-off, the kick-off that released it
// (waitingSince), as the escalation and the docs count them; less than a
// day, or a wait that cannot be read, leaves the reason out.
func (b *Bot) waitedReasons(ctx context.Context, t Tenant, reasons []matching.Reason, r Request) []matching.Reason {
	i := slices.IndexFunc(reasons, func(x matching.Reason) bool { return x.Code == matching.ReasonWaited })
	if i < 0 {
		return reasons
	}
	out := slices.Clone(reasons)
	since, err := b.waitingSince(ctx, t, r)
	days := int(b.clock.Now().Sub(since).Hours() / 24)
	if err != nil || days < 1 {
		return slices.Delete(out, i, i+1)
	}
	out[i].Days = days
	return out
}

// closeUnreachable closes a pending proposal that its send job could not
// deliver (EGONE: the mentor left, or the platform cannot write to them,
// as for a Discord member whose direct messages are closed), as proposeTo
// does when the first send fails so: the request, which would otherwise
// wait on that mentor until the proposal expires, goes to the next mentor
// who fits; with none, the mentee, told that a mentor was asked, learns
// that it waits, and that this mentor could not be reached.
func (b *Bot) closeUnreachable(ctx context.Context, t Tenant, p Proposal, sendErr error) error {
	b.log.Info("mentor unreachable", "mentor", p.Mentor.String(), "proposal", p.ID, "left", !UnreachableNow(sendErr))
	err := b.closeUndelivered(ctx, t, p, sendErr)
	switch ErrorCode(err) {
	case "":
	case ESTALE, ENOTFOUND:
		return nil // answered, withdrawn or expired meanwhile
	default:
		return err
	}
	b.requeueAfter(ctx, t, p.Request, true, p.Mentor.User)
	return nil
}

// runProposalExpire passes a proposal nobody answered to the next
// candidate, and tells the mentor and the mentee. The notices and the
// next proposal are owed in the same step as the expiry (Outbox): a crash
// just after it loses none of them.
func runProposalExpire(ctx context.Context, b *Bot, t Tenant, j Job) error {
	p, err := b.store.proposals.GetProposal(ctx, t, j.Part(0))
	if err != nil || p.State != ProposalPending {
		return ignoreGone(err)
	}
	// The mentee learns of it from the requeue job, in one message with
	// what came of it: another mentor asked, or the wait and its reason.
	// The mentor's notice names the mentee (a mentor asked twice on one
	// topic knows which request it was), or, unread, the request only.
	key, name := "proposal.expired_mentor", ""
	if m, err := b.member(ctx, p.Mentee); err == nil {
		key, name = "proposal.expired_mentor_named", m.displayName()
	}
	out, err := b.outbox(ctx, j.ID, []owed{
		{p.Mentor, func(l Lang) Message { return Message{Text: T(l, key, "name", name, "topic", p.Topic)} }},
	}, b.requeueJob(p.Request, p.Mentor, requeueAfterExpiry))
	if err != nil {
		return err
	}
	p, err = b.store.proposals.ExpireProposal(ctx, t, p.ID, out)
	if ErrorCode(err) == ESTALE || ErrorCode(err) == ENOTFOUND {
		return nil
	}
	if err != nil {
		return err
	}
	b.record(ctx, Event{Kind: EventExpired, Member: p.Mentor, Other: p.Mentee, Ref: p.ID, Topic: p.Topic})
	b.unanswered(ctx, p.Mentor) // a proposal left without a click (pause_auto.go)
	b.retractProposal(ctx, p, func(l Lang) Message {
		return Message{Text: T(l, "proposal.expired_here", "topic", p.Topic)}
	})
	return nil
}

// runCharterRemind reminds whoever has not accepted the charter yet.
func runCharterRemind(ctx context.Context, b *Bot, t Tenant, j Job) error {
	return b.charterToPending(ctx, t, j, true)
}

// charterToPending sends the charter (as a reminder or not) to each member
// of the job's pair who has not accepted it yet.
func (b *Bot) charterToPending(ctx context.Context, t Tenant, j Job, reminder bool) error {
	pair, err := b.store.pairs.GetPair(ctx, t, j.Part(0))
	if err != nil || pair.State != PairCharter {
		return ignoreGone(err)
	}
	for _, id := range []MemberID{pair.Mentor, pair.Mentee} {
		if pair.Accepted(id) {
			continue
		}
		m, err := b.member(ctx, id)
		if err != nil {
			return err
		}
		version, text, err := b.charter(ctx, t, m.Lang)
		if err != nil {
			return err
		}
		text += b.programCharter(ctx, pair, m.Lang)
		other := b.charterOther(ctx, pair, id) // a pair from a speed event is named by its other member
		build := func(l Lang) Message {
			m := charterMessageTo(l, pair, id, other, version, text)
			if reminder {
				m = withReminder(l, m)
			}
			return m
		}
		if err := b.deliver(ctx, j.ID, id, build); err != nil {
			return err
		}
	}
	return nil
}

// runCharterExpire cancels a pair whose charter was not accepted in time,
// kindly, and puts the request back in the queue. The notices and the
// next proposal are owed in the same step as the cancellation (Outbox).
func runCharterExpire(ctx context.Context, b *Bot, t Tenant, j Job) error {
	pair, err := b.store.pairs.GetPair(ctx, t, j.Part(0))
	if err != nil || pair.State != PairCharter {
		return ignoreGone(err)
	}
	// A mentee with another request open keeps it waiting, and the
	// pair's is withdrawn (DeclineCharter): said so.
	left, hasLeft, err := b.leftOpen(ctx, pair)
	if err != nil {
		return err // tried again: the notice must say which it is
	}
	// Each notice names the other member: a mentor with two pairs on
	// one topic must know which was cancelled.
	names, err := b.otherNames(ctx, pair)
	if err != nil {
		return err
	}
	var notices []owed
	for _, id := range []MemberID{pair.Mentor, pair.Mentee} {
		key := "charter.expired_" + pair.Role(id)
		if hasLeft && id == pair.Mentee {
			key += "_left"
		}
		other := names[id.User]
		notices = append(notices, owed{id, func(l Lang) Message {
			return Message{Text: T(l, key, "name", other, "topic", pair.Topic, "request", left.Topic)}
		}})
	}
	out, err := b.outbox(ctx, j.ID, notices, b.requeueJob(pair.Request, pair.Mentor, ""))
	if err != nil {
		return err
	}
	_, err = b.store.pairs.DeclineCharter(ctx, t, pair.ID, MemberID{}, out)
	if ErrorCode(err) == ESTALE || ErrorCode(err) == ENOTFOUND {
		return nil
	}
	if err == nil {
		b.charterCancelled(ctx, pair)
	}
	return err
}

// runEscalate tells the managers about a request that waited too long.
func runEscalate(ctx context.Context, b *Bot, t Tenant, j Job) error {
	r, err := b.store.requests.GetRequest(ctx, t, j.Part(0))
	if err != nil || !r.State.Open() {
		return ignoreGone(err)
	}
	// A request held for its program's kick-off waits from its release.
	since, err := b.waitingSince(ctx, t, r)
	if err != nil {
		return err
	}
	if later, err := b.escalateLater(ctx, t, r, since); later || err != nil {
		return err // program_jobs.go
	}
	if later, err := b.escalatePaused(ctx, t, r); later || err != nil {
		return err // pause.go
	}
	// Named, with their program, so that a manager can act on it.
	mentee, err := b.member(ctx, r.Mentee)
	if err != nil {
		return err
	}
	if r.State == RequestWaiting {
		// Proposed once more before the managers are asked to find a
		// mentor: one freed in this tick (a pause that ended, a slot a job
		// freed) is matched only after the tick's jobs, and the alert
		// would say the request waits, for a reason no longer true.
		if res, err := b.proposeNext(ctx, r, mentee); err == nil && res.proposed {
			r.State = RequestProposed
		}
	}
	if r.State == RequestProposed {
		// A mentor has it now (a freed slot served it in the same tick,
		// say): nothing for the managers to chase. Asked again once the
		// proposal has had its time: declined or expired, the request
		// waits again, and is escalated then (a minute after the
		// proposal's expiry, which is due no later), once for this wait.
		due := b.clock.Now().Add(b.settings(ctx, t).ProposalTimeout + time.Minute)
		return b.store.jobs.ScheduleJobs(ctx, t, false, NewJob(due, JobEscalate, r.ID, "proposed", strconv.FormatInt(due.UnixMilli(), 10)))
	}
	b.record(ctx, Event{Kind: EventEscalated, Member: r.Mentee, Ref: r.ID, Topic: r.Topic})
	why, others, known := b.whyWaitingIn(ctx, r)
	topic := b.topicAsOffered(ctx, t, r.Topic) // as the digest names it
	program := ""
	if id := r.InProgram(); id != DefaultProgram {
		program = string(id)
		if p, err := b.store.programs.GetProgram(ctx, t, id); err == nil {
			program = p.Name
		}
	}
	// Once per request and wait, whichever of its escalation jobs runs
	// (the one made at filing, the one a program's release or a pause
	// moved it to): a scheduler that catches up runs them all at once.
	key := JobEscalate + ":" + r.ID + ":" + strconv.FormatInt(since.UnixMilli(), 10)
	return b.postToManagers(ctx, t, key, func(l Lang) Message {
		days := int(b.clock.Now().Sub(since).Hours() / 24)
		in := ""
		if program != "" {
			in = T(l, "escalate.in_program", "program", program)
		}
		text := T(l, "escalate.text", "name", mentee.displayName(), "topic", topic, "program", in, "days", itoa(days))
		if key, n := waitingKey(why); known && key == "waiting.program" && len(others) > 0 {
			// Mentors who could take it are in another program: nobody
			// is to be found, the request is to move (or be paired by hand).
			here := T(l, "program.default_name")
			if program != "" {
				here = quotedList(l, []string{program})
			}
			text = T(l, "escalate.text_program", "name", mentee.displayName(), "topic", topic, "program", in, "days", itoa(days),
				"count", itoa(n), "programs", programsNamed(l, others), "here", here, "commands", moveCommands(l, r.Topic, others))
		} else if known {
			text += "\n" + T(l, "escalate.why", "why", AfterColon(l, waitingReasonFor(l, topic, r, mentee, why)))
		}
		return Message{Title: T(l, "escalate.title"), Text: text}
	})
}

// otherNames maps each member of pair (by user ID) to the display name
// of the other member: every message about one pair names the other.
func (b *Bot) otherNames(ctx context.Context, pair Pair) (map[string]string, error) {
	mentor, err := b.member(ctx, pair.Mentor)
	if err != nil {
		return nil, err
	}
	mentee, err := b.member(ctx, pair.Mentee)
	if err != nil {
		return nil, err
	}
	return map[string]string{pair.Mentor.User: mentee.displayName(), pair.Mentee.User: mentor.displayName()}, nil
}

// ignoreGone treats "it no longer exists" as nothing left to do.
func ignoreGone(err error) error {
	if ErrorCode(err) == ENOTFOUND {
		return nil
	}
	return err
}

// whyWaiting explains, as the matcher sees it now, why r waits: false
// when it cannot be read (the escalation then goes without a reason
// rather than not at all).
func (b *Bot) whyWaiting(ctx context.Context, r Request) (matching.Explanation, bool) {
	why, _, known := b.whyWaitingIn(ctx, r)
	return why, known
}

// whyWaitingIn is whyWaiting, with the programs where the mentors it
// counts in other programs could take r (otherPrograms).
func (b *Bot) whyWaitingIn(ctx context.Context, r Request) (matching.Explanation, []Program, bool) {
	// As the request and the sweep see the mentee: with the workspace's
	// language when they chose none, which is the one they speak until
	// they give their languages.
	mentee, err := b.member(ctx, r.Mentee)
	if err != nil {
		return matching.Explanation{}, nil, false
	}
	rk, err := b.candidates(ctx, r, mentee)
	if err != nil {
		return matching.Explanation{}, nil, false
	}
	why, others := b.explainRanking(ctx, r.Mentee.Tenant(), rk)
	return why, others, true
}
