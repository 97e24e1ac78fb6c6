package bot

import "context"

// A mentor who left the workspace is never proposed to. A platform whose
// messages to a departed member fail says so when the proposal is sent
// (EGONE: proposeTo records it as declined); Slack, though, may take a
// message to a deactivated member's conversation without an error, and
// only its directory says the member is gone. So before a proposal is
// recorded, the mentor's platform directory is asked: a mentor it says
// left (EGONE) is erased as the platform's own "member left" event
// erases (Forget: their offer, proposals and pairs are wound down), and
// the request goes to the next mentor. A platform with a Roster
// (Discord) is not asked: it reports leaves itself (its leave events,
// and the daily check of leavers, ForgetLeavers), and each of its
// lookups is a call to its API, which a proposal should not wait on.

// leftWorkspace reports whether the member's platform directory says
// they left the workspace or no longer exist. A platform with no
// directory or with a Roster, or any other failure of the lookup (an
// outage, a rate limit), is no: the lookup only spares a proposal, and
// the send's own EGONE still catches a member who left.
func (b *Bot) leftWorkspace(ctx context.Context, id MemberID) bool {
	p, err := b.platform(id)
	if err != nil {
		return false
	}
	if _, ok := p.(Roster); ok {
		return false
	}
	dir, ok := p.(Directory)
	if !ok {
		return false
	}
	_, err = dir.Profile(ctx, id)
	return ErrorCode(err) == EGONE
}

// mentorLeft erases a mentor whom the platform says left (as Forget does
// for a member who left) and returns the EGONE their proposal gets, so
// that the caller tries the next mentor. A failed erasure is logged: the
// mentor is skipped all the same, and checked again at their next
// proposal.
func (b *Bot) mentorLeft(ctx context.Context, mentor MemberID) error {
	b.log.Info("mentor left the workspace: not proposed, erased", "mentor", mentor.String())
	if err := b.Forget(ctx, mentor); err != nil {
		b.log.Error("mentor left: not erased", "mentor", mentor.String(), "err", err)
	}
	return Errorf(EGONE, "err.gone")
}
