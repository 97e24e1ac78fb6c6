package bot

import (
	"context"
	"time"

	"github.com/mentorbot/mentorbot/matching"
)

// kickoffTell is the part of the kick-off job (progstart:<program>:tell)
// that writes to the program's held requests that got no proposal: due
// when a manager sends or discards the kick-off round (kickedOff), or
// when kickoffGrace has passed without an answer (runProgramStart), the
// earlier of the two.
const kickoffTell = "tell"

// tellJob is the job that tells a program's held requests what became of
// them at its kick-off.
func tellJob(id ProgramID, due time.Time) Job {
	return NewJob(due, JobProgramStart, string(id), kickoffTell)
}

// runKickoffTell keeps the held reply's promise ("I will write to you
// then"): once the program's requests are released, the usual matching
// runs at once over the whole pool, and each request that was held and
// still waits is told, in its member's language, that no mentor could be
// proposed yet and why, as a waiting request's reply says it, with the
// "Did you mean …?" suggestion (or the broader topic its mentors offer)
// and its button when nobody offers its topic. Those proposed were told
// so by the proposal. Each message has its delivery mark: a retry sends
// nothing twice.
func runKickoffTell(ctx context.Context, b *Bot, t Tenant, j Job) error {
	p, err := b.store.programs.GetProgram(ctx, t, ProgramID(j.Part(0)))
	if err != nil || p.State != ProgramOpen {
		return ignoreGone(err)
	}
	held, err := b.heldPrograms(ctx, t)
	if err != nil {
		return err
	}
	if _, ok := held[p.ID]; ok {
		return nil // still held: a manager may yet send the round
	}
	loc := b.workspaceLoc(ctx, t)
	start, released := p.startsAt(loc), p.releasedAt(loc)
	// A manager may send the kick-off round before the start date: the
	// program then keeps its dates, and its members are not told that it
	// has started.
	early := released.Before(start)
	ids, err := b.store.programs.ProgramRequests(ctx, t, p.ID)
	if err != nil {
		return err
	}
	if err := b.releaseHeld(ctx, t, ids, released); err != nil {
		return err
	}
	b.matchWaiting(ctx, t)
	for _, id := range ids {
		r, err := b.store.requests.GetRequest(ctx, t, id)
		if ErrorCode(err) == ENOTFOUND {
			continue
		}
		if err != nil {
			return err
		}
		if r.State != RequestWaiting || !r.Created.Before(released) || len(r.Declined) > 0 {
			// Proposed or paired, gone, or never held; or proposed
			// since its release and turned down, which its member was
			// told, with the reason it waits.
			continue
		}
		if err := b.tellStillWaiting(ctx, j.ID, p, r, early); err != nil {
			return err
		}
	}
	return nil
}

// releaseHeld counts the program's requests held until released in the
// fairness report from then on, each once (EventReleased): their 7 days
// run from the kick-off, not from the day they were filed, so that the
// report judges the matching, not the program's chosen wait. A request
// already proposed by the kick-off round counts; one gone or paired does
// not. Their escalation, likewise, is due escalate-after past the
// release (escalateLater): its job is moved there, or made.
func (b *Bot) releaseHeld(ctx context.Context, t Tenant, ids []string, released time.Time) error {
	after := b.settings(ctx, t).EscalateAfter
	for _, id := range ids {
		r, err := b.store.requests.GetRequest(ctx, t, id)
		if ErrorCode(err) == ENOTFOUND {
			continue
		}
		if err != nil {
			return err
		}
		if r.State != RequestWaiting && r.State != RequestProposed || !r.Created.Before(released) {
			continue
		}
		err = b.once(ctx, t, "released:"+r.ID, b.lease(), func(ctx context.Context) error {
			if err := b.store.jobs.ScheduleJobs(ctx, t, true, releaseJob(r, released.Add(after))); err != nil {
				return err
			}
			mentee, err := b.member(ctx, r.Mentee)
			if err != nil {
				return ignoreGone(err)
			}
			b.record(ctx, Event{Kind: EventReleased, At: released, Member: r.Mentee, Ref: r.ID, Topic: r.Topic,
				Groups: fairnessGroups(r, mentee, released), Duration: FairnessWindow})
			return nil
		})
		if err != nil && ErrorCode(err) != ESTALE {
			return err
		}
	}
	return nil
}

// tellStillWaiting writes to the member of a held request that got no
// proposal at its program's kick-off: why it still waits, in their
// language, as the reply to a request says it: with the button that
// widens its languages when languages alone keep it from the topic's
// mentors (languageAsk), with the "Did you mean …?" suggestion, or the
// broader topic its mentors offer, when nobody offers its topic. early:
// the managers sent the kick-off round before the program's start date.
func (b *Bot) tellStillWaiting(ctx context.Context, jobID string, p Program, r Request, early bool) error {
	mentee, err := b.member(ctx, r.Mentee)
	if err != nil {
		return ignoreGone(err)
	}
	pause, paused := b.pauseOf(ctx, r.Mentee)
	var (
		sug       topicSuggestion
		suggested bool
		why       matching.Explanation
		gap       matching.LanguageGap
		known     bool
	)
	if !paused {
		why, gap, known = b.whyKickoffWaits(ctx, r, mentee)
		if known && nobodyOffers(why) {
			sug, suggested = b.suggestTopic(ctx, r, mentee)
		}
	}
	err = b.deliver(ctx, jobID+":"+r.ID, r.Mentee, func(l Lang) Message {
		if paused {
			// Nobody was looked for: the request waits for the pause,
			// not for a mentor.
			return Message{Text: b.kickoffPaused(ctx, l, p, r, pause, mentee, early)}
		}
		head := T(l, "program.kickoff_waiting", "name", p.Name, "topic", r.Topic)
		if early {
			head = T(l, "program.early_waiting", "name", p.Name, "topic", r.Topic, "date", Date(l, p.Start))
		}
		switch {
		case known && gap.Gap():
			msg := languageAsk(l, head, r, requestLanguages(r, mentee), gap)
			msg.Text += "\n" + T(l, "program.kickoff_queue")
			return msg
		case suggested:
			msg := suggestionMessage(l, r, sug)
			msg.Text = head + "\n" + suggestionText(l, r, sug) + "\n" + T(l, "program.kickoff_queue")
			return msg
		case known:
			return Message{Text: head + "\n" + waitingReason(l, r.Topic, why) + "\n" + T(l, "program.kickoff_queue")}
		}
		return Message{Text: head + "\n" + T(l, "program.kickoff_queue")}
	})
	if ErrorCode(err) == EGONE {
		return nil // left the workspace
	}
	return ignoreGone(err)
}

// kickoffPaused tells a paused member, at their program's kick-off, that
// their request stays paused (until the pause's date, in their time
// zone, when it has one) and is proposed after. early: the kick-off came
// before the program's start date, which is said instead of "has
// started".
func (b *Bot) kickoffPaused(ctx context.Context, lang Lang, p Program, r Request, pause Pause, mentee Member, early bool) string {
	key := "program.kickoff_paused"
	if early {
		key = "program.early_paused"
	}
	if !pause.Until.IsZero() {
		key += "_until"
	}
	var until string
	if !pause.Until.IsZero() {
		until = Date(lang, pause.Until.In(b.memberLoc(ctx, mentee)))
	}
	return T(lang, key, "name", p.Name, "topic", r.Topic, "date", until, "start", Date(lang, p.Start))
}

// whyKickoffWaits explains, as the matcher sees it now, why r waits, and
// whether languages alone keep it from its topic's mentors, as an
// instant proposal would (proposeNext); false when it cannot be read.
func (b *Bot) whyKickoffWaits(ctx context.Context, r Request, mentee Member) (matching.Explanation, matching.LanguageGap, bool) {
	rk, err := b.candidates(ctx, r, mentee)
	if err != nil {
		return matching.Explanation{}, matching.LanguageGap{}, false
	}
	if rk.known != nil {
		return rk.known.why, rk.known.gap, true
	}
	why, _ := b.explainRanking(ctx, r.Mentee.Tenant(), rk)
	var gap matching.LanguageGap
	if why.NoLanguage > 0 {
		gap = languageGap(rk)
	}
	return why, gap, true
}
