package store

import (
	"context"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// SaveDraft implements bot.Store: one string with a TTL.
func (s *Store) SaveDraft(ctx context.Context, tn bot.Tenant, id, value string, ttl time.Duration) error {
	return classify(s.rdb.Set(ctx, keysFor(tn).draft(id), value, ttl).Err(), "save draft")
}

// Draft implements bot.Store.
func (s *Store) Draft(ctx context.Context, tn bot.Tenant, id string) (string, error) {
	v, err := s.rdb.Get(ctx, keysFor(tn).draft(id)).Result()
	return v, classify(err, "get draft")
}
