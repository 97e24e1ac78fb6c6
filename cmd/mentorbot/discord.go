package main

import "context"

// openDiscord starts the Discord adapter when DISCORD_BOT_TOKEN is set.
func (m *Main) openDiscord(ctx context.Context) error {
	return nil
}
