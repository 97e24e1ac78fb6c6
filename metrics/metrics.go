package metrics

import (
	"net/http"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// LateAfter is how long after its due time a job counts as late in
// mentorbot_jobs_late_total: several ticks (MENTORBOT_TICK, 10 s by
// default) behind.
const LateAfter = time.Minute

// Metrics holds mentorbot's metrics, on a registry of its own (with the
// Go runtime's and the process's). Its methods are safe for concurrent
// use.
type Metrics struct {
	reg *prometheus.Registry

	commands, clicks     *prometheus.CounterVec
	ack                  *prometheus.HistogramVec
	jobsDue, jobsLate    *prometheus.CounterVec
	jobs                 *prometheus.CounterVec
	jobLateness          prometheus.Histogram
	apiCalls, rateLimits *prometheus.CounterVec
	proposals, surveys   prometheus.Counter
	pairs                *prometheus.CounterVec
	events               *prometheus.CounterVec
	redisErrors          *prometheus.CounterVec
}

var _ bot.Observer = (*Metrics)(nil)

// New returns the metrics, all registered.
func New() *Metrics {
	m := &Metrics{reg: prometheus.NewRegistry()}
	counter := func(name, help string, labels ...string) *prometheus.CounterVec {
		c := prometheus.NewCounterVec(prometheus.CounterOpts{Name: name, Help: help}, labels)
		m.reg.MustRegister(c)
		return c
	}
	m.commands = counter("mentorbot_commands_total", "Commands answered, by command (from the command table, else unknown) and outcome (ok or the error code).", "command", "outcome")
	m.clicks = counter("mentorbot_clicks_total", "Button clicks answered, by action (from the action table, else unknown) and outcome (ok or the error code).", "action", "outcome")
	m.jobsDue = counter("mentorbot_jobs_due_total", "Follow-up jobs claimed to run, due, by kind.", "kind")
	m.jobsLate = counter("mentorbot_jobs_late_total", "Follow-up jobs that started more than a minute after their due time, by kind.", "kind")
	m.jobs = counter("mentorbot_jobs_total", "Follow-up jobs run, by kind and outcome (done, retried, dropped).", "kind", "outcome")
	m.apiCalls = counter("mentorbot_api_calls_total", "Outbound calls to the platforms' APIs, by platform, API method (Slack) or route (Discord), and HTTP status (error: no answer).", "platform", "method", "status")
	m.rateLimits = counter("mentorbot_api_rate_limited_total", "Outbound API calls answered 429 Too Many Requests, by platform and method.", "platform", "method")
	m.pairs = counter("mentorbot_pairs_formed_total", "Pairs formed: a mentor accepted a proposal (accepted), or a manager paired two members (paired).", "how")
	m.events = counter("mentorbot_events_total", "Every event the managers' figures count, by kind.", "kind")
	m.redisErrors = counter("mentorbot_redis_errors_total", "Failed Redis tries, by kind (timeout, connection, or Redis's error word: moved, readonly, oom...).", "kind")
	m.proposals = prometheus.NewCounter(prometheus.CounterOpts{Name: "mentorbot_proposals_total", Help: "Requests proposed to a mentor."})
	m.surveys = prometheus.NewCounter(prometheus.CounterOpts{Name: "mentorbot_surveys_answered_total", Help: "Surveys answered (their rating question)."})
	m.ack = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name: "mentorbot_ack_seconds", Help: "Time to acknowledge a request from a platform, by endpoint (Slack allows 3 s, Discord 3 s).",
		Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2, 3, 5},
	}, []string{"endpoint"})
	m.jobLateness = prometheus.NewHistogram(prometheus.HistogramOpts{
		Name: "mentorbot_job_lateness_seconds", Help: "How long after its due time a follow-up job started.",
		Buckets: []float64{1, 5, 10, 30, 60, 120, 300, 900, 3600, 4 * 3600},
	})
	m.reg.MustRegister(m.proposals, m.surveys, m.ack, m.jobLateness,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// BuildInfo records which build runs, as the constant 1 of
// mentorbot_build_info{version,goversion}: that every replica runs the
// same release can then be read from /metrics.
func (m *Metrics) BuildInfo(version, goVersion string) {
	g := prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "mentorbot_build_info", Help: "Always 1: the build that runs, by version (the release, else the VCS revision, else devel) and goversion.",
		ConstLabels: prometheus.Labels{"version": version, "goversion": goVersion},
	})
	g.Set(1)
	m.reg.MustRegister(g)
}

// Handler serves the metrics in Prometheus's text format (GET /metrics).
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}

// Command implements bot.Observer.
func (m *Metrics) Command(name, outcome string) { m.commands.WithLabelValues(name, outcome).Inc() }

// Action implements bot.Observer.
func (m *Metrics) Action(name, outcome string) { m.clicks.WithLabelValues(name, outcome).Inc() }

// JobDue implements bot.Observer.
func (m *Metrics) JobDue(kind string, late time.Duration) {
	m.jobsDue.WithLabelValues(kind).Inc()
	if late < 0 {
		late = 0
	}
	m.jobLateness.Observe(late.Seconds())
	if late > LateAfter {
		m.jobsLate.WithLabelValues(kind).Inc()
	}
}

// Job implements bot.Observer.
func (m *Metrics) Job(kind, outcome string) { m.jobs.WithLabelValues(kind, outcome).Inc() }

// Event implements bot.Observer.
func (m *Metrics) Event(kind bot.EventKind) {
	switch kind {
	case bot.EventProposed:
		m.proposals.Inc()
		return // observed, never recorded: not one of the managers' events
	case bot.EventAccepted, bot.EventPaired:
		m.pairs.WithLabelValues(string(kind)).Inc()
	case bot.EventSurvey:
		m.surveys.Inc()
	}
	m.events.WithLabelValues(string(kind)).Inc()
}

// RedisError counts a failed Redis try (store.Store.OnError).
func (m *Metrics) RedisError(kind string) { m.redisErrors.WithLabelValues(kind).Inc() }

// ObserveAck records an ack that took took, under endpoint, where no
// handler can be timed (Slack's Socket Mode).
func (m *Metrics) ObserveAck(endpoint string, took time.Duration) {
	m.ack.WithLabelValues(endpoint).Observe(took.Seconds())
}

// Ack returns h timed under endpoint in mentorbot_ack_seconds: the
// platforms' endpoints answer with their ack, so the handler's time is
// the ack's.
func (m *Metrics) Ack(endpoint string, h http.Handler) http.Handler {
	o := m.ack.WithLabelValues(endpoint)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		h.ServeHTTP(w, r)
		o.Observe(time.Since(start).Seconds())
	})
}
