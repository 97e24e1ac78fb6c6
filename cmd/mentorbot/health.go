package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"
)

// probeTimeout bounds each readiness check: a load balancer's probe
// usually gives up after a second or two.
const probeTimeout = time.Second

// probe is one readiness check of a platform connection, named in
// /readyz's answer: its failure makes /readyz 503.
type probe struct {
	name  string
	check func(ctx context.Context) error
}

// probeSet holds the readiness checks added by the adapters (Redis's
// is always there, apart: checkRedis) and the last answer of each, to
// log changes only.
type probeSet struct {
	mu     sync.Mutex
	probes []probe
	down   map[string]bool
}

// probeState is a failed check whose line in /readyz says more than
// "down", such as "not reached yet (auth.test failing)"; err is the
// reason, for the log.
type probeState struct {
	state string
	err   error
}

func (e *probeState) Error() string { return e.state + ": " + e.err.Error() }
func (e *probeState) Unwrap() error { return e.err }

// stateOf is a check's state in /readyz: ok, down, or what its
// probeState says.
func stateOf(err error) string {
	if err == nil {
		return "ok"
	}
	if s, ok := errors.AsType[*probeState](err); ok {
		return s.state
	}
	return "down"
}

// addProbe adds a readiness check that gates /readyz: openSlack and
// openDiscord add their platform's (health_platforms.go).
func (m *Main) addProbe(name string, check func(ctx context.Context) error) {
	m.health.mu.Lock()
	defer m.health.mu.Unlock()
	m.health.probes = append(m.health.probes, probe{name, check})
}

// healthz is liveness: the process is up and serves HTTP. It checks
// nothing else, so that an orchestrator never restarts a bot that only
// waits for Redis or Slack to come back.
func (m *Main) healthz(w http.ResponseWriter, _ *http.Request) {
	io.WriteString(w, "ok\n")
}

// readyz is readiness, in the sense of a load balancer's health check or
// Kubernetes' readinessProbe: "send this replica traffic". It is 503
// only for what another replica could serve better: this one shutting
// down, or one of its platform connections down or never established
// (the probes openSlack and openDiscord add: a Socket Mode or gateway
// connection that is down, a Slack never reached by auth.test, a
// Discord that has not taken /mentor yet). Redis is checked and its
// line says ok or down, but Redis down does not make it 503: every
// replica shares that Redis, so turning them all away would only
// replace the bot's own answer (acks still go out, deliveries are kept
// in memory, the member reads "I can't reach my database" in their
// language) by the platform's generic failure. mentorbot_redis_up is
// for alerting on it (metrics.go). Before Open has returned the server
// does not listen, which a probe reads as not ready. The answer names
// each check and its state; the reasons go to the log, once per change,
// not to the caller.
func (m *Main) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), probeTimeout)
	defer cancel()
	m.health.mu.Lock()
	probes := slices.Clone(m.health.probes)
	m.health.mu.Unlock()
	var b strings.Builder
	ready := true
	if m.stopping.Load() {
		b.WriteString("mentorbot: shutting down\n")
		ready = false
	}
	fmt.Fprintf(&b, "redis: %s\n", stateOf(m.checkRedis(ctx)))
	for _, p := range probes {
		err := p.check(ctx)
		m.logProbe(p.name, true, err)
		if err != nil {
			ready = false
		}
		fmt.Fprintf(&b, "%s: %s\n", p.name, stateOf(err))
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if !ready {
		w.WriteHeader(http.StatusServiceUnavailable)
	}
	io.WriteString(w, b.String())
}

// checkRedis is the Redis check of /readyz and of mentorbot_redis_up:
// Store.Ready, a write on every master, within ctx. Its changes are
// logged, as a check that does not gate readiness.
func (m *Main) checkRedis(ctx context.Context) error {
	err := m.Store.Ready(ctx)
	m.logProbe("redis", false, err)
	return err
}

// redisUp is mentorbot_redis_up's reading at each scrape: checkRedis
// within probeTimeout.
func (m *Main) redisUp() bool {
	ctx, cancel := context.WithTimeout(context.Background(), probeTimeout)
	defer cancel()
	return m.checkRedis(ctx) == nil
}

// logProbe logs a check that went down, with its reason, or came back:
// "not ready" and "ready again" for a check that gates readiness,
// "check failed" and "check passes again" for one that does not (Redis).
func (m *Main) logProbe(name string, gates bool, err error) {
	m.health.mu.Lock()
	if m.health.down == nil {
		m.health.down = map[string]bool{}
	}
	was := m.health.down[name]
	m.health.down[name] = err != nil
	m.health.mu.Unlock()
	down, back := "not ready", "ready again"
	if !gates {
		down, back = "check failed", "check passes again"
	}
	switch {
	case err != nil && !was:
		m.Log.Warn(down, "check", name, "err", err)
	case err == nil && was:
		m.Log.Info(back, "check", name)
	}
}
