package metrics

import "github.com/prometheus/client_golang/prometheus"

// RedisUp registers mentorbot_redis_up, a gauge read from up at each
// scrape: 1 when up reports that Redis takes writes, 0 when not. Redis
// down does not make /readyz 503 (every replica shares it), so this is
// what to alert on. Call it once.
func (m *Metrics) RedisUp(up func() bool) {
	m.reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "mentorbot_redis_up",
		Help: "1 when Redis took the readiness check's write at this scrape (a write on every master, as /readyz's redis line), else 0.",
	}, func() float64 {
		if up() {
			return 1
		}
		return 0
	}))
}
