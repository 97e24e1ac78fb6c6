package bot

import "context"

// This file holds the two yeses after a round that form no pair: the
// mentee's request is under way (speedBusy), or the two already have a
// pair (speedAlready). Both members are told, truthfully, what they can do.

// speedBusyOf is the speedBusyError of a mentee whose request is under
// way: its topic, and whether it is proposed to the session's own mentor.
func (b *Bot) speedBusyOf(ctx context.Context, t Tenant, s SpeedSession, mentee Member, topic string) *speedBusyError {
	busy := &speedBusyError{topic: topic}
	open, err := b.store.requests.OpenRequest(ctx, mentee.ID)
	if err != nil {
		return busy
	}
	busy.topic = open.Topic
	if open.State == RequestProposed && open.Proposal != "" {
		p, err := b.store.proposals.GetProposal(ctx, t, open.Proposal)
		busy.toMentor = err == nil && p.State == ProposalPending && p.Mentor == s.Mentor
	}
	return busy
}

// speedBusyError is speedFormPair's "not formed": the mentee has a
// request under way (a mentor was asked about it), on topic; toMentor
// when that mentor is the session's own.
type speedBusyError struct {
	topic    string
	toMentor bool
}

func (e *speedBusyError) Error() string { return "speed pair not formed: request under way" }

// speedPairedError is speedFormPair's "not formed": the two already have
// a pair, waiting for its charter or under way (pairUnderWay).
type speedPairedError struct{ pair Pair }

func (e *speedPairedError) Error() string { return "speed pair not formed: already paired" }

// speedBusy tells both members that their two yeses could not form a pair,
// because the mentee's request is under way, and what each can do: with a
// "Try again" button that forms the pair once the request is withdrawn or
// answered; or, when the request is proposed to the session's mentor,
// that the mentor's Accept on that proposal pairs them (no button: the
// proposal is the way).
func (b *Bot) speedBusy(ctx context.Context, e SpeedEvent, n int, s SpeedSession, who MemberID, other Member, busy speedBusyError, value string, retry bool, lang Lang) Reply {
	b.log.Info("speed pair not formed: request under way", "event", e.ID, "mentee", s.Mentee.String(), "same_mentor", busy.toMentor)
	return b.speedNotFormed(ctx, e, n, s, who, other, retry, lang, func(l Lang, role, name string) Message {
		if busy.toMentor {
			return Message{Text: T(l, "event.busy_own_"+role, "name", name, "topic", busy.topic, "accept", T(l, "btn.accept"))}
		}
		return Message{
			Text:    T(l, "event.busy_"+role, "name", name, "topic", busy.topic),
			Buttons: []Button{{Label: T(l, "btn.speed_retry"), ActionID: ActionSpeedContinue, Value: value, Style: StylePrimary}},
		}
	})
}

// speedAlready tells both members that their two yeses formed no pair
// because they already have one (pair): on which topic, with their roles
// in that pair (the session's mentor may be its mentee), and what it
// waits for, if anything.
func (b *Bot) speedAlready(ctx context.Context, e SpeedEvent, n int, s SpeedSession, who MemberID, other Member, pair Pair, retry bool, lang Lang) Reply {
	b.log.Info("speed pair not formed: already paired", "event", e.ID, "pair", pair.ID)
	return b.speedNotFormed(ctx, e, n, s, who, other, retry, lang, func(l Lang, role, name string) Message {
		reader := s.Mentee
		if role == "mentor" {
			reader = s.Mentor
		}
		role = pair.Role(reader)
		text := T(l, "event.already_paired_"+role, "name", name, "topic", pair.Topic)
		switch {
		case pair.State == PairActive:
			text += " " + T(l, "event.already_paired_active")
		case !pair.Accepted(reader):
			text += " " + T(l, "event.already_paired_charter")
		case !pair.Accepted(pair.Other(reader)):
			text += " " + T(l, "charter.step_other", "name", name)
		}
		return Message{Text: text}
	})
}

// speedNotFormed tells both members of session s that their two yeses
// formed no pair, each in their language, with msg (by the reader's role
// and the other's name): the clicker in the reply, the member who said
// yes first in a message (they were promised news). A click that tried
// again (retry) only answers its clicker: the other was told.
func (b *Bot) speedNotFormed(ctx context.Context, e SpeedEvent, n int, s SpeedSession, who MemberID, other Member, retry bool, lang Lang, msg func(l Lang, role, name string) Message) Reply {
	role := func(reader MemberID) string {
		if reader == s.Mentee {
			return "mentee"
		}
		return "mentor"
	}
	if !retry {
		me, err := b.member(ctx, who)
		if err == nil {
			err = b.notify(ctx, other.ID, func(l Lang) Message {
				m := msg(l, role(other.ID), me.displayName())
				m.Title = T(l, "event.continue_title", "round", itoa(n), "name", e.Name)
				return m
			})
		}
		if err != nil {
			b.log.Warn("speed pair not formed: notice not sent", "event", e.ID, "to", other.ID.String(), "code", string(ErrorCode(err)))
		}
	}
	return Reply{Replace: true, Message: msg(lang, role(who), other.displayName())}
}
