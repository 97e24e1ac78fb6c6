package bot

import (
	"context"

	"github.com/mentorbot/mentorbot/matching"
)

// Synonyms exposes the workspace's topic aliases as the matcher gets them.
func (b *Bot) Synonyms(ctx context.Context, t Tenant) matching.Synonyms { return b.synonyms(ctx, t) }
