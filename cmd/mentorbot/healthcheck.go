package main

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"time"
)

// healthcheckTimeout bounds mentorbot healthcheck's GET: /healthz answers
// at once from a process that serves; Docker's own timeout for the check
// (docker-compose.yml, the Dockerfile) is longer.
const healthcheckTimeout = 2 * time.Second

// exitProcess is os.Exit: mentorbot healthcheck exits with its status
// from parseArgs.
var exitProcess = os.Exit

// healthcheck is mentorbot healthcheck, for Docker's HEALTHCHECK (the
// image has no curl): it GETs /healthz from the bot running beside it,
// at MENTORBOT_HTTP_ADDR (healthURL), and returns 0 when it answers 200,
// else 1, with why on stderr. It reads no other variable, and checks
// liveness only, as /healthz does: Docker marks a bot unhealthy when it
// no longer serves HTTP, not when Redis or a platform is away.
func healthcheck(getenv func(string) string, stderr io.Writer) int {
	addr := cmp.Or(getenv("MENTORBOT_HTTP_ADDR"), DefaultConfig().HTTPAddr)
	url, err := healthURL(addr)
	if err != nil {
		fmt.Fprintln(stderr, "mentorbot: healthcheck:", err)
		return 1
	}
	// Never through a proxy (HTTP_PROXY): the bot is on this host.
	client := &http.Client{Timeout: healthcheckTimeout, Transport: &http.Transport{Proxy: nil}}
	res, err := client.Get(url)
	if err != nil {
		// What to look at: nothing answers where the bot should listen.
		fmt.Fprintf(stderr, "mentorbot: healthcheck: no answer from %s (%v): is the bot running here, and does it listen on MENTORBOT_HTTP_ADDR (%s)?\n",
			url, errors.Unwrap(err), addr)
		return 1
	}
	defer res.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(res.Body, 1<<10))
	if res.StatusCode != http.StatusOK {
		fmt.Fprintf(stderr, "mentorbot: healthcheck: GET %s: %s\n", url, res.Status)
		return 1
	}
	return 0
}

// healthURL is the URL of /healthz on the server that listens at addr
// (MENTORBOT_HTTP_ADDR; empty, the default :3000): on the loopback when
// addr names no host or every interface (":3000", "0.0.0.0:3000",
// "[::]:3000"), else on the host it names.
func healthURL(addr string) (string, error) {
	if addr == "" {
		addr = DefaultConfig().HTTPAddr
	}
	host, port, err := net.SplitHostPort(addr)
	if err != nil || port == "" {
		return "", fmt.Errorf("MENTORBOT_HTTP_ADDR: want host:port or :port, got %q", addr)
	}
	if ip := net.ParseIP(host); host == "" || ip != nil && ip.IsUnspecified() {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, port) + "/healthz", nil
}
