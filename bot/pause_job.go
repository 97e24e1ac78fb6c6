package bot

import (
	"context"
	"strconv"
	"time"
)

// runUnpause ends a pause at its date (unpause:<user>:<at>) and tells
// the member what resumed. It does nothing when the member resumed
// before, or paused again since (another pause, another At): /mentor
// resume cancels the job's effect without finding the job. The member is
// told before the pause ends, through a delivery mark: a retry after a
// failure tells them once, and a pause ended is never told of again.
func runUnpause(ctx context.Context, b *Bot, t Tenant, j Job) error {
	ms, err := strconv.ParseInt(j.Part(1), 10, 64)
	if err != nil {
		return nil // not ours to read: dropped
	}
	m := t.Member(j.Part(0))
	p, err := b.store.pauses.GetPause(ctx, m)
	if ErrorCode(err) == ENOTFOUND || err == nil && !p.At.Equal(time.UnixMilli(ms).UTC()) {
		return nil
	}
	if err != nil {
		return err
	}
	h, err := b.heldBy(ctx, m)
	if err != nil {
		return err
	}
	if offer := h.hasOffer && (h.offer.Paused || p.Offer); offer || h.hasRequest {
		err = b.deliver(ctx, j.ID, m, func(l Lang) Message {
			return Message{Text: T(l, "pause.ended", "what", pausedWhat(l, offer, h.request.Topic, h.hasRequest))}
		})
		if err != nil && ErrorCode(err) != EGONE {
			return err
		}
	}
	_, err = b.resume(ctx, m, p.At)
	if ErrorCode(err) == ENOTFOUND {
		return nil
	}
	return err
}
