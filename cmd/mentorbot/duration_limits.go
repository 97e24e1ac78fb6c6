package main

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// The largest values of the duration variables.
const (
	// maxDuration is the largest duration a variable holds, in whole
	// days: time.Duration's bound, about 292 years.
	maxDuration = 106751 * 24 * time.Hour
	// maxTick bounds MENTORBOT_TICK: every message the bot owes waits
	// for a tick, and a campaign sends a batch every 10 s at most once a
	// tick.
	maxTick = time.Minute
	// maxJobLease bounds MENTORBOT_JOB_LEASE: after a crash, the job a
	// replica ran and the commands it had acked wait this long.
	maxJobLease = time.Hour
	// maxJobRetry bounds MENTORBOT_JOB_RETRY: a reminder retried later
	// than that may come after what it reminds of (a proposal expires an
	// hour after it is sent at the shortest).
	maxJobRetry = time.Hour
)

// tooLarge reports whether v, which bot.ParseDuration read as parsed (or
// refused with err), is a duration larger than max. bot.ParseDuration
// refuses a value past time.Duration's bound as malformed, or wraps it
// to a negative one ("200000d"): v is then read again as a number of
// nanoseconds in floating point, so that the refusal says "too large",
// not that it wants a day or more.
func tooLarge(v string, parsed time.Duration, err error, max time.Duration) bool {
	if err == nil && parsed >= 0 {
		return parsed > max
	}
	n, ok := nominalNanos(v)
	return ok && n > float64(max)
}

// durationPart is one number and its unit in a duration as
// bot.ParseDuration reads it: Go's units, plus d (or j, French) for days.
var (
	durationPart  = `(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h|d|j)`
	durationWhole = regexp.MustCompile(`^\+?(?:` + durationPart + `)+$`)
	durationParts = regexp.MustCompile(durationPart)
)

// nominalNanos is v in nanoseconds, in floating point (no bound), if v
// reads as a duration.
func nominalNanos(v string) (float64, bool) {
	v = strings.TrimSpace(v)
	if !durationWhole.MatchString(v) {
		return 0, false
	}
	units := map[string]float64{"ns": 1, "us": 1e3, "µs": 1e3, "μs": 1e3, "ms": 1e6, "s": 1e9, "m": 60e9, "h": 3600e9, "d": 86400e9, "j": 86400e9}
	total := 0.0
	for _, m := range durationParts.FindAllStringSubmatch(v, -1) {
		n, err := strconv.ParseFloat(m[1], 64)
		if err != nil || math.IsInf(n, 0) {
			return math.Inf(1), true
		}
		total += n * units[m[2]]
	}
	return total, true
}
