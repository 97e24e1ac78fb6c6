package main

import (
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/store/storetest"
)

// TestRedisWrongKindStatus: a Redis of the wrong kind for its URL is a
// configuration refused (status 2, "configuration refused" in JSON), as
// a refused password is, since a restart will not fix it: a cluster URL
// (redis+cluster://, REDIS_CLUSTER_ADDRS) on a Redis not in cluster mode,
// and a single-node URL on a node in cluster mode. Each names the
// variable.
func TestRedisWrongKindStatus(t *testing.T) {
	single := storetest.MustServer(t)
	node := storetest.MustServer(t, "--cluster-enabled", "yes")
	for _, tt := range []struct {
		name string
		env  []string
		want string
	}{
		{"ClusterURL", []string{"REDIS_URL=redis+cluster://" + single.Addr}, "mentorbot: REDIS_URL: redis at " + single.Addr + " is not in cluster mode"},
		{"ClusterAddrs", []string{"REDIS_CLUSTER_ADDRS=" + single.Addr}, "mentorbot: REDIS_CLUSTER_ADDRS: redis at " + single.Addr + " is not in cluster mode"},
		{"ClusterNode", []string{"REDIS_URL=redis://" + node.Addr + "/0"}, "mentorbot: REDIS_URL names one node of a Redis Cluster"},
		{"JSON", []string{"LOG_FORMAT=json", "REDIS_URL=redis+cluster://" + single.Addr}, `"msg":"configuration refused","err":"REDIS_URL: redis at `},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := runMainArgs(t, nil, strings.NewReader("help\n"), append(tt.env, "MENTORBOT_SHELL=1")...)
			if code != 2 || !strings.Contains(stderr, tt.want) {
				t.Fatalf("got status %d and:\n%s\nwant status 2 and %q", code, stderr, tt.want)
			}
		})
	}
}

// TestOperatorRedisDownStatus: an operator's command on a Redis that does
// not answer fails with status 1, which a script tells from a member the
// bot keeps nothing about (export: 3; forget: 0, nothing to erase).
func TestOperatorRedisDownStatus(t *testing.T) {
	for _, op := range []string{"export", "forget"} {
		stdout, stderr, code := runMainArgs(t, []string{op, "slack:T1:U1"}, nil, "REDIS_URL=redis://127.0.0.1:1/0")
		if code != 1 || stdout != "" || !strings.Contains(stderr, "mentorbot: redis:") {
			t.Errorf("%s: got status %d, stdout %q and:\n%s\nwant status 1 and Redis named", op, code, stdout, stderr)
		}
	}
}
