package store

import (
	"context"

	"github.com/alicebob/miniredis/v2"
	"github.com/redis/go-redis/v9"
)

// Embedded is an in-process Redis (miniredis) for the zero-setup default
// and for tests. It keeps nothing after the process exits.
type Embedded struct {
	*Store
	srv *miniredis.Miniredis
}

// OpenEmbedded starts an in-process Redis on a free loopback port and
// returns a Store on it. The store checks the slot rule (CheckSlots), so
// that what runs on the embedded Redis also runs on a Redis Cluster.
func OpenEmbedded(ctx context.Context) (*Embedded, error) {
	srv := miniredis.NewMiniRedis()
	if err := srv.Start(); err != nil {
		return nil, err
	}
	s, err := Dial(ctx, &redis.Options{Addr: srv.Addr()})
	if err != nil {
		srv.Close()
		return nil, err
	}
	s.CheckSlots()
	return &Embedded{Store: s, srv: srv}, nil
}

// Addr is the embedded server's address, for other clients.
func (e *Embedded) Addr() string { return e.srv.Addr() }

// Server returns the miniredis server, for tests that need to control it.
func (e *Embedded) Server() *miniredis.Miniredis { return e.srv }

// Close closes the client and stops the server.
func (e *Embedded) Close() error {
	err := e.Store.Close()
	e.srv.Close()
	return err
}
