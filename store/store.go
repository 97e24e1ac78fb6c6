package store

import (
	"context"
	"errors"
	"fmt"
	"net"
	"sync"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/redis/go-redis/v9"
)

// Store implements bot.Store on Redis.
type Store struct {
	rdb redis.UniversalClient
	// batch sends the round trips of concurrent callers together (see
	// batch.go); acks, those an ack waits for (Receive), apart.
	batch, acks *batcher
	// profiles keeps the offers' profiles decoded (profile_cache.go).
	profiles profileCache
	fields   fieldCache
	// topics keeps each topic's offers decoded (candidates.go).
	topics topicCache
	// roomReady holds the workspaces (keys) whose room set was seen
	// complete (the roomok key): it stays so (keys.go).
	roomReady sync.Map
}

var _ bot.Store = (*Store)(nil)

// Timeout is the default deadline of one Redis call. go-redis honours
// context deadlines only with ContextTimeoutEnabled, which Open sets: a
// stalled Redis then fails a call in Timeout rather than holding it.
const Timeout = 2 * time.Second

// New wraps an existing client.
func New(rdb redis.UniversalClient) *Store {
	return &Store{rdb: rdb, batch: newBatcher(rdb), acks: newBatcher(rdb), topics: topicCache{reload: make(chan struct{}, topicReloads), big: make(chan struct{}, bigReads)}}
}

// Client returns the underlying client, for hooks (metrics, tests).
func (s *Store) Client() redis.UniversalClient { return s.rdb }

// Ping checks that Redis answers. EUNAVAILABLE if not.
func (s *Store) Ping(ctx context.Context) error {
	return classify(s.rdb.Ping(ctx).Err(), "ping")
}

// Close closes the connection pool, which also fails any read still out
// on a stalled Redis, then stops the read batcher.
func (s *Store) Close() error {
	err := s.rdb.Close()
	s.batch.close()
	s.acks.close()
	return err
}

// classify turns a go-redis error into a coded bot error: redis.Nil is
// ENOTFOUND, a server error reply (a bug: a bad script or command) is
// EINTERNAL, and anything else (refused, timed out, cancelled, closed) is
// EUNAVAILABLE.
func classify(err error, what string) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, redis.Nil) {
		return &bot.Error{Code: bot.ENOTFOUND, Err: fmt.Errorf("%s: %w", what, err)}
	}
	if errors.Is(err, redis.ErrPoolTimeout) {
		// Every connection is busy: the database is there, the bot is
		// overloaded. The member is told to try again in a moment.
		return &bot.Error{Code: bot.EUNAVAILABLE, Key: "err.busy", Err: fmt.Errorf("%s: %w", what, err)}
	}
	var rerr redis.Error
	var nerr net.Error
	if errors.As(err, &rerr) && !errors.As(err, &nerr) && !isLoading(err) {
		return bot.Wrap(bot.EINTERNAL, err, "%s", what)
	}
	return bot.Wrap(bot.EUNAVAILABLE, err, "%s", what)
}

// isLoading reports replies that mean "Redis is there but cannot take
// this now", and that nothing was done: loading, failing over, a busy
// script, a replica (READONLY), full (OOM under noeviction), or a slot
// served by another node (MOVED, to a client of the wrong kind).
func isLoading(err error) bool {
	var rerr redis.Error
	if !errors.As(err, &rerr) {
		return false
	}
	msg := rerr.Error()
	for _, p := range []string{"LOADING", "MASTERDOWN", "TRYAGAIN", "CLUSTERDOWN", "READONLY", "BUSY", "OOM", "MOVED"} {
		if len(msg) >= len(p) && msg[:len(p)] == p {
			return true
		}
	}
	return false
}

func notFound(what string) error {
	return &bot.Error{Code: bot.ENOTFOUND, Err: errors.New(what + " not found")}
}
