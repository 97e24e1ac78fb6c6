package storetest

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/store"
	"github.com/redis/go-redis/v9"
)

// Cluster is a Redis Cluster of three masters (no replicas) that a test
// started from the redis-server and redis-cli binaries, on free loopback
// ports. It is stopped, and its directories removed, when the test ends.
type Cluster struct {
	Addrs []string // host:port of each master
}

// URL is the REDIS_URL of the cluster, naming every node.
func (c *Cluster) URL() string { return "redis+cluster://" + strings.Join(c.Addrs, ",") }

// StartCluster starts a three-master Redis Cluster for the test. Where
// redis-server or redis-cli is missing, the test is skipped, saying which.
func StartCluster(tb testing.TB) *Cluster {
	tb.Helper()
	server, cli := RedisServer(tb), mustBinary(tb, "redis-cli")
	c := &Cluster{}
	// The cluster bus port is set explicitly: the default, port+10000, may
	// be taken or above 65535 for a port the kernel chose.
	ports := freePorts(tb, 6)
	for i := range 3 {
		port, bus := ports[2*i], ports[2*i+1]
		StartServer(tb, server, port, "--cluster-enabled", "yes", "--cluster-port", bus,
			"--cluster-config-file", "nodes.conf", "--cluster-node-timeout", "5000")
		c.Addrs = append(c.Addrs, "127.0.0.1:"+port)
	}
	args := append(append([]string{"--cluster", "create"}, c.Addrs...), "--cluster-replicas", "0", "--cluster-yes")
	if out, err := exec.Command(cli, args...).CombinedOutput(); err != nil {
		tb.Fatalf("redis-cli --cluster create: %v\n%s", err, out)
	}
	// redis-cli returns once the slots are assigned; each node may take a
	// moment more to see the others and call the cluster ok.
	for _, a := range c.Addrs {
		waitClusterOK(tb, a)
	}
	return c
}

// StartServer starts a redis-server on port (see FreePort) with extra
// arguments, in a directory of its own, and stops it when the test ends.
func StartServer(tb testing.TB, bin, port string, extra ...string) {
	tb.Helper()
	dir := tb.TempDir()
	startProcess(tb, bin, port, append([]string{"--port", port, "--bind", "127.0.0.1", "--dir", dir,
		"--save", "", "--appendonly", "no", "--logfile", filepath.Join(dir, "redis.log")}, extra...))
}

// StartSentinel starts a Redis Sentinel on a free port that watches the
// master on masterPort under the name master, and returns its port.
func StartSentinel(tb testing.TB, master, masterPort string) string {
	tb.Helper()
	bin, port, dir := RedisServer(tb), FreePort(tb), tb.TempDir()
	conf := filepath.Join(dir, "sentinel.conf") // Sentinel rewrites it, so it is its own
	text := fmt.Sprintf("port %s\nbind 127.0.0.1\ndir %s\nlogfile %s\nsentinel monitor %s 127.0.0.1 %s 1\n",
		port, dir, filepath.Join(dir, "sentinel.log"), master, masterPort)
	if err := os.WriteFile(conf, []byte(text), 0o600); err != nil {
		tb.Fatal(err)
	}
	startProcess(tb, bin, port, []string{conf, "--sentinel"})
	return port
}

// startProcess runs a Redis binary that will answer PING on port, and
// stops it when the test ends.
func startProcess(tb testing.TB, bin, port string, args []string) {
	tb.Helper()
	cmd := exec.Command(bin, args...)
	dieWithParent(cmd)
	if err := cmd.Start(); err != nil {
		tb.Fatalf("start %s: %v", bin, err)
	}
	// Registered after TempDir's own cleanup, so it runs first: the server
	// stops before its directory is removed.
	tb.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	rdb := redis.NewClient(&redis.Options{Addr: "127.0.0.1:" + port})
	defer rdb.Close()
	for range 200 {
		if rdb.Ping(context.Background()).Err() == nil {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	tb.Fatalf("%s on port %s did not answer", bin, port)
}

// mustBinary returns the path of a program, or skips the test saying
// that it is missing.
func mustBinary(tb testing.TB, name string) string {
	tb.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		tb.Skipf("%s not installed (apt-get install redis-server): this test starts its own Redis", name)
	}
	return p
}

// RedisServer returns the path of redis-server, or skips the test.
func RedisServer(tb testing.TB) string { tb.Helper(); return mustBinary(tb, "redis-server") }

// FreePort returns a loopback TCP port that was free a moment ago.
func FreePort(tb testing.TB) string { tb.Helper(); return freePorts(tb, 1)[0] }

// freePorts returns n distinct loopback TCP ports that were free a moment
// ago: all are held open until the last is chosen.
func freePorts(tb testing.TB, n int) []string {
	tb.Helper()
	var out []string
	for range n {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			tb.Fatal(err)
		}
		defer ln.Close()
		out = append(out, strconv.Itoa(ln.Addr().(*net.TCPAddr).Port))
	}
	return out
}

func waitClusterOK(tb testing.TB, addr string) {
	tb.Helper()
	rdb := redis.NewClient(&redis.Options{Addr: addr})
	defer rdb.Close()
	var info string
	for range 500 {
		info, _ = rdb.ClusterInfo(context.Background()).Result()
		if strings.Contains(info, "cluster_state:ok") && strings.Contains(info, "cluster_known_nodes:3") {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	tb.Fatalf("cluster node %s not ready: %s", addr, info)
}

// MustCluster returns a Store on the cluster, closed with the test.
func MustCluster(tb testing.TB, c *Cluster) *store.Store {
	tb.Helper()
	s, err := store.Open(context.Background(), c.URL())
	if err != nil {
		tb.Fatalf("open %s: %v", c.URL(), err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// String names the cluster's nodes, for failure messages.
func (c *Cluster) String() string { return fmt.Sprint(c.Addrs) }
