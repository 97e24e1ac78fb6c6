package bot

import (
	"sync"
	"time"
)

// cacheTTL is how long a replica keeps a workspace's settings and topic
// aliases before reading them again: a change made on another replica
// shows within that time, and at once on the replica that made it.
const cacheTTL = 30 * time.Second

// tenantCache keeps one value per workspace for cacheTTL, so that the
// request path does not read it from Redis every time. The zero value is
// ready to use.
type tenantCache[T any] struct {
	mu sync.Mutex
	m  map[Tenant]cached[T]
}

type cached[T any] struct {
	v  T
	at time.Time
}

// get returns the workspace's value if it was put less than cacheTTL
// before now.
func (c *tenantCache[T]) get(t Tenant, now time.Time) (T, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[t]
	if !ok || now.Sub(e.at) >= cacheTTL {
		var zero T
		return zero, false
	}
	return e.v, true
}

func (c *tenantCache[T]) put(t Tenant, v T, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[Tenant]cached[T]{}
	}
	c.m[t] = cached[T]{v, now}
}

// forget drops the workspace's value after a change.
func (c *tenantCache[T]) forget(t Tenant) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.m, t)
}
