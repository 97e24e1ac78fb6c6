package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"
)

// probeTimeout bounds each readiness check: a load balancer's probe
// usually gives up after a second or two.
const probeTimeout = time.Second

// probe is one readiness check, named in /readyz's answer.
type probe struct {
	name  string
	check func(ctx context.Context) error
}

// probeSet holds the readiness checks added by the adapters (Redis's
// is always there) and the last answer of each, to log changes only.
type probeSet struct {
	mu     sync.Mutex
	probes []probe
	down   map[string]bool
}

// addProbe adds a readiness check: openSlack and openDiscord add their
// connection's.
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

// readyz is readiness: 200 when Redis takes writes (Store.Ready) and
// every platform connection is up, else 503. It turns green again by
// itself once they are back. The answer names each check and says ok or
// down; the reasons go to the log, once per change, not to the caller.
func (m *Main) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), probeTimeout)
	defer cancel()
	m.health.mu.Lock()
	checks := append([]probe{{"redis", m.Store.Ready}}, m.health.probes...)
	m.health.mu.Unlock()
	var b strings.Builder
	ready := true
	for _, p := range checks {
		err := p.check(ctx)
		m.logProbe(p.name, err)
		state := "ok"
		if err != nil {
			state, ready = "down", false
		}
		fmt.Fprintf(&b, "%s: %s\n", p.name, state)
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if !ready {
		w.WriteHeader(http.StatusServiceUnavailable)
	}
	io.WriteString(w, b.String())
}

// logProbe logs a check that went down, with its reason, or came back.
func (m *Main) logProbe(name string, err error) {
	m.health.mu.Lock()
	if m.health.down == nil {
		m.health.down = map[string]bool{}
	}
	was := m.health.down[name]
	m.health.down[name] = err != nil
	m.health.mu.Unlock()
	switch {
	case err != nil && !was:
		m.Log.Warn("not ready", "check", name, "err", err)
	case err == nil && was:
		m.Log.Info("ready again", "check", name)
	}
}
