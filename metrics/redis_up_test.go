package metrics_test

import (
	"sync/atomic"
	"testing"

	"github.com/mentorbot/mentorbot/metrics"
)

// TestRedisUp: mentorbot_redis_up reads its check at each scrape, 1 while
// Redis takes writes and 0 while it does not.
func TestRedisUp(t *testing.T) {
	m := metrics.New()
	var up atomic.Bool
	up.Store(true)
	m.RedisUp(up.Load)
	MustScrape(t, m, "mentorbot_redis_up 1")
	up.Store(false)
	MustScrape(t, m, "mentorbot_redis_up 0")
	up.Store(true)
	MustScrape(t, m, "mentorbot_redis_up 1")
}
