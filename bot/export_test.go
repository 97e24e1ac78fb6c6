package bot

import "context"

// RecordRepeatAvoided exposes recordRepeatAvoided to the black-box tests:
// the matcher's caller records it, not a command.
func (b *Bot) RecordRepeatAvoided(ctx context.Context, t Tenant, request string) {
	b.recordRepeatAvoided(ctx, t, request)
}
