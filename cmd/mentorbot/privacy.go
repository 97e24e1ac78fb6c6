package main

import (
	"context"
	"time"
)

// retentionSpec is when the retention job runs: daily, at night (UTC).
const retentionSpec = "17 3 * * *"

// leaversSpec is when the members the bot keeps data about are checked
// against their workspace (bot.ForgetLeavers): daily, after retention.
// leaversPerRun bounds the platform calls of a run, per workspace: at
// Discord's pace for the route, a few minutes at most.
const (
	leaversSpec   = "47 3 * * *"
	leaversPerRun = 500
)

// prune is the daily retention job (bot.Prune).
func (m *Main) prune(ctx context.Context, _ time.Time) error {
	return m.Bot.Prune(ctx, m.Config.Retention)
}

// forgetLeavers is the daily check of members against their workspace
// (bot.ForgetLeavers): a member who left while no gateway connection was
// there to hear it, or with interactions over HTTP and no gateway at
// all, is erased.
func (m *Main) forgetLeavers(ctx context.Context, _ time.Time) error {
	return m.Bot.ForgetLeavers(ctx, leaversPerRun)
}
