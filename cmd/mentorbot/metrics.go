package main

import (
	"net/http"
	"strings"

	"github.com/mentorbot/mentorbot/metrics"
)

// openMetrics creates the metrics served at GET /metrics, and has Redis's
// errors counted, and mentorbot_redis_up read by /readyz's Redis check at
// each scrape (health.go). The core's Observer and the adapters'
// transports are wired from m.metrics where each is built.
func (m *Main) openMetrics() {
	m.metrics = metrics.New()
	m.metrics.BuildInfo(buildVersion())
	m.Store.OnError(m.metrics.RedisError)
	m.metrics.RedisUp(m.redisUp)
}

// ackTimed is the mux the adapters register their endpoints on: each
// handler answers with the platform's ack, so its time is the ack's, in
// mentorbot_ack_seconds.
type ackTimed struct {
	mux     *http.ServeMux
	metrics *metrics.Metrics
}

// Handle implements slack.Mux.
func (t ackTimed) Handle(pattern string, h http.Handler) {
	t.mux.Handle(pattern, t.metrics.Ack(endpoint(pattern), h))
}

// endpoint is a mux pattern's path: "POST /slack/commands" → "/slack/commands".
func endpoint(pattern string) string {
	_, path, ok := strings.Cut(pattern, " ")
	if !ok {
		return pattern
	}
	return path
}
