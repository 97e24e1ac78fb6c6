package store

import (
	"fmt"
	"math"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// optionRange is what mentorbot takes of one numeric query option of a
// Redis URL, go-redis's (ParseURL, ParseClusterURL, ParseFailoverURL):
// go-redis reads any number, and a negative pool_size then panics, a
// timeout of 0 or less turns the timeout off (the breaker with it: a
// frozen Redis would hold every call), a negative database selects none.
// What is refused is refused before anything connects, naming the option
// (checkOptions).
type optionRange struct {
	duration bool
	// min and max bound the value: a count, or a duration in
	// milliseconds. max 0: no bound above.
	min, max int64
	// also is the values taken outside [min, max], each with what it
	// means: "0 for go-redis's default".
	also map[int64]string
}

// Bounds of the options (see optionRanges). The durations, in
// milliseconds, are the Redis client's own, as Timeout is: no member
// ever sees them.
const (
	maxConns     = 10_000 // Redis's default maxclients
	maxRetries   = 10
	maxBuffer    = 16 << 20
	minTimeoutMS = 100
	maxTimeoutMS = 60_000
	maxBackoffMS = 10_000
	oneSecondMS  = 1000
	defaultValue = "0 for the default"
)

// optionRanges holds every numeric option go-redis's URL parsers read.
// A boolean or text option, and one a parser does not know, is left to
// go-redis, which refuses what it cannot read.
var optionRanges = map[string]optionRange{
	"db":       {min: 0, max: math.MaxInt32},
	"protocol": {min: 2, max: 3},

	// Timeouts: go-redis reads 0 or less as none.
	"dial_timeout":  {duration: true, min: minTimeoutMS, max: maxTimeoutMS},
	"read_timeout":  {duration: true, min: minTimeoutMS, max: maxTimeoutMS},
	"write_timeout": {duration: true, min: minTimeoutMS, max: maxTimeoutMS},
	"pool_timeout":  {duration: true, min: minTimeoutMS, max: maxTimeoutMS},

	// Pauses between tries: 0 is none.
	"min_retry_backoff":    {duration: true, min: 0, max: maxBackoffMS},
	"max_retry_backoff":    {duration: true, min: 0, max: maxBackoffMS},
	"dialer_retry_timeout": {duration: true, min: 0, max: maxBackoffMS},

	// A connection's age and idle time: 0 is no limit.
	"conn_max_idle_time":       {duration: true, min: oneSecondMS, also: map[int64]string{0: "0 for no limit"}},
	"idle_timeout":             {duration: true, min: oneSecondMS, also: map[int64]string{0: "0 for no limit"}},
	"conn_max_lifetime":        {duration: true, min: oneSecondMS, also: map[int64]string{0: "0 for no limit"}},
	"max_conn_age":             {duration: true, min: oneSecondMS, also: map[int64]string{0: "0 for no limit"}},
	"conn_max_lifetime_jitter": {duration: true, min: 0},

	"route_by_latency_tolerance": {duration: true, min: 0, max: maxTimeoutMS},

	// Counts: 0 is go-redis's default, or mentorbot's (store.timeouts).
	"max_retries":                {min: 1, max: maxRetries, also: map[int64]string{0: defaultValue, -1: "-1 for none"}},
	"max_redirects":              {min: 1, max: 64, also: map[int64]string{0: defaultValue, -1: "-1 for none"}},
	"dialer_retries":             {min: 1, max: maxRetries, also: map[int64]string{0: defaultValue}},
	"pool_size":                  {min: 1, max: maxConns, also: map[int64]string{0: defaultValue}},
	"max_concurrent_dials":       {min: 1, max: maxConns, also: map[int64]string{0: defaultValue}},
	"min_idle_conns":             {min: 0, max: maxConns},
	"max_idle_conns":             {min: 1, max: maxConns, also: map[int64]string{0: "0 for no limit"}},
	"max_active_conns":           {min: 1, max: maxConns, also: map[int64]string{0: "0 for no limit"}},
	"pipeline_pool_size":         {min: 1, max: maxConns, also: map[int64]string{0: defaultValue, -1: "-1 for none"}},
	"pipeline_read_buffer_size":  {min: 1, max: maxBuffer, also: map[int64]string{0: defaultValue}},
	"pipeline_write_buffer_size": {min: 1, max: maxBuffer, also: map[int64]string{0: defaultValue}},
	"failing_timeout_seconds":    {min: 1, max: 3600, also: map[int64]string{0: defaultValue}},
}

// checkOptions refuses a numeric option of q that go-redis would read
// but mentorbot cannot run with, in a sentence that names the option. An
// empty value is go-redis's default, and taken.
func checkOptions(q url.Values) error {
	names := make([]string, 0, len(q))
	for name := range q {
		names = append(names, name)
	}
	slices.Sort(names) // one error, the same whatever the map's order
	for _, name := range names {
		r, ok := optionRanges[name]
		if !ok {
			continue
		}
		for _, v := range q[name] {
			if v == "" {
				continue
			}
			if err := r.check(name, v); err != nil {
				return err
			}
		}
	}
	return nil
}

// check reads v as go-redis does (a duration: Go's, or a whole number of
// seconds) and refuses it outside the range.
func (r optionRange) check(name, v string) error {
	n, big, ok := r.read(v)
	lo, hi := r.bounds()
	if ok && !big {
		if _, also := r.also[n]; also || n >= lo && (hi == 0 || n <= hi) {
			return nil
		}
	}
	return fmt.Errorf("want %s= %s, got %s%s", name, r.want(), quoteValue(v), r.why(name, n, big, ok))
}

// bounds are min and max as read returns values: in nanoseconds for a
// duration.
func (r optionRange) bounds() (lo, hi int64) {
	if r.duration {
		return r.min * int64(time.Millisecond), r.max * int64(time.Millisecond)
	}
	return r.min, r.max
}

// read reads v as go-redis does; big is a value past what an int64
// holds.
func (r optionRange) read(v string) (n int64, big, ok bool) {
	i, err := strconv.ParseInt(v, 10, 64)
	if ne, isNum := err.(*strconv.NumError); isNum && ne.Err == strconv.ErrRange {
		return sign(v), true, true
	}
	if !r.duration {
		return i, false, err == nil
	}
	if err == nil { // a plain number is seconds
		if i > math.MaxInt64/int64(time.Second) || i < math.MinInt64/int64(time.Second) {
			return sign(v), true, true
		}
		return i * int64(time.Second), false, true
	}
	d, err := time.ParseDuration(v)
	if err != nil {
		// time.ParseDuration says "invalid" of a duration too large:
		// a number with a unit that reads is one.
		if durationSyntax.MatchString(v) {
			return sign(v), true, true
		}
		return 0, false, false
	}
	return int64(d), false, true
}

// durationSyntax is Go's duration syntax, without its bounds.
var durationSyntax = regexp.MustCompile(`^[-+]?(?:(?:\d+\.?\d*|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$`)

// want is the range, as the refusal says it.
func (r optionRange) want() string {
	format := func(n int64) string { return strconv.FormatInt(n, 10) }
	what := "a whole number"
	if r.duration {
		format, what = shortDuration, "a duration (like 2s, or a whole number of seconds)"
	}
	lo, hi := r.bounds()
	var s string
	switch {
	case hi == 0:
		s = fmt.Sprintf("%s of at least %s", what, format(lo))
	case lo == hi-1 && !r.duration:
		s = fmt.Sprintf("%s or %s", format(lo), format(hi))
	default:
		s = fmt.Sprintf("%s from %s to %s", what, format(lo), format(hi))
	}
	keys := make([]int64, 0, len(r.also))
	for k := range r.also {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range slices.Backward(keys) {
		s += ", or " + r.also[k]
	}
	return s
}

// why says, after the value refused, what go-redis would have done with
// it, where that is not plain.
func (r optionRange) why(name string, n int64, big, ok bool) string {
	lo, _ := r.bounds()
	switch {
	case !ok:
		return ""
	case big && n < 0:
		return ", too small"
	case big:
		return ", too large"
	case r.duration && lo > 0 && n <= 0 && r.also == nil:
		return ": go-redis takes 0 or less as no timeout, and a Redis that froze would then hold every call"
	case name == "db" && n < 0:
		return ": go-redis would silently use database 0"
	case n < lo:
		return ", too small"
	}
	return ", too large"
}

// plainValue is a value fit to be quoted back: a number or a duration,
// not a secret pasted in the wrong place.
var plainValue = regexp.MustCompile(`^[-+]?[0-9.][0-9a-zµμ.]{0,23}$`)

func quoteValue(v string) string {
	if plainValue.MatchString(v) {
		return strconv.Quote(v)
	}
	return "a value that is no number (not shown)"
}

// checkDB refuses a negative database number, which go-redis takes and
// then never selects (it selects only above 0): the bot would run on
// database 0. where is where the URL names it.
func checkDB(db int, where string) error {
	if db < 0 {
		return fmt.Errorf("want a database number of 0 or more %s, got %d: go-redis would silently use database 0", where, db)
	}
	return nil
}

// sign is -1 for a value written negative, else 0: with big, whether a
// value out of range is too small or too large.
func sign(v string) int64 {
	if strings.HasPrefix(v, "-") {
		return -1
	}
	return 0
}

// shortDuration writes n nanoseconds as a refusal says it: 100ms, 10s,
// 1m (time.Duration's 1m0s without its zeros).
func shortDuration(n int64) string {
	s := time.Duration(n).String()
	for _, zero := range []string{"m0s", "h0m"} {
		if t, ok := strings.CutSuffix(s, zero); ok {
			s = t + zero[:1]
		}
	}
	return s
}
