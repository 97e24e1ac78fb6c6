package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
)

// generator builds signed slash commands, each with its own user and
// trigger_id, as Slack would send them.
type generator struct {
	team, text, responseURL string
	n                       atomic.Int64
}

func (g *generator) request(url string) *http.Request {
	i := g.n.Add(1)
	c := slackfake.Command{
		Team: g.team, User: fmt.Sprintf("UL%08d", i), UserName: "load", Channel: "CLOAD",
		Text: g.text, ResponseURL: g.responseURL, TriggerID: fmt.Sprintf("load.%d.%s", i, g.team),
	}
	return slackfake.NewRequest(url, secret, time.Now(), c.Body())
}

// result is one measured run.
type result struct {
	target, mode string
	sent, failed int
	elapsed      time.Duration
	lat          []time.Duration // sorted
	// completed is how many commands finished their work after the ack,
	// and workTime how long from the start of the run until the last did.
	completed int
	workTime  time.Duration
}

func (r result) throughput() float64 { return float64(r.sent-r.failed) / r.elapsed.Seconds() }

func (r result) pct(p float64) time.Duration {
	if len(r.lat) == 0 {
		return 0
	}
	return r.lat[min(len(r.lat)-1, int(float64(len(r.lat))*p))]
}

// send posts one request and reports its latency, up to the last byte of
// the answer, and whether it was a 200.
func send(client *http.Client, req *http.Request) (time.Duration, bool) {
	start := time.Now()
	res, err := client.Do(req)
	if err != nil {
		return time.Since(start), false
	}
	_, _ = io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return time.Since(start), res.StatusCode == http.StatusOK
}

// fixedRate sends rate requests per second for d, each at its scheduled
// time whatever the previous ones are doing (an open loop, as Slack
// sends them).
func fixedRate(ctx context.Context, client *http.Client, g *generator, url string, rate int, d time.Duration) result {
	n := int(d.Seconds() * float64(rate))
	interval := time.Second / time.Duration(rate)
	lat := make([]time.Duration, n)
	ok := make([]bool, n)
	var wg sync.WaitGroup
	start := time.Now()
	for i := 0; i < n && ctx.Err() == nil; i++ {
		time.Sleep(time.Until(start.Add(time.Duration(i) * interval)))
		req := g.request(url)
		wg.Go(func() { lat[i], ok[i] = send(client, req) })
	}
	wg.Wait()
	return collect(fmt.Sprintf("%d/s", rate), lat, ok, time.Since(start))
}

// saturate runs clients closed loops, each sending its next request as
// soon as the previous is answered, for d.
func saturate(ctx context.Context, client *http.Client, g *generator, url string, clients int, d time.Duration) result {
	var mu sync.Mutex
	var lat []time.Duration
	var ok []bool
	var wg sync.WaitGroup
	start := time.Now()
	deadline := start.Add(d)
	for range clients {
		wg.Go(func() {
			var l []time.Duration
			var o []bool
			for time.Now().Before(deadline) && ctx.Err() == nil {
				t, good := send(client, g.request(url))
				l, o = append(l, t), append(o, good)
			}
			mu.Lock()
			lat, ok = append(lat, l...), append(ok, o...)
			mu.Unlock()
		})
	}
	wg.Wait()
	return collect(fmt.Sprintf("%d clients", clients), lat, ok, time.Since(start))
}

func collect(mode string, lat []time.Duration, ok []bool, elapsed time.Duration) result {
	r := result{mode: mode, sent: len(lat), elapsed: elapsed, lat: lat}
	for _, good := range ok {
		if !good {
			r.failed++
		}
	}
	slices.Sort(r.lat)
	return r
}

// drain waits until the target has finished the work of every command it
// acknowledged (want in all), for at most 60 s, and returns how many did.
func drain(t target, want int) int {
	deadline := time.Now().Add(60 * time.Second)
	for t.done() < want && time.Now().Before(deadline) {
		time.Sleep(2 * time.Millisecond)
	}
	return t.done()
}
