package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"unicode/utf8"

	"context"
	"fmt"
	"github.com/mentorbot/mentorbot/bot"
	"io"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
)

// generator builds signed slash commands, each with its own user and
// trigger_id, as Slack would send them. Each target numbers its users
// apart (userID), so that no two commands of the run share one, and
// mentorbot's users can be members of the fake workspace's directory.
type generator struct {
	team, responseURL string
	n                 atomic.Int64 // trigger IDs
}

func (g *generator) request(url, text, user string) *http.Request {
	i := g.n.Add(1)
	c := slackfake.Command{
		Team: g.team, User: user, UserName: "load", Channel: "CLOAD",
		Text: text, ResponseURL: g.responseURL, TriggerID: fmt.Sprintf("load.%d.%s", i, g.team),
	}
	return slackfake.NewRequest(url, secret, time.Now(), c.Body())
}

// userID is the i-th user (from 1) of the target whose users start with
// prefix.
func userID(prefix string, i int64) string { return fmt.Sprintf("%s%08d", prefix, i) }

// result is one measured run.
type result struct {
	target, mode string
	sent, failed int
	// inline is how many acks carried the command's reply; busy how many
	// said the bot was busy instead (every job slot taken: the command
	// did not run), which neither counts as inline nor as work done.
	inline, busy int
	elapsed      time.Duration
	lat          []time.Duration // sorted
	// completed is how many commands finished their work (inline or
	// after the ack), and workTime how long from the start of the run
	// until the last did.
	completed int
	workTime  time.Duration
}

func (r result) throughput() float64 { return float64(r.sent-r.failed) / r.elapsed.Seconds() }

// served is the throughput of the acks that took the command in: those
// that did not say the bot was busy.
func (r result) served() float64 { return float64(r.sent-r.failed-r.busy) / r.elapsed.Seconds() }

func (r result) pct(p float64) time.Duration {
	if len(r.lat) == 0 {
		return 0
	}
	return r.lat[min(len(r.lat)-1, int(float64(len(r.lat))*p))]
}

// sample is one request's outcome.
type sample struct {
	lat              time.Duration
	ok, inline, busy bool
}

// inlineMark is how an ack that carries a reply begins its JSON, as the
// adapter writes it.
const inlineMark = `{"response_type":"ephemeral"`

// send posts one request and reports its latency, up to the last byte of
// the answer, whether it was a 200, and whether it carried the reply.
func send(client *http.Client, req *http.Request) sample {
	start := time.Now()
	res, err := client.Do(req)
	if err != nil {
		return sample{lat: time.Since(start)}
	}
	var buf [4 << 10]byte
	n, _ := io.ReadFull(res.Body, buf[:])
	_, _ = io.Copy(io.Discard, res.Body)
	res.Body.Close()
	s := sample{lat: time.Since(start), ok: res.StatusCode == http.StatusOK}
	body := buf[:n]
	if s.ok && bytes.HasPrefix(body, []byte(inlineMark)) {
		s.busy = slices.ContainsFunc(busyMarks, func(m []byte) bool { return bytes.Contains(body, m) })
		s.inline = !s.busy
	}
	return s
}

// busyMarks are how the adapter's "busy" acks read, in JSON, in each
// language: the words its two busy sentences (err.busy, err.busy_kept)
// begin with.
var busyMarks = func() [][]byte {
	var marks [][]byte
	for _, lang := range []bot.Lang{bot.English, bot.French} {
		a, b := bot.T(lang, "err.busy"), bot.T(lang, "err.busy_kept")
		n := 0
		for n < len(a) && n < len(b) && a[n] == b[n] {
			n++
		}
		for n > 0 && !utf8.RuneStart(a[n]) {
			n--
		}
		j, _ := json.Marshal(strings.TrimSpace(a[:n]))
		marks = append(marks, bytes.Trim(j, `"`))
	}
	return marks
}()

// load is a way of sending requests for d: at a fixed rate, or at
// saturation.
type load func(ctx context.Context, next func() *http.Request, d time.Duration) result

// fixedRate sends rate requests per second, each at its scheduled time
// whatever the previous ones are doing (an open loop, as Slack sends
// them).
func fixedRate(client *http.Client, rate int) load {
	return func(ctx context.Context, next func() *http.Request, d time.Duration) result {
		n := int(d.Seconds() * float64(rate))
		interval := time.Second / time.Duration(rate)
		samples := make([]sample, n)
		var wg sync.WaitGroup
		start := time.Now()
		for i := 0; i < n && ctx.Err() == nil; i++ {
			time.Sleep(time.Until(start.Add(time.Duration(i) * interval)))
			req := next()
			wg.Go(func() { samples[i] = send(client, req) })
		}
		wg.Wait()
		return collect(fmt.Sprintf("%d/s", rate), samples, time.Since(start))
	}
}

// saturate runs clients closed loops, each sending its next request as
// soon as the previous is answered.
func saturate(client *http.Client, clients int) load {
	return func(ctx context.Context, next func() *http.Request, d time.Duration) result {
		var mu sync.Mutex
		var samples []sample
		var wg sync.WaitGroup
		start := time.Now()
		deadline := start.Add(d)
		for range clients {
			wg.Go(func() {
				var mine []sample
				for time.Now().Before(deadline) && ctx.Err() == nil {
					mine = append(mine, send(client, next()))
				}
				mu.Lock()
				samples = append(samples, mine...)
				mu.Unlock()
			})
		}
		wg.Wait()
		return collect(fmt.Sprintf("%d clients", clients), samples, time.Since(start))
	}
}

func collect(mode string, samples []sample, elapsed time.Duration) result {
	r := result{mode: mode, sent: len(samples), elapsed: elapsed, lat: make([]time.Duration, len(samples))}
	for i, s := range samples {
		r.lat[i] = s.lat
		if !s.ok {
			r.failed++
		}
		if s.inline {
			r.inline++
		}
		if s.busy {
			r.busy++
		}
	}
	slices.Sort(r.lat)
	return r
}

// drain waits until done reaches want (the work of every command
// mentorbot acknowledged), for at most 60 s, and returns done.
func drain(done func() int, want int) int {
	deadline := time.Now().Add(60 * time.Second)
	for done() < want && time.Now().Before(deadline) {
		time.Sleep(2 * time.Millisecond)
	}
	return done()
}
