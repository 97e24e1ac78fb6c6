package bot

import (
	"context"
	"time"
)

// NextMeeting exposes nextMeeting to the black-box tests (the home shows it).
func (b *Bot) NextMeeting(ctx context.Context, pair Pair) (time.Time, error) {
	return b.nextMeeting(ctx, pair)
}

// ProfileForm exposes profileForm to the black-box tests.
var ProfileForm = profileForm
