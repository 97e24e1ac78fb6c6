package bot

import (
	"context"
	"time"
)

// PausedUntil exposes pausedUntil to the black-box tests.
func PausedUntil(b *Bot, ctx context.Context, m MemberID) (time.Time, error) {
	return b.pausedUntil(ctx, m)
}
