package bot

import (
	"context"
	"time"
)

// Installation is one workspace's install of the app by OAuth (Slack's
// "Add to Slack"): what a platform adapter needs to act in that workspace.
// The core keeps it and decides, from UninstalledAt, when a workspace that
// removed the app is erased (Prune); what the token means is the adapter's.
// A Discord server's record holds no token, only when the bot was added
// and removed, as seen over the gateway.
type Installation struct {
	Tenant     Tenant
	Enterprise string // Enterprise Grid organisation ID, "" outside a Grid
	BotUser    string // the bot's user ID in the workspace
	// Token is the bot token sealed by the adapter (AES-GCM): the store
	// keeps bytes it cannot read, and never logs them.
	Token       []byte
	Scopes      string // the scopes granted, comma-separated
	InstalledBy string // user ID of whoever installed
	InstalledAt time.Time
	// UninstalledAt is when the app was removed or its tokens revoked;
	// zero while installed. Token is empty once it is set.
	UninstalledAt time.Time
}

// Installed reports whether the workspace has the app now, with a token
// to act there. A record without a token (a Discord server's) is never
// Installed: UninstalledAt alone tells whether the bot was removed.
func (in Installation) Installed() bool { return in.UninstalledAt.IsZero() && len(in.Token) > 0 }

// UninstallSlack is how much later than an uninstall's time an install may
// be and still be undone by it: the platform gives its events' times to
// the second.
const UninstallSlack = time.Second

// InstallStore keeps the installations of the app (install.go).
type InstallStore interface {
	// SaveInstallation records an install or a reinstall, replacing any
	// earlier record of the workspace (and so clearing UninstalledAt).
	SaveInstallation(ctx context.Context, in Installation) error
	// Installation returns the workspace's record, installed or not.
	// ENOTFOUND if it was never installed by OAuth (or was erased).
	Installation(ctx context.Context, t Tenant) (Installation, error)
	// Uninstall erases the token, who installed, the bot user, the scopes
	// and the organisation, and records at as UninstalledAt. It is
	// idempotent: a second call keeps the first time. ENOTFOUND if there
	// is no record; ESTALE, changing nothing, if the record was installed
	// more than UninstallSlack after at (a late event of an earlier
	// install).
	Uninstall(ctx context.Context, t Tenant, at time.Time) error
	// Installations lists the records of a platform, installed or not.
	Installations(ctx context.Context, platform string) ([]Installation, error)
	// EraseTenant deletes everything kept for the workspace: every key
	// of the tenant, its installation, and its place in the tenant list.
	EraseTenant(ctx context.Context, t Tenant) error
}

// Serving is an optional Platform feature: whether the platform acts for
// a workspace now. Scheduled work (Tick, digests, sweeps, Prune) skips the
// workspaces its platform does not serve: one that uninstalled the app,
// or, for a bot with a single workspace's token, any other workspace found
// in a shared Redis. A platform without it serves every workspace.
type Serving interface {
	Serves(ctx context.Context, t Tenant) bool
}
