package main_test

import (
	"strings"
	"testing"
	"time"

	main "github.com/mentorbot/mentorbot/cmd/mentorbot"
)

// TestDurationTooLarge: a duration past time.Duration's bound is refused
// as too large, with the largest allowed, not as "want a day or more";
// MENTORBOT_TICK, MENTORBOT_JOB_LEASE and MENTORBOT_JOB_RETRY have an
// upper bound, refused in a sentence naming the range; their largest
// value is taken.
func TestDurationTooLarge(t *testing.T) {
	for _, tt := range []struct{ name, value, want string }{
		{"MENTORBOT_RETENTION", "200000d", `MENTORBOT_RETENTION: want a duration of a day or more like 730d, got "200000d": too large, the most is 106751d`},
		{"MENTORBOT_RETENTION", "106752d", `got "106752d": too large, the most is 106751d`},
		{"MENTORBOT_JOB_LEASE", "999999999d", `MENTORBOT_JOB_LEASE: want a duration of at least 10s and at most 1h, like 2m, got "999999999d": too large, the most is 1h`},
		{"MENTORBOT_JOB_LEASE", "61m", `got "61m": too large, the most is 1h`},
		{"MENTORBOT_JOB_RETRY", "9999999h", `MENTORBOT_JOB_RETRY: want a duration of at least 1s and at most 1h, like 5m, got "9999999h": too large, the most is 1h`},
		{"MENTORBOT_JOB_RETRY", "2h", `too large, the most is 1h`},
		{"MENTORBOT_TICK", "3650d", `MENTORBOT_TICK: want a duration of at least 1s and at most 1m, like 10s, got "3650d": too large, the most is 1m`},
		{"MENTORBOT_TICK", "10m", `got "10m": too large, the most is 1m`},
		{"SLACK_DIRECTORY_REFRESH", "99999999999h", `got "99999999999h": too large, the most is 106751d`},
		{"MENTORBOT_PROGRAM_LENGTH", "200000d", `MENTORBOT_PROGRAM_LENGTH: want a duration from 1d to 730d, got "200000d": too large`},
	} {
		env := map[string]string{tt.name: tt.value, "SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"}
		_, err := main.ConfigFromEnv(func(k string) string { return env[k] })
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s=%s:\ngot  %v\nwant %q", tt.name, tt.value, err, tt.want)
		}
	}
	for _, tt := range []struct {
		name, value string
		get         func(main.Config) time.Duration
		want        time.Duration
	}{
		{"MENTORBOT_TICK", "1m", func(c main.Config) time.Duration { return c.Tick }, time.Minute},
		{"MENTORBOT_TICK", "1s", func(c main.Config) time.Duration { return c.Tick }, time.Second},
		{"MENTORBOT_JOB_LEASE", "1h", func(c main.Config) time.Duration { return c.JobLease }, time.Hour},
		{"MENTORBOT_JOB_RETRY", "60m", func(c main.Config) time.Duration { return c.JobRetry }, time.Hour},
		{"MENTORBOT_RETENTION", "106751d", func(c main.Config) time.Duration { return c.Retention }, 106751 * 24 * time.Hour},
	} {
		c, err := main.ConfigFromEnv(func(k string) string {
			if k == tt.name {
				return tt.value
			}
			return ""
		})
		if err != nil || tt.get(c) != tt.want {
			t.Errorf("%s=%s: got %v, %v; want %v", tt.name, tt.value, tt.get(c), err, tt.want)
		}
	}
}
