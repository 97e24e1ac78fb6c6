package main

import (
	"strings"
	"testing"
)

// TestMainRedisURLOptionRanges: a REDIS_URL option out of range is
// refused at start like any bad value, "mentorbot: REDIS_URL: want …"
// and status 2 (one JSON line with LOG_FORMAT=json), never a panic and
// never the password, for the bot and for an operator's command alike;
// nothing is dialled (the Redis named does not exist).
func TestMainRedisURLOptionRanges(t *testing.T) {
	const pw = "hunter2pw"
	for _, tt := range []struct {
		name string
		args []string
		env  []string
		want string
	}{
		{"PoolSize", nil, []string{"REDIS_URL=redis://:" + pw + "@127.0.0.1:1/12?pool_size=-5"}, `mentorbot: REDIS_URL: want pool_size= a whole number from 1 to 10000`},
		{"ReadTimeout", nil, []string{"REDIS_URL=redis://127.0.0.1:1/0?read_timeout=-5s"}, `mentorbot: REDIS_URL: want read_timeout= a duration`},
		{"DialTimeoutZero", nil, []string{"REDIS_URL=redis://127.0.0.1:1/0?dial_timeout=0"}, `mentorbot: REDIS_URL: want dial_timeout= a duration`},
		{"Database", nil, []string{"REDIS_URL=redis://127.0.0.1:1/-1"}, `mentorbot: REDIS_URL: want a database number of 0 or more`},
		{"ClusterAddrs", nil, []string{"REDIS_CLUSTER_ADDRS=127.0.0.1:1?pool_size=-1"}, `mentorbot: REDIS_CLUSTER_ADDRS: want pool_size=`},
		{"Export", []string{"export", "slack:T1:U1"}, []string{"REDIS_URL=redis://:" + pw + "@127.0.0.1:1/0?pool_size=-5"}, `mentorbot: REDIS_URL: want pool_size=`},
		{"JSON", nil, []string{"LOG_FORMAT=json", "REDIS_URL=redis://:" + pw + "@127.0.0.1:1/0?pool_size=-5"}, `"msg":"configuration refused","err":"REDIS_URL: want pool_size=`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := runMainArgs(t, tt.args, strings.NewReader("help\n"), append(tt.env, "MENTORBOT_SHELL=1")...)
			if code != 2 || !strings.Contains(stderr, tt.want) || strings.Contains(stderr, "panic") || strings.Contains(stderr, pw) {
				t.Fatalf("got status %d and:\n%s\nwant status 2 and %q, no panic, no password", code, stderr, tt.want)
			}
		})
	}
}
