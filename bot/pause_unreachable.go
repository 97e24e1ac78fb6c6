package bot

import "context"

// A mentor whom a proposal cannot reach, but who has not left (on
// Discord, their direct messages are closed: UnreachableNow), has not
// declined anything. Their proposal is released (ReleaseProposal: the
// request waits again, and may go to them later) and they are paused
// (Pause.Unreachable), so that no other request is sent to them, and
// released, while they cannot read it. Their home says why and how to
// resume; on Discord their next command in the server tells them how to
// open their direct messages. Once they resume, the requests waiting on
// their topics are proposed again, theirs included. A mentor who left
// declines the proposal, as before: the request goes on without them.

// closeUndelivered closes the pending proposal p that could not be sent
// to its mentor (sendErr, EGONE): released and the mentor paused when
// they cannot be written to for now, declined when they left. ESTALE and
// ENOTFOUND as for DeclineProposal and ReleaseProposal: the proposal was
// answered, withdrawn or expired meanwhile.
func (b *Bot) closeUndelivered(ctx context.Context, t Tenant, p Proposal, sendErr error) error {
	if !UnreachableNow(sendErr) {
		_, err := b.store.proposals.DeclineProposal(ctx, t, p.ID, p.Mentor)
		return err
	}
	// Paused first: a sweep on another replica that finds the request
	// waiting again then no longer finds this mentor free.
	if err := b.pauseByBot(ctx, p.Mentor, true); err != nil {
		return err
	}
	_, err := b.store.proposals.ReleaseProposal(ctx, t, p.ID)
	return err
}
