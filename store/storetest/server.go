package storetest

import (
	"context"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// Server is a redis-server of the test's own on a free loopback port,
// that the test may stop and start again on the same port and directory
// (its data survives a restart as far as its arguments make it: with
// "--appendonly yes", every acknowledged write). It is stopped when the
// test ends. Where redis-server is missing the test is skipped, or fails
// in CI (CI=true).
type Server struct {
	Addr, Dir string
	bin       string
	args      []string
	cmd       *exec.Cmd
}

// MustServer starts a Server with extra arguments for redis-server.
func MustServer(tb testing.TB, extra ...string) *Server {
	tb.Helper()
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatal("redis-server not installed in CI")
		}
		tb.Skip("redis-server not installed")
	}
	port := FreePort(tb)
	s := &Server{Addr: "127.0.0.1:" + port, Dir: tb.TempDir(), bin: bin}
	s.args = append([]string{"--port", port, "--bind", "127.0.0.1", "--dir", s.Dir, "--save", ""}, extra...)
	s.Start(tb)
	tb.Cleanup(s.Stop)
	return s
}

// Start starts the server (again) and waits until it answers PING.
func (s *Server) Start(tb testing.TB) {
	tb.Helper()
	s.cmd = exec.Command(s.bin, s.args...)
	dieWithParent(s.cmd)
	if err := s.cmd.Start(); err != nil {
		tb.Fatalf("start redis-server: %v", err)
	}
	rdb := redis.NewClient(&redis.Options{Addr: s.Addr})
	defer rdb.Close()
	for range 100 {
		if rdb.Ping(context.Background()).Err() == nil {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	tb.Fatalf("redis-server on %s did not answer", s.Addr)
}

// Stop kills the server hard (no final save), and only it.
func (s *Server) Stop() {
	if s.cmd != nil && s.cmd.Process != nil {
		s.cmd.Process.Kill()
		s.cmd.Wait()
		s.cmd = nil
	}
}
