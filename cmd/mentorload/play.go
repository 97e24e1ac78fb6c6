package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
)

// secret signs every request of the run.
const secret = "8f742231b10e8888abcd99yyyzzz85a5"

// act is one command or click a member sent, and what came of it.
type act struct {
	name  string // its response_url is /response/<name>
	user  string
	text  string // a command's text
	click bool
	// a click's message, action and value
	channel, ts, action, value string
	button                     slackfake.Button
	acked                      bool
	inline                     bool // the ack carried the reply
	lat                        time.Duration
	at                         time.Time
	attempts                   int
}

// player sends the members' commands and clicks to the replicas, like
// Slack: each request to one replica, signed; a request that is not
// acknowledged with a 200 within 3 s is sent again by its member (a new
// trigger_id and response_url) to the next replica, up to 5 times.
type player struct {
	team     string
	respBase string // the fault proxy: response_url goes through it
	replicas []*replica
	client   *http.Client
	rr       atomic.Int64
	seq      atomic.Int64

	mu      sync.Mutex
	acts    []*act
	byName  map[string]*act // each attempt's response_url name → its act
	fails   int             // attempts that got no 200
	refused int             // attempts answered "busy" or "database down": tried again
}

// refusals are the answers after which a member tries again: nothing was
// done. The workspace reads English.
var refusals = []string{bot.T(bot.English, "err.busy"), bot.T(bot.English, "err.unavailable")}

// busyKept is the answer of a bot too busy to act at once that kept the
// command or click and will act on it.
var busyKept = bot.T(bot.English, "err.busy_kept")

func refused(text string) bool {
	for _, r := range refusals {
		if strings.Contains(text, r) {
			return true
		}
	}
	return false
}

func (p *player) next() *replica {
	for range len(p.replicas) * 2 {
		r := p.replicas[int(p.rr.Add(1))%len(p.replicas)]
		if !r.down.Load() {
			return r
		}
	}
	return p.replicas[int(p.rr.Add(1))%len(p.replicas)]
}

// do delivers a, retrying as a member would, and records it.
func (p *player) do(ctx context.Context, a *act, body func(a *act) []byte) {
	for a.attempts < 5 && ctx.Err() == nil {
		a.attempts++
		a.name = fmt.Sprintf("a%d", p.seq.Add(1))
		p.mu.Lock()
		p.byName[a.name] = a
		p.mu.Unlock()
		path := "/slack/commands"
		if a.click {
			path = "/slack/interactions"
		}
		r := p.next()
		req := slackfake.NewRequest(r.url()+path, secret, time.Now(), body(a))
		start := time.Now()
		res, err := p.client.Do(req)
		if err == nil {
			b, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				a.acked, a.lat, a.at = true, time.Since(start), start
				a.inline = len(b) > 0 && strings.HasPrefix(string(b), "{")
				if !a.inline || !refused(string(b)) {
					// "Busy, but kept: I'll do it" is no answer yet: the
					// answer follows.
					a.inline = a.inline && !strings.Contains(string(b), busyKept)
					break
				}
				p.mu.Lock()
				p.refused++
				p.mu.Unlock()
				time.Sleep(time.Second)
				continue
			}
		}
		p.mu.Lock()
		p.fails++
		p.mu.Unlock()
		time.Sleep(time.Second)
	}
	p.mu.Lock()
	p.acts = append(p.acts, a)
	p.mu.Unlock()
}

func (p *player) command(ctx context.Context, user, text string) {
	p.do(ctx, &act{user: user, text: text}, func(a *act) []byte {
		return slackfake.Command{Team: p.team, User: user, UserName: strings.ToLower(user), Channel: "CLOAD", Text: text,
			ResponseURL: p.respBase + a.name, TriggerID: "t." + a.name}.Body()
	})
}

func (p *player) clickOn(ctx context.Context, user, channel, ts string, b slackfake.Button) {
	p.do(ctx, &act{user: user, click: true, channel: channel, ts: ts, action: b.ActionID, value: b.Value, button: b}, func(a *act) []byte {
		return slackfake.Click{Team: p.team, User: user, UserName: strings.ToLower(user), Channel: channel, TS: ts,
			ResponseURL: p.respBase + a.name, TriggerID: "t." + a.name, Button: b}.Body()
	})
}

// reactor watches what the bot sends to members and answers as they
// would: a mentor accepts every proposal, both members accept the
// charter, say yes to the check-in and give a survey 5 and then the first
// answer to every other question. Each button is clicked once.
type reactor struct {
	fake    *slackfake.Server
	p       *player
	work    chan func()
	seen    map[string]bool // channel + value clicked
	offsets map[string]int
}

// choose is the button a member clicks in a message, if any.
func choose(c slackfake.Call) (slackfake.Button, bool) {
	bs := c.Buttons()
	for _, b := range bs {
		switch action(b) {
		case bot.ActionProposalAccept, bot.ActionCharterAccept, bot.ActionCheckinYes:
			return b, true
		}
	}
	var first *slackfake.Button
	for i, b := range bs {
		if action(b) != bot.ActionSurveyAnswer {
			continue
		}
		if strings.Contains(b.Value, ":rating:") {
			if strings.HasSuffix(b.Value, ":5") {
				return b, true
			}
			continue
		}
		if first == nil {
			first = &bs[i]
		}
	}
	if first != nil {
		return *first, true
	}
	return slackfake.Button{}, false
}

// poll looks at the new messages and updates, and queues the clicks.
func (r *reactor) poll(ctx context.Context) {
	for _, method := range []string{"chat.postMessage", "chat.update"} {
		calls := r.fake.Calls(method)
		for _, c := range calls[r.offsets[method]:] {
			ch := c.Get("channel")
			if !strings.HasPrefix(ch, "D") {
				continue
			}
			b, ok := choose(c)
			if !ok || r.seen[ch+"|"+b.ActionID+"|"+b.Value] {
				continue
			}
			r.seen[ch+"|"+b.ActionID+"|"+b.Value] = true
			ts := c.TS()
			if method == "chat.update" {
				ts = c.Get("ts")
			}
			user := strings.TrimPrefix(ch, "D")
			select {
			case r.work <- func() { r.p.clickOn(ctx, user, ch, ts, b) }:
			case <-ctx.Done():
				return
			}
		}
		r.offsets[method] = len(calls)
	}
	// A click answered "busy" or "database down" (ephemerally, through its
	// response_url) is clicked again, as its member would.
	calls := r.fake.Calls("response_url")
	for _, c := range calls[r.offsets["response_url"]:] {
		if !refused(c.AllText()) {
			continue
		}
		r.p.mu.Lock()
		a := r.p.byName[strings.TrimPrefix(c.Path, "/response/")]
		r.p.mu.Unlock()
		if a == nil || !a.click {
			continue
		}
		r.p.mu.Lock()
		r.p.refused++
		r.p.mu.Unlock()
		select {
		case r.work <- func() { r.p.clickOn(ctx, a.user, a.channel, a.ts, a.button) }:
		case <-ctx.Done():
			return
		}
	}
	r.offsets["response_url"] = len(calls)
}

// latency percentiles of the acks.
func pct(lat []time.Duration, p float64) time.Duration {
	if len(lat) == 0 {
		return 0
	}
	slices.Sort(lat)
	return lat[min(len(lat)-1, int(float64(len(lat))*p))]
}

// action is a button's action ID without the "#n" the adapter adds to
// tell apart buttons of one action in a message.
func action(b slackfake.Button) string {
	a, _, _ := strings.Cut(b.ActionID, "#")
	return a
}
