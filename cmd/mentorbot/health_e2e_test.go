package main_test

import (
	"github.com/mentorbot/mentorbot/store/storetest"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	main "github.com/mentorbot/mentorbot/cmd/mentorbot"
)

// TestHealth: /healthz is liveness and stays 200 whatever Redis and
// Slack do; /readyz names what is down and turns green again by itself:
// it is 503 while the Socket Mode connection is down, but stays 200 while
// Redis refuses writes or is stopped (every replica shares it: turning
// them all away would replace the bot's own "I can't reach my database"
// with the platform's generic failure), which mentorbot_redis_up says.
func TestHealth(t *testing.T) {
	t.Run("RedisErrors", func(t *testing.T) {
		mr := miniredis.RunT(t)
		w := MustStartSlack(t, func(m *main.Main, _ *slackfake.Server) { m.Config.RedisURL = "redis://" + mr.Addr() })
		w.mustProbe("/readyz", http.StatusOK, "redis: ok\nslack: ok\n")
		mustMetrics(t, scrapeMetrics(t, w.m), []string{"mentorbot_redis_up 1"}, nil)
		for _, reply := range []string{"MOVED 3999 127.0.0.1:6381", "READONLY You can't write against a read only replica.", "OOM command not allowed when used memory > 'maxmemory'."} {
			mr.SetError(reply)
			w.mustProbe("/readyz", http.StatusOK, "redis: down\nslack: ok\n")
			w.mustProbe("/healthz", http.StatusOK, "ok\n")
			mustMetrics(t, scrapeMetrics(t, w.m), []string{"mentorbot_redis_up 0"}, nil)
			mr.SetError("")
			w.mustProbe("/readyz", http.StatusOK, "redis: ok\nslack: ok\n")
			mustMetrics(t, scrapeMetrics(t, w.m), []string{"mentorbot_redis_up 1"}, nil)
		}
	})
	t.Run("RedisStopped", func(t *testing.T) {
		r := storetest.MustServer(t, "--appendonly", "no")
		w := MustStartSlack(t, func(m *main.Main, _ *slackfake.Server) { m.Config.RedisURL = "redis://" + r.Addr })
		w.mustProbe("/readyz", http.StatusOK, "redis: ok\nslack: ok\n")
		r.Stop()
		w.mustProbe("/readyz", http.StatusOK, "redis: down\nslack: ok\n")
		w.mustProbe("/healthz", http.StatusOK, "ok\n")
		mustMetrics(t, scrapeMetrics(t, w.m), []string{"mentorbot_redis_up 0"}, nil)
		r.Start(t)
		w.waitProbe("/readyz", http.StatusOK, "redis: ok\nslack: ok\n")
	})
	t.Run("SocketModeDown", func(t *testing.T) {
		w := MustStartSlackSocket(t)
		w.waitProbe("/readyz", http.StatusOK, "redis: ok\nslack: ok\n")
		w.fake.SetDown(true) // no reconnection until it is back
		w.sock.Drop()
		w.waitProbe("/readyz", http.StatusServiceUnavailable, "redis: ok\nslack: down\n")
		w.mustProbe("/healthz", http.StatusOK, "ok\n")
		w.fake.SetDown(false)
		w.waitProbe("/readyz", http.StatusOK, "redis: ok\nslack: ok\n")
	})
}

// probe GETs path and returns its status and body.
func (w *world) probe(path string) (int, string) {
	w.tb.Helper()
	res, err := http.Get(w.m.HTTPURL() + path)
	if err != nil {
		w.tb.Fatalf("GET %s: %v", path, err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

func (w *world) mustProbe(path string, status int, body string) {
	w.tb.Helper()
	if got, b := w.probe(path); got != status || b != body {
		w.tb.Fatalf("got %s %d %q, want %d %q", path, got, b, status, body)
	}
}

// waitProbe waits up to 10 s for path to answer status and body.
func (w *world) waitProbe(path string, status int, body string) {
	w.tb.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		got, b := w.probe(path)
		if got == status && b == body {
			return
		}
		if time.Now().After(deadline) {
			w.tb.Fatalf("got %s %d %q for 10s, want %d %q", path, got, b, status, body)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
