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
// "Did you mean …?" suggestion and its button when nobody offers its
// topic. Those proposed were told so by the proposal. Each message has
// its delivery mark: a retry sends nothing twice.
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
	released := p.KickedOff
	if released.IsZero() {
		// Released by kickoffGrace: a request made since was never held.
		released = p.startsAt(b.workspaceLoc(ctx, t)).Add(kickoffGrace)
	}
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
		if r.State != RequestWaiting || !r.Created.Before(released) {
			continue // proposed or paired, gone, or never held
		}
		if err := b.tellStillWaiting(ctx, j.ID, p, r); err != nil {
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
// not.
func (b *Bot) releaseHeld(ctx context.Context, t Tenant, ids []string, released time.Time) error {
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
// language.
func (b *Bot) tellStillWaiting(ctx context.Context, jobID string, p Program, r Request) error {
	mentee, err := b.member(ctx, r.Mentee)
	if err != nil {
		return ignoreGone(err)
	}
	pause, paused := b.pauseOf(ctx, r.Mentee)
	var (
		sug       topicSuggestion
		suggested bool
		why       matching.Explanation
		known     bool
	)
	if !paused {
		why, known = b.whyWaiting(ctx, r)
		if known && nobodyOffers(why) {
			sug, suggested = b.suggestTopic(ctx, r, mentee)
		}
	}
	err = b.deliver(ctx, jobID+":"+r.ID, r.Mentee, func(l Lang) Message {
		if paused {
			// Nobody was looked for: the request waits for the pause,
			// not for a mentor.
			return Message{Text: b.kickoffPaused(ctx, l, p, r, pause, mentee)}
		}
		head := T(l, "program.kickoff_waiting", "name", p.Name, "topic", r.Topic)
		switch {
		case suggested:
			msg := suggestionMessage(l, r, sug)
			msg.Text = head + "\n" + T(l, "request.suggest", "topic", r.Topic, "suggestion", sug.topic, "mentors", mentorCount(l, sug.mentors)) +
				"\n" + T(l, "program.kickoff_queue")
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
// zone, when it has one) and is proposed after.
func (b *Bot) kickoffPaused(ctx context.Context, lang Lang, p Program, r Request, pause Pause, mentee Member) string {
	if pause.Until.IsZero() {
		return T(lang, "program.kickoff_paused", "name", p.Name, "topic", r.Topic)
	}
	return T(lang, "program.kickoff_paused_until", "name", p.Name, "topic", r.Topic,
		"date", Date(lang, pause.Until.In(b.memberLoc(ctx, mentee))))
}

// mentorCount says how many mentors offer a suggested topic: "1 mentor",
// "3 mentors".
func mentorCount(lang Lang, n int) string {
	if n == 1 {
		return T(lang, "count.mentors_one")
	}
	return T(lang, "count.mentors", "count", itoa(n))
}
