package bot

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"
)

// ManualClock is a Clock that only moves when told: tests start it at a
// fixed time; the shell starts it at the real time and moves it with
// :advance so that a person can watch a whole program in a minute.
type ManualClock struct {
	mu  sync.Mutex
	now time.Time
}

// NewManualClock returns a clock stopped at t.
func NewManualClock(t time.Time) *ManualClock { return &ManualClock{now: t} }

// Now implements Clock.
func (c *ManualClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Advance moves the clock forward by d.
func (c *ManualClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// OffsetClock is the real clock plus an offset that Advance grows: time
// flows as usual and can also jump forward.
type OffsetClock struct {
	mu     sync.Mutex
	offset time.Duration
}

// Now implements Clock.
func (c *OffsetClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return time.Now().Add(c.offset)
}

// Advance moves the clock forward by d.
func (c *OffsetClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.offset += d
}

// ParseDuration reads Go durations ("90m", "1h30m") plus whole or decimal
// days ("3d", "1.5d", "2d12h"), written "3j" too in French.
func ParseDuration(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	if !strings.Contains(s, "d") {
		s = strings.Replace(s, "j", "d", 1) // French: 3j (jours)
	}
	days, rest, ok := strings.Cut(s, "d")
	if !ok {
		return time.ParseDuration(s)
	}
	n, err := strconv.ParseFloat(days, 64)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("invalid duration %q", s)
	}
	d := time.Duration(n * float64(24*time.Hour))
	if rest == "" {
		return d, nil
	}
	r, err := time.ParseDuration(rest)
	if err != nil {
		return 0, fmt.Errorf("invalid duration %q", s)
	}
	return d + r, nil
}
