package slack

import (
	"sync"
	"time"
)

// cache is a small in-memory map whose entries expire after ttl and whose
// size is bounded: when full, expired entries go first, then arbitrary
// ones. It holds what Slack told us recently (profiles, DM channels) and
// the event IDs already seen. It is per process: replicas each keep their
// own, which only costs them a few more Web API calls.
type cache[K comparable, V any] struct {
	ttl time.Duration
	max int

	mu sync.Mutex
	m  map[K]cacheEntry[V]
}

type cacheEntry[V any] struct {
	v       V
	expires time.Time
}

func newCache[K comparable, V any](ttl time.Duration, max int) *cache[K, V] {
	return &cache[K, V]{ttl: ttl, max: max, m: map[K]cacheEntry[V]{}}
}

func (c *cache[K, V]) get(k K) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[k]
	if !ok || time.Now().After(e.expires) {
		var zero V
		return zero, false
	}
	return e.v, true
}

func (c *cache[K, V]) put(k K, v V) { c.putFor(k, v, c.ttl) }

// putFor stores k for ttl instead of the cache's own.
func (c *cache[K, V]) putFor(k K, v V, ttl time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.putLocked(k, v, ttl)
}

// add stores k unless it is present, and reports whether it stored it.
func (c *cache[K, V]) add(k K, v V) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.m[k]; ok && time.Now().Before(e.expires) {
		return false
	}
	c.putLocked(k, v, c.ttl)
	return true
}

func (c *cache[K, V]) del(k K) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.m, k)
}

// swap replaces k's value, if it has one unexpired that match accepts,
// with v for ttl, and reports whether it did.
func (c *cache[K, V]) swap(k K, match func(V) bool, v V, ttl time.Duration) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.m[k]; !ok || time.Now().After(e.expires) || !match(e.v) {
		return false
	}
	c.putLocked(k, v, ttl)
	return true
}

// delIf deletes k if match accepts its value.
func (c *cache[K, V]) delIf(k K, match func(V) bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.m[k]; ok && match(e.v) {
		delete(c.m, k)
	}
}

// delKeys deletes every key that match accepts. It reads the whole
// cache: for rare events (a workspace's bot user changed), not per call.
func (c *cache[K, V]) delKeys(match func(K) bool) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for k := range c.m {
		if match(k) {
			delete(c.m, k)
			n++
		}
	}
	return n
}

func (c *cache[K, V]) putLocked(k K, v V, ttl time.Duration) {
	now := time.Now()
	if len(c.m) >= c.max {
		for key, e := range c.m {
			if now.After(e.expires) {
				delete(c.m, key)
			}
		}
		for key := range c.m {
			if len(c.m) < c.max*3/4 {
				break
			}
			delete(c.m, key)
		}
	}
	c.m[k] = cacheEntry[V]{v: v, expires: now.Add(ttl)}
}
