package bot

import (
	"context"
	"sort"
)

// speedDropped acts on a member who left an event (unregistered, erased
// their data, or left the workspace): the later rounds no longer see them
// (their registration is gone), and if a round is under way, their
// session ends and their partner is paired again with someone free who
// they have not met, or told why not.
func (b *Bot) speedDropped(ctx context.Context, e SpeedEvent, who MemberID) {
	t := e.By.Tenant()
	n := e.RoundAt(b.clock.Now())
	if n < 1 || n > e.Rounds {
		return
	}
	if _, err := b.store.speed.GetSpeedRound(ctx, t, e.ID, n); err != nil {
		return // not paired yet: the pairing will not see them
	}
	entrants, err := b.store.speed.SpeedEntrants(ctx, t, e.ID)
	if err != nil {
		b.log.Warn("speed re-pairing skipped", "event", e.ID, "code", string(ErrorCode(err)))
		return
	}
	past, err := b.speedPast(ctx, e, n)
	if err != nil {
		return
	}
	speaks := map[string][]string{}
	roles := map[string]SpeedRole{}
	for _, en := range entrants {
		m, err := b.member(ctx, en.Member)
		if err != nil {
			return
		}
		speaks[en.Member.User], roles[en.Member.User] = langCodes(spoken(m)), en.Role
	}
	room, err := b.speedRoom(ctx, e)
	if err != nil {
		return
	}
	var partner MemberID
	var fresh *SpeedSession
	var ended, freshAt int
	r, err := b.store.speed.UpdateSpeedRound(ctx, t, e.ID, n, func(r *SpeedRound) error {
		partner, fresh = MemberID{}, nil
		delete(r.SatOut, who.User)
		for i := range r.Sessions {
			s := &r.Sessions[i]
			if s.Left != "" || (s.Mentor != who && s.Mentee != who) {
				continue
			}
			s.Left, ended = who.User, i
			partner = s.Mentor
			if partner == who {
				partner = s.Mentee
			}
		}
		if partner.User == "" {
			return nil
		}
		if other, ok := speedSubstitute(r, partner, roles, past, speaks); ok {
			s := SpeedSession{Mentor: partner, Mentee: other, Room: room}
			if roles[partner.User] == SpeedMentee {
				s.Mentor, s.Mentee = other, partner
			}
			for _, en := range entrants {
				if en.Member == s.Mentee {
					s.Topic = en.Topic
				}
			}
			delete(r.SatOut, other.User)
			r.Sessions = append(r.Sessions, s)
			freshAt = len(r.Sessions) - 1
			fresh = &r.Sessions[freshAt]
			return nil
		}
		r.SatOut[partner.User] = SatOutPartnerLeft
		return nil
	})
	if err != nil || partner.User == "" {
		return
	}
	left, err := b.member(ctx, who)
	if err != nil {
		return
	}
	// The key names the session, not the member who left: erasing them
	// leaves nothing of theirs in the delivery marks.
	key := "speedleft:" + e.ID + ":" + itoa(n) + ":" + itoa(ended)
	if fresh == nil {
		_ = b.deliver(ctx, key, partner, func(l Lang) Message {
			text := T(l, "event.partner_left_alone", "name", left.displayName())
			if n < e.Rounds {
				text += " " + T(l, "event.satout_next", "when", speedClock(l, e, e.RoundStart(n+1)))
			} else {
				text += " " + T(l, "event.satout_last")
			}
			return Message{Text: text}
		})
		return
	}
	_ = b.deliver(ctx, key, partner, func(l Lang) Message {
		return Message{Text: T(l, "event.partner_left_repaired", "name", left.displayName())}
	})
	s := *fresh
	if err := b.speedSendRoom(ctx, e, r.N, s, speedRoomKey(e, n, freshAt)); err != nil {
		b.log.Warn("speed room not sent", "event", e.ID, "round", n, "code", string(ErrorCode(err)))
	}
}

// SatOutPartnerLeft: the member's partner left during the round, and
// nobody was free to take their place.
const SatOutPartnerLeft = "partnerleft"

// speedSubstitute finds, among the members sitting out round r, one of
// the other side whom partner has not met in the event and with whom they
// share a language: the mentees who sat out the most rounds first, then
// by user ID.
func speedSubstitute(r *SpeedRound, partner MemberID, roles map[string]SpeedRole, past speedHistory, speaks map[string][]string) (MemberID, bool) {
	want := SpeedMentor
	if roles[partner.User] == SpeedMentor {
		want = SpeedMentee
	}
	var users []string
	for u := range r.SatOut {
		if roles[u] != want || !shareAny(speaks[u], speaks[partner.User]) {
			continue
		}
		mentee, mentor := u, partner.User
		if want == SpeedMentor {
			mentee, mentor = partner.User, u
		}
		if containsString(past.met[mentee], mentor) || metThisRound(r, mentee, mentor) {
			continue
		}
		users = append(users, u)
	}
	if len(users) == 0 {
		return MemberID{}, false
	}
	sort.Slice(users, func(i, j int) bool {
		if past.satOut[users[i]] != past.satOut[users[j]] {
			return past.satOut[users[i]] > past.satOut[users[j]]
		}
		return users[i] < users[j]
	})
	return partner.Tenant().Member(users[0]), true
}

// metThisRound reports whether mentee and mentor already had a session in r.
func metThisRound(r *SpeedRound, mentee, mentor string) bool {
	for _, s := range r.Sessions {
		if s.Mentee.User == mentee && s.Mentor.User == mentor {
			return true
		}
	}
	return false
}

// speedForget drops a member from every event under way or to come, as
// leaving it would, then erases them from the events' records. Forget
// calls it before erasing the rest, so that partners are told by name.
func (b *Bot) speedForget(ctx context.Context, who MemberID) error {
	t := who.Tenant()
	events, err := b.store.speed.SpeedEvents(ctx, t)
	if err != nil {
		return err
	}
	now := b.clock.Now()
	for _, e := range events {
		if _, err := b.store.speed.UnregisterSpeed(ctx, t, e.ID, who.User); err == nil && now.Before(e.End()) {
			b.speedDropped(ctx, e, who)
		}
	}
	return b.store.speed.EraseSpeedMember(ctx, who)
}
