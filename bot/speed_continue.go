package bot

import (
	"context"
	"errors"
	"strings"

	"github.com/mentorbot/mentorbot/matching"
)

// speedAskContinue asks both members of each session of round n, each
// privately, whether they want to continue together. Neither learns the
// other's answer unless both say yes.
func (b *Bot) speedAskContinue(ctx context.Context, e SpeedEvent, n int) error {
	t := e.By.Tenant()
	r, err := b.store.speed.GetSpeedRound(ctx, t, e.ID, n)
	if err != nil {
		return ignoreGone(err)
	}
	var firstErr error
	for _, s := range r.Sessions {
		if s.Left != "" || s.Mentor.User == "" || s.Mentee.User == "" {
			continue
		}
		value := e.ID + ":" + itoa(n) + ":" + s.Mentee.User
		for _, side := range []struct {
			to, other MemberID
			role      string
		}{{s.Mentee, s.Mentor, "mentee"}, {s.Mentor, s.Mentee, "mentor"}} {
			other, err := b.member(ctx, side.other)
			if err != nil {
				return err
			}
			full := ""
			if side.role == "mentor" {
				full = b.speedFull(ctx, side.to)
			}
			err = b.deliver(ctx, "speedq:"+e.ID+":"+itoa(n), side.to, func(l Lang) Message {
				text := T(l, "event.continue_"+side.role, "name", other.displayName())
				if used, capacity, ok := strings.Cut(full, "/"); ok {
					text += "\n" + T(l, "event.continue_full", "used", used, "capacity", capacity)
				}
				return Message{
					Title: T(l, "event.continue_title", "round", itoa(n), "name", e.Name),
					Text:  text,
					Buttons: []Button{
						{Label: T(l, "btn.speed_continue"), ActionID: ActionSpeedContinue, Value: value, Style: StylePrimary},
						{Label: T(l, "btn.speed_stop"), ActionID: ActionSpeedNoContinue, Value: value},
					},
					Mentions: []MemberID{side.other},
				}
			})
			if err != nil && firstErr == nil && ErrorCode(err) != EGONE {
				firstErr = err
			}
		}
	}
	return firstErr
}

// answerSpeed records a member's answer to "continue?". The second yes of
// a session forms a one-to-one pair, which starts with the charter; one
// yes alone is never told to the other member.
func answerSpeed(yes bool) actionFunc {
	return func(ctx context.Context, b *Bot, who MemberID, lang Lang, value string) (Reply, error) {
		t := who.Tenant()
		parts := strings.Split(value, ":")
		if len(parts) != 3 {
			return Reply{}, Errorf(ESTALE, "err.unknown_button")
		}
		e, err := b.speedEvent(ctx, t, parts[0])
		if err != nil {
			return Reply{}, err
		}
		n, _ := number(parts[1])
		pairID, err := b.newID()
		if err != nil {
			return Reply{}, err
		}
		answer := map[bool]string{true: "yes", false: "no"}[yes]
		var s SpeedSession
		form, retry := false, false
		_, err = b.store.speed.UpdateSpeedRound(ctx, t, e.ID, n, func(r *SpeedRound) error {
			form, retry = false, false
			i := sessionOf(r, parts[2])
			if i < 0 {
				return Errorf(ESTALE, "err.unknown_button")
			}
			x := &r.Sessions[i]
			mine := &x.MenteeYes
			switch who.User {
			case x.Mentee.User:
			case x.Mentor.User:
				mine = &x.MentorYes
			default:
				return Errorf(EFORBIDDEN, "err.not_your_button")
			}
			if *mine != "" && *mine != answer {
				return Errorf(ESTALE, "err.event.answered")
			}
			// Both said yes already, and no pair came of it (the mentee's
			// request was under way): a new click tries again.
			retry = x.MentorYes == "yes" && x.MenteeYes == "yes" && x.Pair == ""
			*mine = answer
			if x.MentorYes == "yes" && x.MenteeYes == "yes" && x.Pair == "" {
				x.Pair, form = pairID, true
			}
			s = *x
			return nil
		})
		if err != nil {
			return Reply{}, ignoreSpeedGone(err)
		}
		other := s.Mentor
		if who == s.Mentor {
			other = s.Mentee
		}
		om, err := b.member(ctx, other)
		if err != nil {
			return Reply{}, err
		}
		switch {
		case !yes:
			return Reply{Replace: true, Message: Message{Text: T(lang, "event.continue_no", "name", om.displayName())}}, nil
		case form:
			formed, err := b.speedFormPair(ctx, e, n, s, who)
			var busy *speedBusyError
			if errors.As(err, &busy) {
				return b.speedBusy(ctx, e, n, s, who, om, *busy, value, retry, lang), nil
			}
			var paired *speedPairedError
			if errors.As(err, &paired) {
				return b.speedAlready(ctx, e, n, s, who, om, paired.pair, retry, lang), nil
			}
			var taken *speedTakenError
			if errors.As(err, &taken) {
				return b.speedTaken(ctx, e, n, s, who, om, *taken, retry, lang), nil
			}
			if err != nil {
				return Reply{}, err
			}
			// What comes next, as the plan says: the charter for whoever
			// has not accepted its current version yet.
			text := T(lang, "event.continue_both", "name", om.displayName()) + " " +
				charterStep(lang, formed.pair, formed.plan, who, om.displayName())
			if who == formed.pair.Mentor {
				text += formed.raisedText(lang)
			}
			return Reply{Replace: true, Message: Message{Text: text}}, nil
		case s.Pair != "":
			// Yes again, once their pair was formed: it is formed already.
			return Reply{Replace: true, Message: Message{Text: T(lang, "event.continue_already", "name", om.displayName())}}, nil
		}
		return Reply{Replace: true, Message: Message{Text: T(lang, "event.continue_yes", "name", om.displayName())}}, nil
	}
}

// sessionOf is the index of the mentee's session in r, or -1.
func sessionOf(r *SpeedRound, mentee string) int {
	for i, s := range r.Sessions {
		if s.Mentee.User == mentee && mentee != "" {
			return i
		}
	}
	return -1
}

// speedFormPair turns a session both members want to continue into a
// one-to-one pair, which starts with the charter like any other. The
// mentee's waiting request is the one paired; without one, a request is
// made already paired, on the session's topic (or OpenTopic: the event's
// name is no topic). If the pair cannot be formed, the session forgets it,
// so that a manager may pair them instead: the mentee has a proposal under
// way (speedBusyError); or the two already have a pair waiting for its
// charter or under way (speedPairedError), on that topic as for a
// manager's pair (pairUnderWay), or on any topic when the pair would have
// none but OpenTopic; or the session's topic, their request's, gave the
// mentee a pair with another mentor already (speedTakenError: one request,
// one pair). The mentee's pairs are formed one at a time (speedLock), so
// that two replicas, each with one of the mentee's sessions, cannot both
// find the topic free.
func (b *Bot) speedFormPair(ctx context.Context, e SpeedEvent, n int, s SpeedSession, clicker MemberID) (speedFormed, error) {
	t := e.By.Tenant()
	mentor, err := b.knownMember(ctx, s.Mentor)
	if err != nil {
		return speedFormed{}, err
	}
	mentee, err := b.knownMember(ctx, s.Mentee)
	if err != nil {
		return speedFormed{}, err
	}
	topic := firstNonEmpty(s.Topic, OpenTopic)
	var formed speedFormed
	err = b.speedLocked(ctx, t, mentee.ID, func() (err error) {
		formed, err = b.speedStorePair(ctx, e, s, mentor, mentee, &topic)
		return err
	})
	if err == nil {
		b.speedPaired(ctx, e, formed, mentor, mentee, clicker)
		return formed, nil
	}
	// Not formed: the session lets go of the pair ID.
	_, _ = b.store.speed.UpdateSpeedRound(ctx, t, e.ID, n, func(r *SpeedRound) error {
		if i := sessionOf(r, s.Mentee.User); i >= 0 && r.Sessions[i].Pair == s.Pair {
			r.Sessions[i].Pair = ""
		}
		return nil
	})
	var paired *speedPairedError
	var taken *speedTakenError
	if errors.As(err, &paired) || errors.As(err, &taken) || errors.Is(err, errSpeedForming) {
		return speedFormed{}, err
	}
	switch ErrorCode(err) {
	case ECONFLICT, ESTALE:
		// The request was paired meanwhile, outside the event (a
		// proposal accepted): on the session's topic, that is the pair
		// it gave.
		if p, ok, terr := b.speedTopicTaken(ctx, t, s, mentee.ID); terr == nil && ok && p.Mentor == mentor.ID {
			return speedFormed{}, &speedPairedError{pair: p}
		} else if ok {
			return speedFormed{}, &speedTakenError{pair: p}
		}
		return speedFormed{}, b.speedBusyOf(ctx, t, s, mentee, topic)
	}
	return speedFormed{}, err
}

// speedStorePair stores the pair of speedFormPair, raising the mentor's
// capacity if need be; topic becomes the pair's (the waiting request's, if
// any). A pair the two already have is a *speedPairedError, and nothing is
// stored.
func (b *Bot) speedStorePair(ctx context.Context, e SpeedEvent, s SpeedSession, mentor, mentee Member, topic *string) (speedFormed, error) {
	t := e.By.Tenant()
	r, err := b.requestToPair(ctx, mentee.Lang, mentee, *topic, string(matching.OneToOne))
	if err != nil {
		return speedFormed{}, err
	}
	*topic = firstNonEmpty(r.Topic, *topic)
	// With no topic but OpenTopic, any pair of the two is the one their
	// yeses ask for: they already continue together.
	on := *topic
	if r.State == RequestPaired && s.Topic == "" {
		on = ""
	}
	if p, ok, err := b.pairUnderWay(ctx, t, mentor.ID.User, mentee.ID, on); err != nil {
		return speedFormed{}, err
	} else if ok {
		return speedFormed{}, &speedPairedError{pair: p}
	}
	// The session's topic is the request the mentee registered with; no
	// longer open, it was paired (often after an earlier round): one
	// request, one pair.
	if r.State == RequestPaired {
		if p, ok, err := b.speedTopicTaken(ctx, t, s, mentee.ID); err != nil {
			return speedFormed{}, err
		} else if ok {
			return speedFormed{}, &speedTakenError{pair: p}
		}
	}
	if r.State == RequestPaired {
		// Made for this pair: it belongs to the event's program, so
		// that the pair is the program's (its report, its end).
		r.Kind, r.Program = matching.OneToOne, ProgramID(e.Program)
		if err := b.fileInProgram(ctx, t, r); err != nil {
			return speedFormed{}, err
		}
	}
	room, err := b.newRoom(ctx, t)
	if err != nil {
		return speedFormed{}, err
	}
	// They met: the event's round was their session. A pair that never
	// met is followed up, and ended, as one that did not take place.
	now := b.clock.Now().UTC()
	pair := Pair{ID: s.Pair, Mentor: mentor.ID, Mentee: mentee.ID, Topic: *topic, Kind: matching.OneToOne, Goal: r.Goal, Room: room, Created: now, Met: now}
	pair.Reasons = b.managerReasons(ctx, r, pair, mentor, mentee)
	pair, err = b.store.pairs.FormPair(ctx, r, "", pair, charterJobs(b.settings(ctx, t), pair))
	if err != nil {
		return speedFormed{}, err
	}
	formed := speedFormed{pair: pair, plan: b.charterPlan(ctx, pair)}
	formed.from, formed.to = b.speedMakeRoom(ctx, pair.Mentor, pair.ID)
	return formed, nil
}

// speedPaired counts the pair, tells the member who said yes first (the
// clicker reads it in their reply) what comes next, and starts the
// charter: both read the same plan (charterPlan), so that a member who
// accepted the current charter already is not told one is coming.
func (b *Bot) speedPaired(ctx context.Context, e SpeedEvent, formed speedFormed, mentor, mentee Member, clicker MemberID) {
	pair := formed.pair
	b.log.Info("pair formed from a speed session", "pair", pair.ID, "event", e.ID)
	// Formed by the two members' yes, not by a manager (EventPaired).
	b.record(ctx, Event{Kind: EventSpeedPaired, Member: pair.Mentor, Other: pair.Mentee, Ref: pair.ID, Topic: pair.Topic})
	b.recordFormed(ctx, pair)
	for _, side := range []struct {
		id    MemberID
		other Member
		role  string
	}{{pair.Mentor, mentee, "mentor"}, {pair.Mentee, mentor, "mentee"}} {
		if side.id == clicker {
			continue
		}
		key := "event.paired_" + side.role
		if pair.Topic == OpenTopic {
			// No request: not "your mentor on “open topic”".
			key += "_free"
		}
		_ = b.notify(ctx, side.id, func(l Lang) Message {
			text := T(l, key, "name", side.other.displayName(), "topic", pair.Topic, "event", e.Name) + " " +
				charterStep(l, pair, formed.plan, side.id, side.other.displayName())
			if side.role == "mentor" {
				text += formed.raisedText(l)
			}
			return Message{Text: text, Mentions: []MemberID{side.other.ID}}
		})
	}
	b.startCharter(ctx, pair, formed.plan)
}

// speedFormed is a pair formed after a round: the pair, what each member
// is asked of the charter, and the mentor's capacity when it was raised to
// count it (from, to; both 0 when it was not).
type speedFormed struct {
	pair     Pair
	plan     charterPlan
	from, to int
}

// raisedText tells the mentor their capacity was raised, "" when it was not.
func (f speedFormed) raisedText(lang Lang) string {
	if f.to == 0 {
		return ""
	}
	return "\n" + T(lang, "event.capacity_raised", "from", itoa(f.from), "to", itoa(f.to))
}

// speedFull returns "used/capacity" when the mentor's offer has no free
// slot (pairs and open proposals fill it), "" otherwise or with no offer:
// the continue question warns them.
func (b *Bot) speedFull(ctx context.Context, mentor MemberID) string {
	o, err := b.store.offers.GetOffer(ctx, mentor)
	if err != nil || o.Active+o.Pending < o.Capacity {
		return ""
	}
	return itoa(o.Active+o.Pending) + "/" + itoa(o.Capacity)
}
