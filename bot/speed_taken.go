package bot

import (
	"context"
	"time"
)

// One request, one pair: a mentee who registered for an event with a
// request meets its topic's mentors, one a round, and may say yes to
// several of them. The first pair formed takes the request; a later one on
// its topic is refused (speedTakenError), and both members are told which
// pair the request gave (speedTaken).

// speedTakenError is speedFormPair's "not formed": the mentee's request,
// the session's topic, gave them pair already, with another mentor.
type speedTakenError struct{ pair Pair }

func (e *speedTakenError) Error() string { return "speed pair not formed: request paired already" }

// errSpeedForming refuses a pair while another pair of the same mentee is
// being formed, by another replica or click, for longer than
// speedLockWait: the click can simply be made again.
var errSpeedForming = Errorf(ESTALE, "err.event.forming")

// speedLockWait is how long a click waits for the mentee's other pair to
// be formed: forming one takes a few store round trips.
const speedLockWait = 3 * time.Second

// speedLocked runs form while no other replica forms a pair of mentee from
// an event's session: the check that their request's topic is free and the
// pair's storing are one step for every replica. The lock is a delivery
// mark (the store's atomic claim), freed when form returns; a replica that
// dies holding it holds it for the job lease at most.
func (b *Bot) speedLocked(ctx context.Context, t Tenant, mentee MemberID, form func() error) error {
	key := "speedform:" + mentee.User
	deadline := time.Now().Add(speedLockWait)
	for wait := 10 * time.Millisecond; ; wait = min(2*wait, 200*time.Millisecond) {
		prev, err := b.store.delivery.MarkSent(ctx, t, key, b.lease())
		if err != nil {
			return err
		}
		if prev != markPending {
			break // free, or left by a replica that died: ours now
		}
		if time.Now().Add(wait).After(deadline) {
			return errSpeedForming
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
	}
	defer func() {
		keep, stop := context.WithTimeout(context.WithoutCancel(ctx), bookkeeping)
		defer stop()
		if err := b.store.delivery.UnmarkSent(keep, t, key); err != nil {
			b.log.Error("speed pair lock not freed", "mentee", mentee.String(), "err", err)
		}
	}()
	return form()
}

// speedTopicTaken returns the mentee's pair on the session's topic (their
// request's) waiting for its charter or under way, with any mentor; false
// when the session has no topic, or there is none.
func (b *Bot) speedTopicTaken(ctx context.Context, t Tenant, s SpeedSession, mentee MemberID) (Pair, bool, error) {
	if s.Topic == "" {
		return Pair{}, false, nil
	}
	pairs, err := b.store.pairs.PairsOf(ctx, mentee)
	if err != nil {
		return Pair{}, false, err
	}
	syn := b.synonyms(ctx, t)
	for _, p := range pairs {
		if p.Mentee == mentee && (p.State == PairCharter || p.State == PairActive) && syn.Normalize(p.Topic) == syn.Normalize(s.Topic) {
			return p, true, nil
		}
	}
	return Pair{}, false, nil
}

// speedTaken tells both members of session s that their two yeses formed
// no pair, because the mentee's request on its topic gave a pair already:
// the mentee reads with whom, the session's mentor only that the mentee
// has a mentor on it (the other pair is none of their business).
func (b *Bot) speedTaken(ctx context.Context, e SpeedEvent, n int, s SpeedSession, who MemberID, other Member, taken speedTakenError, retry bool, lang Lang) Reply {
	b.log.Info("speed pair not formed: request paired already", "event", e.ID, "pair", taken.pair.ID)
	mentor := ""
	if m, err := b.member(ctx, taken.pair.Mentor); err == nil {
		mentor = m.displayName()
	}
	return b.speedNotFormed(ctx, e, n, s, who, other, retry, lang, func(l Lang, role, name string) Message {
		return Message{Text: T(l, "event.taken_"+role, "name", name, "topic", taken.pair.Topic, "mentor", mentor)}
	})
}
