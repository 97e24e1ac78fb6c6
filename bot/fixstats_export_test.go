package bot

import (
	"context"
	"time"
)

// IntroTimedFrom exposes introTimedFrom to the black-box tests: when the
// introduction of a pair formed from request id, official at official,
// is timed from.
func (b *Bot) IntroTimedFrom(ctx context.Context, t Tenant, id string, official time.Time) (time.Time, error) {
	r, err := b.store.requests.GetRequest(ctx, t, id)
	if err != nil {
		return time.Time{}, err
	}
	return b.introTimedFrom(ctx, r, official), nil
}
