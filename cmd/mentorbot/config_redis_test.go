package main_test

import (
	"strings"
	"testing"

	main "github.com/mentorbot/mentorbot/cmd/mentorbot"
)

// TestConfigRedisCluster: REDIS_CLUSTER_ADDRS names a cluster's nodes, and
// is refused next to a REDIS_URL, naming the variable.
func TestConfigRedisCluster(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	t.Run("OK", func(t *testing.T) {
		c, err := main.ConfigFromEnv(env(map[string]string{"REDIS_CLUSTER_ADDRS": "10.0.0.1:6379,10.0.0.2:6379"}))
		if want := "redis+cluster://10.0.0.1:6379,10.0.0.2:6379"; err != nil || c.RedisURL != want {
			t.Fatalf("got %q, %v, want %q", c.RedisURL, err, want)
		}
	})
	t.Run("ErrBoth", func(t *testing.T) {
		_, err := main.ConfigFromEnv(env(map[string]string{"REDIS_CLUSTER_ADDRS": "h:1", "REDIS_URL": "redis://h:2/0"}))
		if err == nil || !strings.Contains(err.Error(), "REDIS_CLUSTER_ADDRS") {
			t.Fatalf("got %v, want an error naming REDIS_CLUSTER_ADDRS", err)
		}
	})
}
