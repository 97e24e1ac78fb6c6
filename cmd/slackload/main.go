// Command slackload measures how fast mentorbot's Slack endpoint
// acknowledges slash commands, against a baseline, on loopback.
//
// It starts, in one process: a fake Slack Web API (slackfake), mentorbot's
// Slack adapter and bot on a real Redis (REDIS_URL) behind a plain
// net/http server, and the baseline: a bare net/http handler that verifies
// the signature and makes one Redis round trip. Then it sends signed
// /mentor commands, each with its own user and trigger_id, at a fixed rate
// and at saturation, and reports throughput and p50/p99 ack latency, with
// mentorbot's figures as ratios to the baseline's, for each command.
//
// Before it measures, it fills the workspace with a realistic pool
// (-pool-offers 5,000 mentors over -pool-topics 200 topics, 5 % of them on
// the topic the measured request asks for and all on one shared topic, and
// -pool-waiting 1,000 requests that stay waiting), through the same signed
// commands. The offer command is measured on the empty workspace first,
// then again on the full one. By default the commands are a request on the
// topic of 250 mentors, a request on the topic of 5,000, an offer, and
// "status"; "-command request" measures the form. It also counts the work
// done (replies carried inline, views.open and response_url calls reaching
// the fake), which the ack latency alone does not show, and prints the
// process's peak RSS.
//
//	REDIS_URL=redis://127.0.0.1:6379/0 go run ./cmd/slackload
//	go run ./cmd/slackload -rate 500 -clients 32 -rounds 3 -duration 2s -command status -command request
//	go run ./cmd/slackload -only "request topic000 language:en" -bot-cpuprofile bot.prof
//	go run ./cmd/slackload -in-process -cpuprofile all.prof && go tool pprof -tags all.prof    # CPU by side
//
// The users of mentorbot's commands are members of the fake workspace
// (-directory of them for each command), which the adapter reads with
// users.list as it starts, as it would a real workspace's: their first
// command needs no users.info call. By default, as many as the adapter's
// profile cache holds (250,000 members, the pool's included): past it the
// cache drops members at random, and about a third of the commands paid a
// users.info call when each command had 80,000. -directory 0 measures
// without the directory.
//
// mentorbot runs in a process of its own (this program started again with
// -bot-child, in front of this process's fake Slack), so that the report
// gives its peak RSS apart from the load generator's and the fake's;
// -bot-cpuprofile profiles it over the measures after the pool's fill, and
// -bot-memprofile writes its live heap at its peak RSS. -in-process runs it
// here, as before. SLACKLOAD_LOG=1 sends its log (IDs, no text) to stderr.
//
// An ack that says every job slot is taken (the adapter's bulkhead: the
// command did not run) counts as "busy", not as taken in: the ratio to the
// baseline is of the commands taken in.
//
// Every run uses a fresh workspace ID, so it never meets real data, and
// removes whatever its commands wrote under that workspace at the end.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"runtime/pprof"
	"time"
)

func main() {
	cfg := config{}
	flag.StringVar(&cfg.RedisURL, "redis", envOr("REDIS_URL", "redis://127.0.0.1:6379/0"), "Redis URL (REDIS_URL)")
	flag.IntVar(&cfg.Rate, "rate", 500, "commands per second in the fixed-rate run")
	flag.IntVar(&cfg.Clients, "clients", 32, "concurrent clients in the saturation run")
	flag.DurationVar(&cfg.Duration, "duration", 2*time.Second, "length of each measured round")
	flag.IntVar(&cfg.Rounds, "rounds", 3, "rounds per target and load, alternating the targets")
	flag.DurationVar(&cfg.Warmup, "warmup", 500*time.Millisecond, "unmeasured warm-up before each run")
	flag.Func("command", "the text after /mentor of a measured command; repeat for several (default status, then request)", func(s string) error {
		cfg.Commands = append(cfg.Commands, s)
		return nil
	})
	flag.DurationVar(&cfg.Inline, "inline", 0, "how long a command's ack may wait to carry the reply (the adapter's InlineBudget; 0, the default: never)")
	flag.IntVar(&cfg.Directory, "directory", -1, "users of each mentorbot command who are members of the fake workspace's directory (users.list), read by the adapter at start; -1: as many as the adapter's profile cache holds beside the pool's; 0: none, every profile from users.info")
	flag.IntVar(&cfg.Pool.Offers, "pool-offers", 5000, "mentors the workspace is filled with before the measures (0: an empty workspace)")
	flag.IntVar(&cfg.Pool.Topics, "pool-topics", 200, "topics the pool's offers are spread over")
	flag.IntVar(&cfg.Pool.Waiting, "pool-waiting", 1000, "requests of the pool that stay waiting")
	flag.Float64Var(&cfg.Pool.Share, "pool-share", 0.05, "share of the pool's mentors who offer "+hotTopic+", the topic of the measured request")
	flag.Func("only", `measure only this target ("baseline" or a command's text), for a profile; repeat for several`, func(s string) error {
		cfg.Only = append(cfg.Only, s)
		return nil
	})
	flag.BoolVar(&cfg.InProcess, "in-process", false, "run mentorbot in this process rather than in a process of its own (its peak RSS is then not told apart)")
	flag.StringVar(&cfg.BotMemLimit, "bot-memlimit", "", `GOMEMLIMIT of mentorbot's process (e.g. "250MiB"), as an operator would set it; default: its environment's`)
	flag.StringVar(&cfg.BotCPUProfile, "bot-cpuprofile", "", "write a CPU profile of mentorbot's process to this file")
	flag.StringVar(&cfg.BotMemProfile, "bot-memprofile", "", "write a profile of the allocations and live heap of mentorbot's process, at its end, to this file")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of this process's whole run to this file (mentorbot's too with -in-process)")
	memprofile := flag.String("memprofile", "", "write a profile of the allocations of this process's whole run to this file")
	var child childConfig
	flag.StringVar(&child.APIURL, "bot-child", "", "internal: run only mentorbot, in front of the fake Slack API at this URL (the process slackload starts)")
	flag.BoolVar(&child.Directory, "bot-directory", true, "internal: with -bot-child, read the directory at start")
	flag.Parse()
	if child.APIURL != "" {
		child.RedisURL, child.Inline, child.CPUProfile, child.MemProfile = cfg.RedisURL, cfg.Inline, *cpuprofile, *memprofile
		if err := runBotChild(child); err != nil {
			fmt.Fprintln(os.Stderr, "slackload: the bot's process:", err)
			os.Exit(1)
		}
		return
	}
	if len(cfg.Commands) == 0 {
		cfg.Commands = defaultCommands
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fmt.Fprintln(os.Stderr, "slackload:", err)
			os.Exit(1)
		}
		_ = pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	if *memprofile != "" {
		runtime.MemProfileRate = 64 << 10
		defer writeHeapProfile(*memprofile)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, cfg, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "slackload:", err)
		pprof.StopCPUProfile()
		os.Exit(1)
	}
}

// defaultCommands are measured when no -command is given: a request on a
// topic 5 % of the pool offers (250 mentors), one on a topic every pool
// mentor offers (5,000), an offer (also measured on the empty workspace
// first), and status.
var defaultCommands = []string{
	"request " + hotTopic + " language:en",
	"request " + everyoneTopic + " language:en",
	"offer " + offerTopic + " languages:en",
	"status",
}

func writeHeapProfile(path string) {
	f, err := os.Create(path)
	if err == nil {
		err = pprof.Lookup("allocs").WriteTo(f, 0)
		f.Close()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "slackload:", err)
	}
}

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}
