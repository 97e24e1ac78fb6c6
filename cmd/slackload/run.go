package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"text/tabwriter"
	"time"

	slackadapter "github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/store"
)

type config struct {
	RedisURL         string
	Rate, Clients    int
	Rounds           int
	Duration, Warmup time.Duration
	Commands         []string      // the texts after /mentor, one target each
	Only             []string      // measure only these targets: "baseline" or a command
	Inline           time.Duration // the adapter's InlineBudget
	// Directory is how many users of each mentorbot target are members
	// of the fake workspace's directory, which the adapter reads with
	// users.list at start; 0: none, and every profile comes from
	// users.info.
	Directory int
	// Pool is what the workspace is filled with before the measures;
	// Pool.Offers 0 measures an empty workspace.
	Pool pool
	// InProcess runs mentorbot in this process; otherwise it runs in a
	// process of its own (child.go), whose profiles are BotCPUProfile and
	// BotMemProfile.
	InProcess                    bool
	BotCPUProfile, BotMemProfile string
	BotMemLimit                  string // GOMEMLIMIT of mentorbot's process
}

// run measures the baseline and mentorbot with each command, at a fixed
// rate then at saturation, and prints the report. Each load runs in
// rounds that go through every target in turn, so that a noisy neighbour
// on the machine weighs on all alike; the report keeps the median round
// of each.
func run(ctx context.Context, cfg config, out io.Writer) error {
	var fake *slackfake.Server
	side("slack", func() { fake = slackfake.New() })
	defer fake.Close()
	fake.AnyUser()
	fake.SetRecording(false)
	st, err := store.Open(ctx, cfg.RedisURL)
	if err != nil {
		return fmt.Errorf("redis at %s: %w", cfg.RedisURL, err)
	}
	defer st.Close()
	var base server
	side("baseline", func() { base, err = startBaseline(st) })
	if err != nil {
		return err
	}
	defer base.close()
	g := &generator{team: newTeam(), responseURL: fake.ResponseURL("load")}
	fake.SetTeam(g.team)
	targets := []target{{name: "baseline", url: base.url, text: cfg.Commands[0], prefix: "UB", users: new(atomic.Int64)}}
	for i, text := range cfg.Commands {
		targets = append(targets, target{name: "mentorbot", text: text, mentorbot: true, prefix: fmt.Sprintf("UM%d", i), users: new(atomic.Int64)})
	}
	members := 0
	if cfg.Pool.Offers > 0 {
		members += cfg.Pool.addPoolUsers(fake)
	}
	if cfg.Directory < 0 {
		// As many as the adapter's profile cache keeps: past it, the
		// cache drops members at random and a measured command would
		// pay a users.info call that its workspace's size, not
		// mentorbot's work, decides.
		cfg.Directory = max(0, (slackadapter.MaxProfiles-members)/len(cfg.Commands))
	}
	for _, t := range targets {
		if t.mentorbot {
			for i := range cfg.Directory {
				id := userID(t.prefix, int64(i+1))
				fake.AddUser(slackfake.User{ID: id, Name: "load", RealName: "Load " + id, TZ: "Europe/Paris", Locale: "fr-FR"})
				members++
			}
		}
	}
	var mb botProcess
	if cfg.InProcess {
		side("mentorbot", func() { mb.server, err = startMentorbot(ctx, st, fake.APIURL(), cfg.Inline, cfg.Directory > 0) })
	} else {
		mb, err = startBotProcess(childConfig{RedisURL: cfg.RedisURL, APIURL: fake.APIURL(), Inline: cfg.Inline,
			Directory: cfg.Directory > 0, CPUProfile: cfg.BotCPUProfile, MemProfile: cfg.BotMemProfile, MemLimit: cfg.BotMemLimit})
	}
	if err != nil {
		return err
	}
	defer mb.close()
	if members > 0 {
		start := time.Now()
		pages := (members + 199) / 200
		if got := drain(func() int { return fake.Succeeded("users.list") }, pages); got < pages {
			return fmt.Errorf("the adapter read %d pages of the directory, want %d", got, pages)
		}
		time.Sleep(100 * time.Millisecond) // the last page, answered, is being cached
		fmt.Fprintf(out, "slackload: the adapter read the directory (%d members) in %s\n", members, time.Since(start).Round(time.Millisecond))
	}
	for i := range targets {
		if targets[i].mentorbot {
			targets[i].url = mb.url
		}
	}
	defer func() {
		// A context of its own: an interrupted run cleans up too.
		cctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if n, err := cleanup(cctx, st, g.team); err != nil {
			fmt.Fprintf(out, "slackload: cleaning up workspace %s: %v (after %d keys)\n", g.team, err, n)
		}
	}()

	if len(cfg.Only) > 0 {
		targets = slices.DeleteFunc(targets, func(t target) bool {
			return !slices.Contains(cfg.Only, t.label()) && (!t.mentorbot || !slices.Contains(cfg.Only, t.text))
		})
		if len(targets) == 0 {
			return fmt.Errorf("-only %q: no such target", cfg.Only)
		}
	}

	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 4 * cfg.Clients, DisableCompression: true}, Timeout: 10 * time.Second}
	fmt.Fprintf(out, "slackload: /mentor %s; %d rounds of %s per target and load, after %s warm-up; Redis %s; GOMAXPROCS %d\n\n",
		quoteAll(cfg.Commands), cfg.Rounds, cfg.Duration, cfg.Warmup, cfg.RedisURL, runtime.GOMAXPROCS(0))
	// At a fixed rate every round has the same throughput: its median
	// round is the one of median p99. At saturation, of median throughput.
	loads := []struct {
		load load
		key  func(result) float64
	}{
		{fixedRate(client, cfg.Rate), func(r result) float64 { return float64(r.pct(0.99)) }},
		{saturate(client, cfg.Clients), result.served},
	}
	m := &meter{cfg: cfg, g: g, fake: fake}
	var empty [][]result
	if cfg.Pool.Offers > 0 {
		// The offers, measured first on the empty workspace: the pool's
		// cost for them is their time after the fill against this.
		var offers []target
		for _, t := range targets {
			if t.mentorbot && strings.HasPrefix(t.text, "offer") {
				t.empty = true
				offers = append(offers, t)
			}
		}
		for _, l := range loads {
			rs, err := m.rounds(ctx, offers, l.load, l.key)
			if err != nil {
				return err
			}
			empty = append(empty, rs)
		}
		if err := cfg.Pool.fill(ctx, out, client, g, mb.url, m); err != nil {
			return err
		}
	}
	if mb.measure != nil {
		mb.measure()
	}
	doneBefore := m.done()
	var results [][]result
	for i, l := range loads {
		rs, err := m.rounds(ctx, targets, l.load, l.key)
		if err != nil {
			return err
		}
		if empty != nil {
			rs = append(rs, empty[i]...)
		}
		results = append(results, rs)
	}
	report(out, results)
	if cfg.InProcess {
		fmt.Fprintf(out, "\nslackload: peak RSS of the whole process (load, fake Slack, baseline and mentorbot): %d MiB\n", peakRSSOf("self"))
	} else {
		fmt.Fprintf(out, "\nslackload: peak RSS of mentorbot's process: %d MiB; of the load's process (load, fake Slack, baseline): %d MiB\n",
			peakRSSOf(strconv.Itoa(mb.pid)), peakRSSOf("self"))
		if cfg.BotCPUProfile != "" {
			fmt.Fprintf(out, "slackload: mentorbot's CPU profile (%s) covers the measures after the pool's fill: %d commands done\n", cfg.BotCPUProfile, m.done()-doneBefore)
		}
	}
	return nil
}

// rounds measures each target in cfg.Rounds rounds that go through the
// targets in turn, and returns each one's median round by key.
func (m *meter) rounds(ctx context.Context, targets []target, l load, key func(result) float64) ([]result, error) {
	rounds := make([][]result, len(targets))
	for range m.cfg.Rounds {
		for i, t := range targets {
			rounds[i] = append(rounds[i], m.measure(ctx, t, l))
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
		}
	}
	var medians []result
	for i := range targets {
		medians = append(medians, median(rounds[i], key))
	}
	return medians, nil
}

// label names a target in the report and for -only.
func (t target) label() string {
	if !t.mentorbot {
		return t.name
	}
	if t.empty {
		return t.name + " " + t.text + " (empty workspace)"
	}
	return t.name + " " + t.text
}

func quoteAll(texts []string) string {
	q := make([]string, len(texts))
	for i, s := range texts {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, " and ")
}

// meter runs measured loads, keeping count of the commands mentorbot
// acknowledged so that it can wait for their work to be done.
type meter struct {
	cfg  config
	g    *generator
	fake *slackfake.Server
	// acked is how many commands mentorbot took in (acknowledged, not
	// busy); inline how many of those acks carried the reply.
	acked, inline int
}

// done is how many of mentorbot's commands have done their work: a reply
// carried by the ack, a form opened (views.open answered ok) or a reply
// posted to response_url.
func (m *meter) done() int {
	return m.inline + m.fake.Succeeded("views.open") + m.fake.Succeeded("response_url")
}

// measure warms the target up, then measures one round. For mentorbot it
// also waits for the work after the acks, and counts it.
func (m *meter) measure(ctx context.Context, t target, l load) result {
	next := func() *http.Request { return m.g.request(t.url, t.text, t.nextUser()) }
	var w result
	side("load", func() { w = l(ctx, next, m.cfg.Warmup) })
	if t.mentorbot {
		m.acked, m.inline = m.acked+w.sent-w.failed-w.busy, m.inline+w.inline
		drain(m.done, m.acked)
	}
	before := m.done()
	start := time.Now()
	var r result
	side("load", func() { r = l(ctx, next, m.cfg.Duration) })
	r.target = t.label()
	if t.mentorbot {
		m.acked, m.inline = m.acked+r.sent-r.failed-r.busy, m.inline+r.inline
		r.completed = drain(m.done, m.acked) - before
		r.workTime = time.Since(start)
	}
	return r
}

// median returns the round of median key.
func median(rs []result, key func(result) float64) result {
	slices.SortFunc(rs, func(a, b result) int { return cmp.Compare(key(a), key(b)) })
	return rs[len(rs)/2]
}

// report prints one line per load and target, mentorbot's with ratios to
// the baseline's of the same load.
func report(out io.Writer, results [][]result) {
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "target\tload\tsent\tfailed\tbusy\tacks/s\ttaken in/s\tp50\tp99\ttaken in vs baseline\tp99 vs baseline\tinline\twork done/s\t")
	for _, rs := range results {
		var base *result
		for i, r := range rs {
			ratio, p99ratio, inline, work := "", "", "", ""
			if r.target == "baseline" {
				base = &rs[i]
			} else {
				if base != nil {
					ratio = fmt.Sprintf("%.2fx", r.served()/base.served())
					p99ratio = fmt.Sprintf("%.2fx", float64(r.pct(0.99))/float64(base.pct(0.99)))
				}
				inline = fmt.Sprint(r.inline)
				work = fmt.Sprintf("%.0f (%d/%d)", float64(r.completed)/r.workTime.Seconds(), r.completed, r.sent-r.failed-r.busy)
			}
			fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%.0f\t%.0f\t%s\t%s\t%s\t%s\t%s\t%s\t\n", r.target, r.mode, r.sent, r.failed, r.busy,
				r.throughput(), r.served(), ms(r.pct(0.50)), ms(r.pct(0.99)), ratio, p99ratio, inline, work)
		}
	}
	tw.Flush()
	fmt.Fprintln(out, "\nacks: HTTP 200 answers to signed commands, in the median round (by p99 at a fixed")
	fmt.Fprintln(out, "rate, by taken in/s at saturation). busy: acks that said every job slot was taken (the")
	fmt.Fprintln(out, "command did not run); taken in: the other acks. inline: acks that carried the reply.")
	fmt.Fprintln(out, "work done: replies carried inline, plus views.open and response_url calls that reached")
	fmt.Fprintln(out, "the fake Slack after the acks, over the round and its drain, of the commands taken in.")
	for _, rs := range results {
		for _, e := range rs {
			name, ok := strings.CutSuffix(e.target, " (empty workspace)")
			if !ok {
				continue
			}
			for _, r := range rs {
				if r.target == name {
					fmt.Fprintf(out, "%s, %s: %.2fx the throughput (taken in) and %.2fx the p99 of an empty workspace\n",
						name, r.mode, r.served()/e.served(), float64(r.pct(0.99))/float64(e.pct(0.99)))
				}
			}
		}
	}
}

// side runs f with the pprof label side=name, which every goroutine it
// starts inherits: a CPU profile (-cpuprofile) then tells apart the CPU of
// the load generator, the fake Slack, the baseline and mentorbot
// (go tool pprof -tags).
func side(name string, f func()) {
	pprof.Do(context.Background(), pprof.Labels("side", name), func(context.Context) { f() })
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2fms", float64(d)/float64(time.Millisecond)) }
