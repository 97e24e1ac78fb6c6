package main_test

import (
	"fmt"
	"net"
	"os/exec"
	"syscall"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	main "github.com/mentorbot/mentorbot/cmd/mentorbot"
)

// fixplatRedis is a redis-server of the test's own, on a free port, that
// the test may freeze (SIGSTOP) and stops itself: never a shared one.
type fixplatRedis struct {
	port int
	cmd  *exec.Cmd
}

func mustStartFixplatRedis(t *testing.T) *fixplatRedis {
	t.Helper()
	path, err := exec.LookPath("redis-server")
	if err != nil {
		t.Skip("no redis-server binary")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	r := &fixplatRedis{port: ln.Addr().(*net.TCPAddr).Port}
	ln.Close()
	r.cmd = exec.Command(path, "--port", fmt.Sprint(r.port), "--save", "", "--appendonly", "no", "--dir", t.TempDir(), "--bind", "127.0.0.1")
	if err := r.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		r.cmd.Process.Signal(syscall.SIGCONT)
		r.cmd.Process.Signal(syscall.SIGTERM)
		r.cmd.Wait()
	})
	for range 200 {
		if c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", r.port)); err == nil {
			c.Close()
			return r
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatal("redis-server did not start")
	return nil
}

// TestFixplatFrozenRedisAnswersSoon: with Redis frozen (SIGSTOP: the
// connection stays open, nothing answers), a click is answered "I can't
// reach my database" within a few seconds, not after every call of the
// click has waited out its own timeouts and retries.
func TestFixplatFrozenRedisAnswersSoon(t *testing.T) {
	r := mustStartFixplatRedis(t)
	w := MustStartSlack(t, func(m *main.Main, _ *slackfake.Server) {
		m.Config.RedisURL = fmt.Sprintf("redis://127.0.0.1:%d/0", r.port)
	})
	w.MustCommand(alice, "offer go")
	w.MustCommand(bob, "request go kind:one-to-one")
	prop := w.dms(alice, 1, hasButton("proposal.accept"))[0]
	if err := r.cmd.Process.Signal(syscall.SIGSTOP); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	name := w.click(alice, prop, "proposal.accept")
	var got slackfake.Call
	deadline := time.Now().Add(20 * time.Second)
	for got.Method == "" && time.Now().Before(deadline) {
		for _, c := range w.fake.Calls("response_url") {
			if c.Path == "/response/"+name {
				got = c
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	took := time.Since(start)
	r.cmd.Process.Signal(syscall.SIGCONT)
	if got.Method == "" {
		t.Fatalf("no reply within 20 s")
	}
	MustContain(t, got, en("err.unavailable"))
	if took > 6*time.Second {
		t.Errorf("the reply took %v, want a few seconds at most", took)
	}
	t.Logf("reply after %v", took)
}
