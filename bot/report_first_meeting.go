package bot

import (
	"context"
	"time"
)

// firstMeetings returns, for the pairs of the programs ids that said they
// met (a "yes" to a check-in: Pair.Met), when they first met, where that
// is not the "yes" itself: the meeting time both confirmed (Meeting.
// Agreed), when it had begun by the time they said they met, and not
// before the pair formed. A "yes" to a check-in sent a day after the
// meeting says that the meeting took place, not when; without an agreed
// time, or with one still ahead at the "yes" (they met some other way
// first), the "yes" is the best the bot knows. One read per such pair; a
// meeting that cannot be read leaves the "yes" (logged).
func (b *Bot) firstMeetings(ctx context.Context, t Tenant, pairs []Pair, programOf map[string]ProgramID, ids ...ProgramID) map[string]time.Time {
	out := map[string]time.Time{}
	for _, p := range pairs {
		if p.Met.IsZero() || !containsProgram(ids, programOf[p.ID]) {
			continue
		}
		m, err := b.store.meetings.GetMeeting(ctx, t, p.ID)
		if err != nil {
			if ErrorCode(err) != ENOTFOUND {
				b.log.Warn("report: meeting not read", "tenant", t.String(), "pair", p.ID, "code", string(ErrorCode(err)))
			}
			continue
		}
		if at := m.Agreed.Start; !m.Agreed.IsZero() && !at.After(p.Met) && !at.Before(p.Created) {
			out[p.ID] = at
		}
	}
	return out
}
