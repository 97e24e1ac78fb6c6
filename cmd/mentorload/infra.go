package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/redis/go-redis/v9"
)

// freePort is a loopback port nobody listens on now.
func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// waitUp waits until check succeeds, for at most d.
func waitUp(d time.Duration, check func() error) error {
	deadline := time.Now().Add(d)
	for {
		err := check()
		if err == nil || time.Now().After(deadline) {
			return err
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// redisServer is a redis-server the tool started, on a port of its own,
// keeping its data in dir across a stop (SHUTDOWN SAVE) and a restart.
type redisServer struct {
	port int
	dir  string
	mu   sync.Mutex
	cmd  *exec.Cmd
}

func startRedis(dir string) (*redisServer, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	r := &redisServer{port: port, dir: dir}
	return r, r.start()
}

func (r *redisServer) url() string { return fmt.Sprintf("redis://127.0.0.1:%d/0", r.port) }

func (r *redisServer) start() error {
	cmd := exec.Command("redis-server", "--port", fmt.Sprint(r.port), "--bind", "127.0.0.1", "--dir", r.dir,
		"--save", "", "--appendonly", "no", "--protected-mode", "no")
	cmd.Stdout, cmd.Stderr = nil, nil
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("redis-server: %w", err)
	}
	r.mu.Lock()
	r.cmd = cmd
	r.mu.Unlock()
	rdb := redis.NewClient(&redis.Options{Addr: fmt.Sprintf("127.0.0.1:%d", r.port)})
	defer rdb.Close()
	return waitUp(10*time.Second, func() error { return rdb.Ping(context.Background()).Err() })
}

// stop shuts Redis down, saving its data to dir first, and waits for the
// process to end.
func (r *redisServer) stop() {
	rdb := redis.NewClient(&redis.Options{Addr: fmt.Sprintf("127.0.0.1:%d", r.port), MaxRetries: -1})
	_ = rdb.Do(context.Background(), "SHUTDOWN", "SAVE").Err() // the connection closes: an error
	rdb.Close()
	r.mu.Lock()
	cmd := r.cmd
	r.mu.Unlock()
	_ = cmd.Wait()
}

// kill ends the server for good, without saving.
func (r *redisServer) kill() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.cmd != nil && r.cmd.Process != nil {
		_ = r.cmd.Process.Kill()
		_ = r.cmd.Wait()
	}
}

// buildBot builds cmd/mentorbot into dir.
func buildBot(dir string) (string, error) {
	bin := filepath.Join(dir, "mentorbot")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/mentorbot")
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("go build ./cmd/mentorbot (run mentorload from the repository's root, or give -bin): %w", err)
	}
	return bin, nil
}

// replica is one mentorbot process, restartable on its port.
type replica struct {
	n    int
	bin  string
	env  []string
	port int
	log  string
	mu   sync.Mutex
	cmd  *exec.Cmd
	down atomic.Bool
}

func (p *replica) url() string { return fmt.Sprintf("http://127.0.0.1:%d", p.port) }

func (p *replica) start() error {
	f, err := os.OpenFile(p.log, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	cmd := exec.Command(p.bin)
	cmd.Env = append(os.Environ(), p.env...)
	cmd.Env = append(cmd.Env, fmt.Sprintf("MENTORBOT_HTTP_ADDR=127.0.0.1:%d", p.port))
	cmd.Stdout, cmd.Stderr = f, f
	cmd.Stdin = nil
	if err := cmd.Start(); err != nil {
		f.Close()
		return err
	}
	go func() { _ = cmd.Wait(); f.Close() }()
	p.mu.Lock()
	p.cmd = cmd
	p.mu.Unlock()
	err = waitUp(30*time.Second, func() error {
		res, err := http.Get(p.url() + "/readyz")
		if err != nil {
			return err
		}
		res.Body.Close()
		if res.StatusCode != http.StatusOK {
			return fmt.Errorf("replica %d: /readyz %d", p.n, res.StatusCode)
		}
		return nil
	})
	if err == nil {
		p.down.Store(false)
	}
	return err
}

// kill SIGKILLs the process.
func (p *replica) kill() {
	p.down.Store(true)
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.cmd != nil && p.cmd.Process != nil {
		_ = p.cmd.Process.Signal(syscall.SIGKILL)
	}
}

// stop ends the process gently (SIGTERM), as at the end of the run.
func (p *replica) stop() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.cmd != nil && p.cmd.Process != nil {
		_ = p.cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan struct{})
		go func() {
			for p.cmd.ProcessState == nil {
				if err := p.cmd.Process.Signal(syscall.Signal(0)); err != nil {
					break
				}
				time.Sleep(50 * time.Millisecond)
			}
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(15 * time.Second):
			_ = p.cmd.Process.Kill()
		}
	}
}

// faultProxy stands between the replicas and the fake Slack: it forwards
// the Web API and response_url, except while a fault is on.
type faultProxy struct {
	target  *url.URL
	rp      *httputil.ReverseProxy
	api     atomic.Bool // 429 and 500, alternately
	respond atomic.Bool // response_url hangs
	n       atomic.Int64
	// refused counts the Web API calls answered 429 or 500, hung the
	// response_url posts.
	refused, hung atomic.Int64
	// hungNames are the acts whose response_url post hung (the path after
	// /response/): Slack may have taken such a reply or not, and the
	// adapter sends it once at most (docs/slack.md).
	hungNames sync.Map
	srv       *http.Server
	URL       string
	until     atomic.Int64 // unix nanos when the response_url fault ends
}

func newFaultProxy(target string) (*faultProxy, error) {
	u, err := url.Parse(target)
	if err != nil {
		return nil, err
	}
	p := &faultProxy{target: u, rp: httputil.NewSingleHostReverseProxy(u)}
	p.rp.Transport = &http.Transport{MaxIdleConnsPerHost: 256}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	p.URL = "http://" + ln.Addr().String()
	p.srv = &http.Server{Handler: p}
	go func() { _ = p.srv.Serve(ln) }()
	return p, nil
}

func (p *faultProxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch {
	case strings.HasPrefix(r.URL.Path, "/api/") && p.api.Load():
		p.refused.Add(1)
		if p.n.Add(1)%2 == 0 {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	case strings.HasPrefix(r.URL.Path, "/response/") && p.respond.Load():
		// Not answering: hold the request until the fault ends or the
		// sender gives up, then drop the connection; never forwarded.
		p.hung.Add(1)
		p.hungNames.Store(strings.TrimPrefix(r.URL.Path, "/response/"), true)
		select {
		case <-r.Context().Done():
		case <-time.After(time.Until(time.Unix(0, p.until.Load()))):
		}
		if hj, ok := w.(http.Hijacker); ok {
			if c, _, err := hj.Hijack(); err == nil {
				c.Close()
				return
			}
		}
		panic(http.ErrAbortHandler)
	}
	p.rp.ServeHTTP(w, r)
}

func (p *faultProxy) close() { _ = p.srv.Close() }

// wasHung reports whether a post to the act's response_url hung.
func (p *faultProxy) wasHung(name string) bool {
	_, ok := p.hungNames.Load(name)
	return ok
}
