package bot

import (
	"context"
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
			err = b.deliver(ctx, "speedq:"+e.ID+":"+itoa(n), side.to, func(l Lang) Message {
				return Message{
					Title: T(l, "event.continue_title", "round", itoa(n), "name", e.Name),
					Text:  T(l, "event.continue_"+side.role, "name", other.displayName()),
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
		form := false
		_, err = b.store.speed.UpdateSpeedRound(ctx, t, e.ID, n, func(r *SpeedRound) error {
			form = false
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
			if err := b.speedFormPair(ctx, e, n, s, who); err != nil {
				return Reply{}, err
			}
			return Reply{Replace: true, Message: Message{Text: T(lang, "event.continue_both", "name", om.displayName())}}, nil
		case s.Pair != "":
			return Reply{Replace: true, Message: Message{Text: T(lang, "event.continue_both", "name", om.displayName())}}, nil
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
// made already paired, on the session's topic (or the event's name). If
// the pair cannot be formed (the mentee has a proposal under way), the
// session forgets it, so that a manager may pair them instead.
func (b *Bot) speedFormPair(ctx context.Context, e SpeedEvent, n int, s SpeedSession, clicker MemberID) error {
	t := e.By.Tenant()
	mentor, err := b.knownMember(ctx, s.Mentor)
	if err != nil {
		return err
	}
	mentee, err := b.knownMember(ctx, s.Mentee)
	if err != nil {
		return err
	}
	topic := firstNonEmpty(s.Topic, e.Name)
	r, err := b.requestToPair(ctx, mentee.Lang, mentee, topic, string(matching.OneToOne))
	if err == nil {
		topic = firstNonEmpty(r.Topic, topic)
		if r.State == RequestPaired {
			// Made for this pair: it belongs to the event's program, so
			// that the pair is the program's (its report, its end).
			r.Kind, r.Program = matching.OneToOne, ProgramID(e.Program)
			err = b.fileInProgram(ctx, t, r)
		}
		var room string
		if err == nil {
			room, err = b.newRoom(ctx, t)
		}
		if err == nil {
			pair := Pair{ID: s.Pair, Mentor: mentor.ID, Mentee: mentee.ID, Topic: topic, Kind: matching.OneToOne, Goal: r.Goal, Room: room, Created: b.clock.Now().UTC()}
			pair.Reasons = b.managerReasons(ctx, r, pair, mentor, mentee)
			pair, err = b.store.pairs.FormPair(ctx, r, "", pair, charterJobs(b.settings(ctx, t), pair))
			if err == nil {
				b.speedPaired(ctx, e, pair, mentor, mentee, clicker)
				return nil
			}
		}
	}
	// Not formed: the session lets go of the pair ID.
	_, _ = b.store.speed.UpdateSpeedRound(ctx, t, e.ID, n, func(r *SpeedRound) error {
		if i := sessionOf(r, s.Mentee.User); i >= 0 && r.Sessions[i].Pair == s.Pair {
			r.Sessions[i].Pair = ""
		}
		return nil
	})
	switch ErrorCode(err) {
	case ECONFLICT, ESTALE:
		return Errorf(ECONFLICT, "err.event.pair_busy", "name", mentee.displayName())
	}
	return err
}

// speedPaired counts the pair, tells the member who said yes first (the
// clicker reads it in their reply) and starts the charter.
func (b *Bot) speedPaired(ctx context.Context, e SpeedEvent, pair Pair, mentor, mentee Member, clicker MemberID) {
	b.log.Info("pair formed from a speed session", "pair", pair.ID, "event", e.ID)
	b.record(ctx, Event{Kind: EventPaired, Member: pair.Mentor, Other: pair.Mentee, Ref: pair.ID, Topic: pair.Topic})
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
		if pair.Topic == e.Name {
			// No topic but the event's: not "your mentor on “Speed 8 March”".
			key += "_free"
		}
		_ = b.notify(ctx, side.id, func(l Lang) Message {
			return Message{Text: T(l, key, "name", side.other.displayName(), "topic", pair.Topic, "event", e.Name), Mentions: []MemberID{side.other.ID}}
		})
	}
	b.startCharter(ctx, pair, b.charterPlan(ctx, pair))
}
