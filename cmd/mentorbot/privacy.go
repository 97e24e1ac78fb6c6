package main

import (
	"context"
	"time"
)

// retentionSpec is when the retention job runs: daily, at night (UTC).
const retentionSpec = "17 3 * * *"

// leaversSpec is when the members the bot keeps data about are checked
// against their workspace (bot.ForgetLeavers): daily, after retention.
// leaversPerRun bounds the platform calls of a run, per workspace: on
// Discord, one GET of the member each, at the route's pace; on Slack,
// none for a member the directory read (deactivated or active), one
// users.info for each other. A few minutes at most.
const (
	leaversSpec   = "47 3 * * *"
	leaversPerRun = 500
)

// prune is the daily retention job (bot.Prune).
func (m *Main) prune(ctx context.Context, _ time.Time) error {
	return m.Bot.Prune(ctx, m.Config.Retention)
}

// forgetLeavers is the daily check of members against their workspace
// (bot.ForgetLeavers), on every platform that implements bot.Roster
// (Slack and Discord; the shell has no workspace to leave): a member who
// left unheard is erased. On Discord, one who left while no gateway
// connection was there to hear it, or with interactions over HTTP and no
// gateway at all; on Slack, one deactivated while no user_change event
// came (the default manifest subscribes none) and the directory, read
// since, did not know them active.
func (m *Main) forgetLeavers(ctx context.Context, _ time.Time) error {
	return m.Bot.ForgetLeavers(ctx, leaversPerRun)
}
