package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"slices"
	"text/tabwriter"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/store"
)

type config struct {
	RedisURL         string
	Rate, Clients    int
	Rounds           int
	Duration, Warmup time.Duration
	Text             string
}

// measureFunc runs one load against url for d.
type measureFunc func(url string, d time.Duration) result

// run measures both targets, at a fixed rate then at saturation, and
// prints the report. Each load runs in rounds that alternate the
// baseline and mentorbot, so that a noisy neighbour on the machine weighs
// on both alike; the report keeps the median round of each.
func run(ctx context.Context, cfg config, out io.Writer) error {
	fake := slackfake.New()
	defer fake.Close()
	fake.AnyUser()
	fake.SetRecording(false)
	st, err := store.Open(ctx, cfg.RedisURL)
	if err != nil {
		return fmt.Errorf("redis at %s: %w", cfg.RedisURL, err)
	}
	defer st.Close()
	base, err := startBaseline(st)
	if err != nil {
		return err
	}
	defer base.close()
	mb, err := startMentorbot(ctx, st, fake)
	if err != nil {
		return err
	}
	defer mb.close()

	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 4 * cfg.Clients, DisableCompression: true}, Timeout: 10 * time.Second}
	g := &generator{team: newTeam(), text: cfg.Text, responseURL: fake.ResponseURL("load")}
	fmt.Fprintf(out, "slackload: /mentor %q; %d rounds of %s per target and load, after %s warm-up; Redis %s; GOMAXPROCS %d\n\n",
		cfg.Text, cfg.Rounds, cfg.Duration, cfg.Warmup, cfg.RedisURL, runtime.GOMAXPROCS(0))
	// At a fixed rate every round has the same throughput: its median
	// round is the one of median p99. At saturation, of median throughput.
	loads := []struct {
		measure measureFunc
		key     func(result) float64
	}{
		{func(url string, d time.Duration) result { return fixedRate(ctx, client, g, url, cfg.Rate, d) },
			func(r result) float64 { return float64(r.pct(0.99)) }},
		{func(url string, d time.Duration) result { return saturate(ctx, client, g, url, cfg.Clients, d) },
			result.throughput},
	}
	m := &meter{cfg: cfg}
	var results []result
	for _, load := range loads {
		rounds := map[string][]result{}
		for range cfg.Rounds {
			for _, t := range []target{base, mb} {
				rounds[t.name] = append(rounds[t.name], m.measure(t, load.measure))
				if ctx.Err() != nil {
					return ctx.Err()
				}
			}
		}
		results = append(results, median(rounds[base.name], load.key), median(rounds[mb.name], load.key))
	}
	report(out, results)
	return nil
}

// meter runs measured loads, keeping count of the commands mentorbot
// acknowledged so that it can wait for their work to be done.
type meter struct {
	cfg   config
	acked int
}

// measure warms the target up, then measures one round. For mentorbot it
// also waits for the work after the acks, and counts it.
func (m *meter) measure(t target, load measureFunc) result {
	w := load(t.url, m.cfg.Warmup)
	if t.done != nil {
		m.acked += w.sent - w.failed
		drain(t, m.acked)
	}
	before := 0
	if t.done != nil {
		before = t.done()
	}
	start := time.Now()
	r := load(t.url, m.cfg.Duration)
	r.target = t.name
	if t.done != nil {
		m.acked += r.sent - r.failed
		r.completed = drain(t, m.acked) - before
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
// the baseline's.
func report(out io.Writer, results []result) {
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "target\tload\tsent\tfailed\tacks/s\tp50\tp99\tacks/s vs baseline\tp99 vs baseline\twork done/s\t")
	var base result
	for _, r := range results {
		ratio, p99ratio, work := "", "", ""
		if r.target == "baseline" {
			base = r
		} else {
			ratio = fmt.Sprintf("%.2fx", r.throughput()/base.throughput())
			p99ratio = fmt.Sprintf("%.2fx", float64(r.pct(0.99))/float64(base.pct(0.99)))
			work = fmt.Sprintf("%.0f (%d/%d)", float64(r.completed)/r.workTime.Seconds(), r.completed, r.sent-r.failed)
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%.0f\t%s\t%s\t%s\t%s\t%s\t\n", r.target, r.mode, r.sent, r.failed,
			r.throughput(), ms(r.pct(0.50)), ms(r.pct(0.99)), ratio, p99ratio, work)
	}
	tw.Flush()
	fmt.Fprintln(out, "\nacks: HTTP 200 answers to signed commands, in the median round (by p99 at a")
	fmt.Fprintln(out, "fixed rate, by throughput at saturation). work done: the commands' views.open or")
	fmt.Fprintln(out, "response_url calls reaching the fake Slack after the acks, over the round and its drain.")
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2fms", float64(d)/float64(time.Millisecond)) }
