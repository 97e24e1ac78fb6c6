// Command mentorload plays a simulated mentoring program against three
// real mentorbot replicas (go build-ed processes) on one Redis, through
// signed Slack requests and a recording fake Slack Web API, while it
// injects faults, and then checks from the recorded sends that every
// expected message reached its member exactly once and that no acked
// action was lost.
//
//	go run ./cmd/mentorload                          # 1,000 mentees, 300 mentors
//	go run ./cmd/mentorload -mentees 200 -mentors 60 # smaller
//
// Mentors offer, mentees request, mentors accept the proposals, both
// members accept the charter, answer the check-in and the mid and end
// surveys. The follow-up delays are shortened through the MENTORBOT_*
// variables (the clock is real: a 90-second program, a job lease of 20 s,
// longer than the Redis stop, and a job retry of 5 s), and the replicas
// tick every second. A member whose command or click is answered "busy"
// or "database down" (nothing was done) tries again, as a person would.
//
// By default the tool starts its own redis-server on a free port (it
// needs redis-server on PATH): only then can it stop Redis. With -redis
// URL it uses that Redis, in a fresh workspace, and never stops it.
//
// Faults, each behind a flag and on by default: -kill (one replica
// SIGKILLed, restarted 2 s later), -redis-stop (Redis shut down, saving,
// for 10 s, then restarted on its port), -api-fault (the Web API answers
// 429 with Retry-After and 500, alternately, for 20 s), -response-fault
// (response_url accepts connections and never answers, for 20 s).
//
// Exits 1 if anything was lost or doubled, 2 if the run could not be
// played.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"
)

type config struct {
	Mentees, Mentors, Topics int
	RedisURL                 string
	Bin                      string
	Replicas                 int
	Kill, RedisStop          bool
	APIFault, ResponseFault  bool
	FaultAt                  time.Duration
	Settle                   time.Duration
	Clients                  int
	KeepLogs                 bool
	CheckinAfter, Program    time.Duration
	JobRetry                 time.Duration
}

func main() {
	var c config
	flag.IntVar(&c.Mentees, "mentees", 1000, "mentees, each requesting once")
	flag.IntVar(&c.Mentors, "mentors", 300, "mentors, each offering once")
	flag.IntVar(&c.Topics, "topics", 10, "topics the offers and requests are spread over")
	flag.StringVar(&c.RedisURL, "redis", "", "use this Redis (a fresh workspace in it) instead of starting redis-server on a free port; Redis is then never stopped")
	flag.StringVar(&c.Bin, "bin", "", "a built mentorbot binary (default: go build ./cmd/mentorbot into a temporary directory)")
	flag.IntVar(&c.Replicas, "replicas", 3, "mentorbot processes")
	flag.BoolVar(&c.Kill, "kill", true, "SIGKILL one replica during the run and restart it")
	flag.BoolVar(&c.RedisStop, "redis-stop", true, "stop Redis for 10 s during the run (only the tool's own redis-server)")
	flag.BoolVar(&c.APIFault, "api-fault", true, "the Web API answers 429 with Retry-After and 500 for 20 s")
	flag.BoolVar(&c.ResponseFault, "response-fault", true, "response_url answers nothing for 20 s")
	flag.DurationVar(&c.FaultAt, "fault-at", 3*time.Second, "when the first fault starts, after the first command; the others follow 25 s apart")
	flag.DurationVar(&c.Settle, "settle", 2*time.Minute, "how long to wait, after the last fault and one program length, for the program to finish")
	flag.DurationVar(&c.JobRetry, "job-retry", 5*time.Second, "MENTORBOT_JOB_RETRY: how long a job that failed during a fault waits before its next try")
	flag.IntVar(&c.Clients, "clients", 16, "concurrent Slack clients (commands and clicks)")
	flag.DurationVar(&c.CheckinAfter, "checkin-after", 20*time.Second, "MENTORBOT_CHECKIN_AFTER")
	flag.DurationVar(&c.Program, "program-length", 90*time.Second, "MENTORBOT_PROGRAM_LENGTH (mid survey halfway, end survey at the end): short, so that the follow-up falls during the faults; longer than the job retry, so that a follow-up that failed during a fault is retried before the pair ends")
	flag.BoolVar(&c.KeepLogs, "keep-logs", false, "keep the replicas' logs and print where")
	flag.Parse()
	if c.RedisURL == "" {
		c.RedisURL = os.Getenv("MENTORLOAD_REDIS")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	code, err := run(ctx, c, os.Stdout)
	if err != nil {
		fmt.Fprintln(os.Stderr, "mentorload:", err)
		os.Exit(2)
	}
	os.Exit(code)
}
