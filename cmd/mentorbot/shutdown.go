package main

import (
	"context"
	"errors"
	"log/slog"
	"time"
)

// DefaultShutdownTimeout is how long Close takes at most when
// Main.ShutdownTimeout is zero: well within the 30 s that
// docker-compose.yml gives the bot after SIGTERM (stop_grace_period), and
// Kubernetes by default (terminationGracePeriodSeconds), before SIGKILL.
const DefaultShutdownTimeout = 25 * time.Second

// closer is one part of the program that Close shuts down by ctx's
// deadline.
type closer struct {
	name  string
	close func(ctx context.Context) error
}

// Close shuts down gracefully, within one deadline that all its steps
// share (Main.ShutdownTimeout): the HTTP server finishes its requests,
// the scheduler stops, the adapters finish the work they acknowledged and
// send its replies, all of them at once, then the store closes. The
// steps get the deadline less an eighth (about 22 s of 25 s); the rest
// lets the work cancelled then return, and the store close. An adapter
// still not done by the deadline is left behind: the process is about to
// exit, and what it had acknowledged is kept in Redis and handled again,
// here once restarted or by another replica, after MENTORBOT_JOB_LEASE
// (docs/operations.md, "what an ack promises"). Close logs "shutting
// down", then "stopped" with the time it took.
//
// After an Open that failed, Close closes what it opened without saying
// so: the bot never started.
func (m *Main) Close() error {
	m.stopping.Store(true)
	start := time.Now()
	log := m.Log
	if log == nil || !m.started {
		log = slog.New(slog.DiscardHandler)
	}
	budget := m.ShutdownTimeout
	if budget <= 0 {
		budget = DefaultShutdownTimeout
	}
	log.Info("shutting down", "within", budget.String())
	end, cancelEnd := context.WithTimeout(context.Background(), budget)
	defer cancelEnd()
	work, cancelWork := context.WithTimeout(end, budget-budget/8)
	defer cancelWork()

	var errs []error
	if m.server != nil {
		if err := m.server.Shutdown(work); err != nil {
			log.Warn("shutdown: HTTP requests still running at the deadline were cut", "err", err)
			_ = m.server.Close() // its listener is closed already
		}
	}
	if m.stopSchedule != nil {
		if !within(end, m.stopSchedule) {
			log.Warn("shutdown: the scheduler did not stop by the deadline; its leased jobs run again after MENTORBOT_JOB_LEASE")
		}
	}
	errs = append(errs, m.closeAdapters(work, end, log))
	if m.embedded != nil {
		errs = append(errs, m.embedded.Close())
	} else if m.Store != nil {
		errs = append(errs, m.Store.Close())
	}
	log.Info("stopped", "took", time.Since(start).Round(time.Millisecond).String())
	return errors.Join(errs...)
}

// closeAdapters closes the adapters at once, each by work's deadline, so
// that a slow platform takes no time from another, and waits for them
// until end.
func (m *Main) closeAdapters(work, end context.Context, log *slog.Logger) error {
	errs := make([]error, len(m.adapters))
	done := make(chan int, len(m.adapters))
	for i, a := range m.adapters {
		go func() {
			errs[i] = a.close(work)
			done <- i
		}()
	}
	finished := make([]bool, len(m.adapters))
	for range m.adapters {
		select {
		case i := <-done:
			finished[i] = true
		case <-end.Done():
			for i, a := range m.adapters {
				if !finished[i] {
					log.Warn("shutdown: adapter still closing at the deadline; the work it acknowledged stays kept in Redis and runs again after MENTORBOT_JOB_LEASE", "adapter", a.name)
				}
			}
			return nil
		}
	}
	return errors.Join(errs...)
}

// within runs f and reports whether it returned before ctx ended; f goes
// on in the background otherwise.
func within(ctx context.Context, f func()) bool {
	done := make(chan struct{})
	go func() { f(); close(done) }()
	select {
	case <-done:
		return true
	case <-ctx.Done():
		return false
	}
}
