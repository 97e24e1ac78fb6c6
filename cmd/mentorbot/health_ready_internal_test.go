package main

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/alicebob/miniredis/v2"
	"github.com/mentorbot/mentorbot/store"
)

// readyMain is a Main with a store on mr and a log in buf, enough for
// readyz.
func readyMain(t *testing.T, mr *miniredis.Miniredis, buf *bytes.Buffer) *Main {
	t.Helper()
	st, err := store.Open(context.Background(), "redis://"+mr.Addr()+"/0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	m := NewMain()
	m.Store, m.Log = st, slog.New(slog.NewTextHandler(buf, nil))
	return m
}

func mustReadyz(t *testing.T, m *Main, status int, body string) {
	t.Helper()
	rec := httptest.NewRecorder()
	m.readyz(rec, httptest.NewRequest(http.MethodGet, "/readyz", nil))
	if rec.Code != status || rec.Body.String() != body {
		t.Fatalf("got /readyz %d %q, want %d %q", rec.Code, rec.Body.String(), status, body)
	}
}

// TestReadyzGates: /readyz is 503 for what another replica serves better
// (a platform check failing, this replica shutting down), not for Redis
// down, which it reports; the log tells a gating check's change as "not
// ready" and Redis's as "check failed", once each.
func TestReadyzGates(t *testing.T) {
	mr := miniredis.RunT(t)
	var log bytes.Buffer
	m := readyMain(t, mr, &log)
	var platform error
	m.addProbe("slack", func(context.Context) error { return platform })
	mustReadyz(t, m, http.StatusOK, "redis: ok\nslack: ok\n")

	mr.SetError("OOM command not allowed when used memory > 'maxmemory'.")
	mustReadyz(t, m, http.StatusOK, "redis: down\nslack: ok\n")
	mustReadyz(t, m, http.StatusOK, "redis: down\nslack: ok\n")
	mr.SetError("")
	mustReadyz(t, m, http.StatusOK, "redis: ok\nslack: ok\n")
	if got := log.String(); strings.Count(got, `msg="check failed" check=redis`) != 1 || strings.Count(got, `msg="check passes again" check=redis`) != 1 || strings.Contains(got, "not ready") {
		t.Fatalf("got log:\n%s\nwant Redis's failure and return once each, and no \"not ready\"", got)
	}

	platform = errSlackNotReached
	mustReadyz(t, m, http.StatusServiceUnavailable, "redis: ok\nslack: not reached yet (auth.test failing)\n")
	if got := log.String(); !strings.Contains(got, `msg="not ready" check=slack`) || !strings.Contains(got, "auth.test has not answered") {
		t.Fatalf("got log:\n%s\nwant the slack check's \"not ready\" with its reason", got)
	}
	platform = errDiscordRegistering
	mustReadyz(t, m, http.StatusServiceUnavailable, "redis: ok\nslack: commands not registered yet\n")
	platform = nil
	mustReadyz(t, m, http.StatusOK, "redis: ok\nslack: ok\n")

	m.stopping.Store(true)
	mustReadyz(t, m, http.StatusServiceUnavailable, "mentorbot: shutting down\nredis: ok\nslack: ok\n")
}
