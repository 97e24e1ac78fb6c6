package store

import (
	"strings"
	"testing"
	"time"
)

// TestCheckURLOptionRanges: a numeric option of a Redis URL that go-redis
// would take but mentorbot cannot run with is refused by CheckURL, before
// anything connects, in a sentence that starts with "want", names the
// option and never holds the password: a negative pool_size (go-redis
// panics), a timeout of 0 or less (go-redis turns it off, and the
// frozen-Redis breaker with it), a negative database (go-redis uses 0),
// on every kind of URL.
func TestCheckURLOptionRanges(t *testing.T) {
	const pw = "hunter2pw"
	for _, tt := range []struct{ url, want string }{
		{"redis://:" + pw + "@127.0.0.1:6379/12?pool_size=-5", `want pool_size= a whole number from 1 to 10000, or 0 for the default, got "-5"`},
		{"redis://127.0.0.1:6379/0?read_timeout=-5s", `want read_timeout= a duration (like 2s, or a whole number of seconds) from 100ms to 1m, got "-5s": go-redis takes 0 or less as no timeout`},
		{"redis://127.0.0.1:6379/0?write_timeout=0", `want write_timeout= a duration`},
		{"redis://127.0.0.1:6379/0?dial_timeout=0", `want dial_timeout= a duration`},
		{"redis://127.0.0.1:6379/0?dial_timeout=3h", `from 100ms to 1m, got "3h", too large`},
		{"redis://127.0.0.1:6379/0?pool_timeout=99999999999999h", `got "99999999999999h", too large`},
		{"redis://127.0.0.1:6379/0?pool_size=99999999999999999999999", `got "99999999999999999999999", too large`},
		{"redis://127.0.0.1:6379/0?read_timeout=abc", `want read_timeout= a duration`},
		{"redis://127.0.0.1:6379/0?max_retries=-5", `want max_retries= a whole number from 1 to 10, or 0 for the default, or -1 for none, got "-5", too small`},
		{"redis://127.0.0.1:6379/0?protocol=4", `want protocol= 2 or 3, got "4"`},
		{"redis://127.0.0.1:6379/0?min_idle_conns=-1", `want min_idle_conns=`},
		{"redis://127.0.0.1:6379/0?conn_max_idle_time=-1s", `want conn_max_idle_time= a duration (like 2s, or a whole number of seconds) of at least 1s, or 0 for no limit, got "-1s"`},
		{"redis://127.0.0.1:6379/0?pool_size=" + pw, `got a value that is no number`},
		{"redis://:" + pw + "@127.0.0.1:7401/-1", "want a database number of 0 or more (after the host: redis://host:6379/0, or db=), got -1: go-redis would silently use database 0"},
		{"redis://127.0.0.1:7401/0?db=-2", `want db= a whole number from 0 to 2147483647, got "-2": go-redis would silently use database 0`},
		{"unix:///tmp/redis.sock?db=-1", `want db=`},
		{"redis+cluster://:" + pw + "@h1:7000,h2:7001?pool_size=-5", `want pool_size=`},
		{"redis+cluster://h1:7000?read_timeout=-1", `want read_timeout=`},
		{"redis+cluster://h1:7000?max_redirects=-3", `want max_redirects=`},
		{"redis+sentinel://:" + pw + "@s1:26379/mymaster/-1", "want a database number of 0 or more (after the master's name"},
		{"redis+sentinel://s1:26379/mymaster?dial_timeout=0&sentinel_password=" + pw, `want dial_timeout=`},
		{"redis+sentinel://s1:26379/mymaster?dialer_retries=-1", `want dialer_retries=`},
	} {
		err := CheckURL(tt.url)
		if err == nil || !strings.HasPrefix(err.Error(), "want ") || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), pw) {
			t.Errorf("CheckURL(%q):\ngot  %v\nwant %q, from \"want\", without the password", tt.url, err, tt.want)
		}
	}
}

// TestCheckURLOptionsTaken: the values in range, go-redis's documented
// special values mentorbot keeps (0 for the default, -1 for none where it
// is harmless) and an empty value are taken, and read as go-redis reads
// them.
func TestCheckURLOptionsTaken(t *testing.T) {
	for _, u := range []string{
		"redis://127.0.0.1:6379/0?pool_size=1&pool_timeout=100ms&pipeline_pool_size=-1",
		"redis://127.0.0.1:6379/0?dial_timeout=3&read_timeout=2s&write_timeout=1m&pool_size=0&max_retries=-1",
		"redis://127.0.0.1:6379/15?min_retry_backoff=0&max_retry_backoff=&conn_max_idle_time=0&conn_max_lifetime=1h&protocol=2",
		"rediss://127.0.0.1:6379/0?skip_verify=true&max_active_conns=0",
		"redis+cluster://h1:7000,h2:7001?max_redirects=-1&dialer_retries=3&failing_timeout_seconds=0&route_by_latency_tolerance=5ms",
		"redis+sentinel://s1:26379/mymaster/2?dialer_retry_timeout=0&max_retries=0",
	} {
		if err := CheckURL(u); err != nil {
			t.Errorf("CheckURL(%q): got %v, want it taken", u, err)
		}
	}
	opt, err := parseCluster("redis", "h1:7000?read_timeout=3")
	if err != nil || opt.ReadTimeout != 3*time.Second {
		t.Fatalf("got %v, %v, want read_timeout=3 read as 3s", opt.ReadTimeout, err)
	}
}
