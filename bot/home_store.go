package bot

import (
	"context"
	"time"
)

// HomeStore keeps what a member's home needs beyond their overview: who
// opened their home (only they are sent refreshes), and when a pair's
// jobs are due (the next check-in).
type HomeStore interface {
	// OpenedHome notes that the member opened their home. Doing it again
	// changes nothing. Erasing the member (PrivacyStore.Erase) forgets it.
	OpenedHome(ctx context.Context, m MemberID) error

	// HasOpenedHome reports whether the member opened their home since
	// they were last erased.
	HasOpenedHome(ctx context.Context, m MemberID) (bool, error)

	// JobsDue returns the due time of each job of ids that is scheduled
	// (a job running now: the end of its lease), by ID; an ID that is not
	// scheduled is absent. It changes nothing.
	JobsDue(ctx context.Context, t Tenant, ids []string) (map[string]time.Time, error)
}
