package store

import (
	"context"
	"fmt"

	"github.com/mentorbot/mentorbot/bot"
)

// Record implements bot.Store: one counter per event kind in the hash of
// the event's ISO week, so the digest reads a week in one round trip and
// never scans members, pairs or requests.
func (s *Store) Record(ctx context.Context, tn bot.Tenant, e bot.Event) error {
	year, week := e.At.ISOWeek()
	key := string(keysFor(tn)) + fmt.Sprintf("stats:%04d-W%02d", year, week)
	return classify(s.rdb.HIncrBy(ctx, key, string(e.Kind), 1).Err(), "record event")
}
