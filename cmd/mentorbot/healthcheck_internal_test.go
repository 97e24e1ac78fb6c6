package main

import (
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestHealthURL: mentorbot healthcheck asks the server at
// MENTORBOT_HTTP_ADDR, by default :3000, on the loopback unless the
// address names a host.
func TestHealthURL(t *testing.T) {
	for addr, want := range map[string]string{
		"":               "http://127.0.0.1:3000/healthz",
		":8080":          "http://127.0.0.1:8080/healthz",
		"0.0.0.0:3000":   "http://127.0.0.1:3000/healthz",
		"[::]:3000":      "http://127.0.0.1:3000/healthz",
		"10.1.2.3:3000":  "http://10.1.2.3:3000/healthz",
		"[::1]:3000":     "http://[::1]:3000/healthz",
		"localhost:3000": "http://localhost:3000/healthz",
	} {
		if got, err := healthURL(addr); got != want || err != nil {
			t.Errorf("healthURL(%q): got %q, %v; want %q", addr, got, err, want)
		}
	}
	for _, addr := range []string{"3000", "host:"} {
		if got, err := healthURL(addr); err == nil || !strings.Contains(err.Error(), "MENTORBOT_HTTP_ADDR") {
			t.Errorf("healthURL(%q): got %q, %v; want an error naming MENTORBOT_HTTP_ADDR", addr, got, err)
		}
	}
}

// TestMainHealthcheck: mentorbot healthcheck exits 0 when /healthz
// answers 200, and 1, saying why, when it answers otherwise or nothing
// listens; an argument after it is refused with the usage, status 2.
func TestMainHealthcheck(t *testing.T) {
	serve := func(status int) string {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path != "/healthz" {
				http.NotFound(w, r)
				return
			}
			w.WriteHeader(status)
		}))
		t.Cleanup(srv.Close)
		return strings.TrimPrefix(srv.URL, "http://")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := ln.Addr().String()
	ln.Close()
	_, port, _ := net.SplitHostPort(serve(http.StatusOK))
	for _, tt := range []struct {
		name, addr string
		args       []string
		code       int
		want       string
	}{
		{"OK", serve(http.StatusOK), nil, 0, ""},
		{"OKOnPortOnly", ":" + port, nil, 0, ""},
		{"Unavailable", serve(http.StatusServiceUnavailable), nil, 1, "mentorbot: healthcheck: GET http://"},
		{"NothingListens", closed, nil, 1, "connection refused): is the bot running here, and does it listen on MENTORBOT_HTTP_ADDR (" + closed + ")?"},
		{"BadAddr", "3000", nil, 1, "MENTORBOT_HTTP_ADDR: want host:port"},
		{"Argument", serve(http.StatusOK), []string{"now"}, 2, `healthcheck takes no argument, got "now": usage:`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runMainArgs(t, append([]string{"healthcheck"}, tt.args...), nil, "MENTORBOT_HTTP_ADDR="+tt.addr)
			if code != tt.code || stdout != "" || !strings.Contains(stderr, tt.want) || tt.want == "" && stderr != "" {
				t.Fatalf("got status %d, stdout %q, stderr %q; want status %d, nothing on stdout and %q", code, stdout, stderr, tt.code, tt.want)
			}
		})
	}
}
