package main

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/store/storetest"
)

// TestClusterAddrsNotCluster: REDIS_CLUSTER_ADDRS naming a Redis that is
// not in cluster mode is refused naming REDIS_CLUSTER_ADDRS, the
// variable the operator set, and how to name one node; REDIS_URL's
// redis+cluster:// names REDIS_URL.
func TestClusterAddrsNotCluster(t *testing.T) {
	s := storetest.MustServer(t)
	for _, tt := range []struct{ name, value, want, not string }{
		{"REDIS_CLUSTER_ADDRS", s.Addr, "REDIS_CLUSTER_ADDRS: redis at " + s.Addr + " is not in cluster mode", "(without +cluster)"},
		{"REDIS_URL", "redis+cluster://" + s.Addr, "REDIS_URL: redis at " + s.Addr + " is not in cluster mode", "REDIS_CLUSTER_ADDRS"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := ConfigFromEnv(func(k string) string {
				if k == tt.name {
					return tt.value
				}
				return ""
			})
			if err != nil {
				t.Fatal(err)
			}
			m := NewMain()
			m.Config, m.Stdout, m.LogOutput = cfg, &bytes.Buffer{}, &bytes.Buffer{}
			m.Config.Tick = -1
			err = m.Open(context.Background())
			m.Close()
			if err == nil || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), tt.not) || !strings.Contains(err.Error(), "redis://host:port/0") {
				t.Fatalf("got %v, want %q and redis://host:port/0, without %q", err, tt.want, tt.not)
			}
		})
	}
}

// TestShellEOFNoError: the shell on a Redis holding offers, its input
// ended at once (printf 'help\n' | mentorbot), exits 0 without logging an
// error: the reindex of its first tick, cancelled by the shutdown, is no
// error.
func TestShellEOFNoError(t *testing.T) {
	s := storetest.MustServer(t)
	env := []string{"REDIS_URL=redis://" + s.Addr + "/0", "MENTORBOT_SHELL=1"}
	var offers strings.Builder
	for i := range 200 {
		fmt.Fprintf(&offers, "as m%d\n/mentor offer topic%d, go, rust\n", i, i)
	}
	if _, stderr, code := runMain(t, strings.NewReader(offers.String()), env...); code != 0 {
		t.Fatalf("offers: got status %d:\n%s", code, stderr)
	}
	for range 5 {
		_, stderr, code := runMain(t, strings.NewReader("help\n"), env...)
		if code != 0 || strings.Contains(stderr, "level=ERROR") {
			t.Fatalf("got status %d and:\n%s\nwant 0 and no error", code, stderr)
		}
	}
}
