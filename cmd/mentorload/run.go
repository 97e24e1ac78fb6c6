package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
	"github.com/redis/go-redis/v9"
)

func mentorID(i int) string { return fmt.Sprintf("UMR%05d", i) }
func menteeID(i int) string { return fmt.Sprintf("UME%05d", i) }
func topic(i int) string    { return fmt.Sprintf("topic%02d", i) }

// fault is one fault of the run, with when it was on.
type fault struct {
	name       string
	on         bool
	do         func(ctx context.Context) error
	start, end time.Time
	err        error
}

func run(ctx context.Context, c config, out io.Writer) (int, error) {
	dir, err := os.MkdirTemp("", "mentorload")
	if err != nil {
		return 0, err
	}
	if !c.KeepLogs {
		defer os.RemoveAll(dir)
	}
	logf := func(format string, args ...any) {
		fmt.Fprintf(out, "mentorload: %s "+format+"\n", append([]any{time.Now().UTC().Format("15:04:05")}, args...)...)
	}

	// Redis: our own, or the one given (never stopped).
	var rs *redisServer
	redisURL := c.RedisURL
	if redisURL == "" {
		if rs, err = startRedis(dir); err != nil {
			return 0, err
		}
		defer rs.kill()
		redisURL = rs.url()
	} else if c.RedisStop {
		logf("-redis given: Redis is not ours, the Redis stop is skipped")
		c.RedisStop = false
	}

	bin := c.Bin
	if bin == "" {
		logf("building ./cmd/mentorbot")
		if bin, err = buildBot(dir); err != nil {
			return 0, err
		}
	}

	fake := slackfake.New()
	defer fake.Close()
	fake.AnyUser()
	b := make([]byte, 5)
	_, _ = rand.Read(b)
	team := "TLOAD" + strings.ToUpper(hex.EncodeToString(b))
	fake.SetTeam(team)
	proxy, err := newFaultProxy(strings.TrimSuffix(fake.APIURL(), "/api/"))
	if err != nil {
		return 0, err
	}
	defer proxy.close()

	env := []string{
		"REDIS_URL=" + redisURL,
		"SLACK_BOT_TOKEN=xoxb-load", "SLACK_SIGNING_SECRET=" + secret, "SLACK_APP_TOKEN=",
		"SLACK_API_URL=" + proxy.URL + "/api/", "SLACK_DIRECTORY_REFRESH=off",
		"DISCORD_BOT_TOKEN=", "MENTORBOT_DEFAULT_LANG=en", "MENTORBOT_LOG_LEVEL=warn",
		"MENTORBOT_TICK=1s", "MENTORBOT_JOB_LEASE=20s", "MENTORBOT_JOB_RETRY=" + c.JobRetry.String(),
		"MENTORBOT_CHECKIN_AFTER=" + c.CheckinAfter.String(), "MENTORBOT_PROGRAM_LENGTH=" + c.Program.String(),
		"MENTORBOT_CHECKIN_EVERY=720h", "MENTORBOT_CHECKIN_REMINDER=720h",
		"MENTORBOT_PROPOSAL_TIMEOUT=720h", "MENTORBOT_CHARTER_TIMEOUT=720h", "MENTORBOT_ESCALATE_AFTER=720h",
		"MENTORBOT_SURVEY_AFTER=720h", "MENTORBOT_MANAGERS=",
		"MENTORBOT_DURATION_BOUNDS=off", // the load's seconds-long program and check-ins
	}
	var reps []*replica
	for i := range c.Replicas {
		port, err := freePort()
		if err != nil {
			return 0, err
		}
		r := &replica{n: i + 1, bin: bin, env: env, port: port, log: filepath.Join(dir, fmt.Sprintf("replica-%d.log", i+1))}
		if err := r.start(); err != nil {
			return 0, fmt.Errorf("replica %d (log %s): %w", i+1, r.log, err)
		}
		defer r.stop()
		reps = append(reps, r)
	}
	logf("%d replicas up, Redis %s, workspace %s, fake Slack behind %s", len(reps), redisURL, team, proxy.URL)
	if c.KeepLogs {
		logf("replica logs in %s", dir)
	}

	p := &player{team: team, respBase: proxy.URL + "/response/", replicas: reps, byName: map[string]*act{},
		client: &http.Client{Timeout: 3 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 4 * c.Clients}}}
	work := make(chan func(), 1<<20)
	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	var inflight sync.WaitGroup
	var busy sync.WaitGroup
	for range c.Clients {
		busy.Add(1)
		go func() {
			defer busy.Done()
			for f := range work {
				f()
				inflight.Done()
			}
		}()
	}
	queue := func(f func()) { inflight.Add(1); work <- f }

	// Faults, one after the other from FaultAt.
	faults := []*fault{
		{name: "response_url not answering for 20 s", on: c.ResponseFault, do: func(ctx context.Context) error {
			proxy.until.Store(time.Now().Add(20 * time.Second).UnixNano())
			proxy.respond.Store(true)
			time.Sleep(20 * time.Second)
			proxy.respond.Store(false)
			return nil
		}},
		{name: "replica 1 SIGKILLed, restarted after 2 s", on: c.Kill, do: func(ctx context.Context) error {
			reps[0].kill()
			time.Sleep(2 * time.Second)
			return reps[0].start()
		}},
		{name: "Redis stopped for 10 s", on: c.RedisStop, do: func(ctx context.Context) error {
			rs.stop()
			time.Sleep(10 * time.Second)
			return rs.start()
		}},
		{name: "Web API 429 (Retry-After: 1) and 500 for 20 s", on: c.APIFault, do: func(ctx context.Context) error {
			proxy.api.Store(true)
			time.Sleep(20 * time.Second)
			proxy.api.Store(false)
			return nil
		}},
	}
	start := time.Now()
	faultsDone := make(chan struct{})
	go func() {
		defer close(faultsDone)
		at := start.Add(c.FaultAt)
		for _, f := range faults {
			if !f.on {
				continue
			}
			time.Sleep(time.Until(at))
			if runCtx.Err() != nil {
				return
			}
			f.start = time.Now()
			f.err = f.do(runCtx)
			f.end = time.Now()
			logf("fault: %s (%s to %s)", f.name, f.start.UTC().Format("15:04:05"), f.end.UTC().Format("15:04:05"))
			at = f.end.Add(5 * time.Second)
		}
	}()

	// The program: offers, then requests.
	perTopicMentors, perTopicMentees := map[int]int{}, map[int]int{}
	for i := range c.Mentors {
		perTopicMentors[i%c.Topics]++
	}
	for i := range c.Mentees {
		perTopicMentees[i%c.Topics]++
	}
	capacity := 1
	for t, n := range perTopicMentees {
		if m := perTopicMentors[t]; m > 0 {
			capacity = max(capacity, (n+m-1)/m+1)
		}
	}
	logf("%d mentors (capacity %d) and %d mentees over %d topics; faults from %s", c.Mentors, capacity, c.Mentees, c.Topics, c.FaultAt)
	for i := range c.Mentors {
		text := fmt.Sprintf("offer %s capacity:%d languages:en", topic(i%c.Topics), capacity)
		queue(func() { p.command(runCtx, mentorID(i), text) })
	}
	inflight.Wait()
	time.Sleep(2 * time.Second) // the offers' work, after their acks
	for i := range c.Mentees {
		text := fmt.Sprintf("request %s kind:one-to-one language:en", topic(i%c.Topics))
		queue(func() { p.command(runCtx, menteeID(i), text) })
	}

	r := &reactor{fake: fake, p: p, seen: map[string]bool{}, offsets: map[string]int{}}
	deadline := time.Time{}
	lastChange, lastCount := time.Now(), -1
	for {
		time.Sleep(200 * time.Millisecond)
		if ctx.Err() != nil {
			return 0, ctx.Err()
		}
		r.work = make(chan func(), 1<<16)
		r.poll(runCtx)
		close(r.work)
		for f := range r.work {
			queue(f)
		}
		select {
		case <-faultsDone:
			if deadline.IsZero() {
				deadline = time.Now().Add(c.Settle + c.Program) // the end surveys come a program length after the charters
			}
		default:
		}
		n := len(fake.Calls(""))
		if n != lastCount {
			lastCount, lastChange = n, time.Now()
		}
		if deadline.IsZero() {
			continue
		}
		done := finished(fake, p)
		// Quiet for longer than a job lease (20 s) and a tick: a delivery
		// kept by a busy replica falls due after the lease.
		if done && time.Since(lastChange) > 25*time.Second || time.Now().After(deadline) {
			if !done {
				logf("settle time over: not every pair finished its program")
			}
			break
		}
	}
	inflight.Wait()
	close(work)
	busy.Wait()
	elapsed := time.Since(start)
	cancel()
	for _, f := range faults {
		if f.err != nil {
			logf("fault %q failed: %v", f.name, f.err)
		}
	}
	code := check(out, fake, p, elapsed, proxy, faults)
	if rs == nil {
		cleanup(redisURL, team)
	}
	fmt.Fprintf(out, "mentorload: GOMAXPROCS %d, %d replicas\n", runtime.GOMAXPROCS(0), len(reps))
	return code, nil
}

// finished reports whether every pair whose charter was accepted has had
// its first check-in and its mid and end surveys sent to both members.
func finished(fake *slackfake.Server, p *player) bool {
	pairs := chartered(fake, p)
	if len(pairs) == 0 {
		return false
	}
	got := followUps(fake.Calls("chat.postMessage"))
	for pair, chans := range pairs {
		for _, ch := range chans {
			for _, want := range []string{pair + ":1", pair + ":" + bot.SurveyMid, pair + ":" + bot.SurveyEnd} {
				if !got[ch+"|"+want] {
					return false
				}
			}
		}
	}
	return true
}

// followUps is the check-ins (channel|pair:round) and surveys
// (channel|pair:stage) that reached members.
func followUps(posts []slackfake.Call) map[string]bool {
	got := map[string]bool{}
	for _, c := range posts {
		if c.Status != 200 || c.Answer["ok"] != true {
			continue
		}
		ch := c.Get("channel")
		for _, b := range c.Buttons() {
			switch action(b) {
			case bot.ActionCheckinYes:
				got[ch+"|"+bare(b.Value)] = true
			case bot.ActionSurveyAnswer:
				if parts := strings.Split(bare(b.Value), ":"); len(parts) == 4 && parts[2] == "rating" {
					got[ch+"|"+parts[0]+":"+parts[1]] = true
				}
			}
		}
	}
	return got
}

// chartered is the pairs (by ID) whose charter the mentee accepted with
// an acked click, with the members' DM channels: the mentee's, then the
// mentor's if known. A mentor who already accepted the charter is not
// asked again, so the mentor's channel comes from the mentor's own click
// on the pair's charter or, failing that, from the mentor named (as
// "User UMR…") in a message of the pair to the mentee.
func chartered(fake *slackfake.Server, p *player) map[string][]string {
	p.mu.Lock()
	by := map[string][]string{}
	mentor := map[string]string{}
	for _, a := range p.acts {
		if !a.click || !a.acked || a.action != bot.ActionCharterAccept {
			continue
		}
		pair, _, _ := strings.Cut(bare(a.value), ":") // "<pair>:<version>"
		if strings.HasPrefix(a.channel, "DUME") {
			by[pair] = []string{a.channel}
		} else {
			mentor[pair] = a.channel
		}
	}
	p.mu.Unlock()
	for _, method := range []string{"chat.postMessage", "chat.update"} {
		for _, c := range fake.Calls(method) {
			ch := c.Get("channel")
			if !strings.HasPrefix(ch, "DUME") {
				continue
			}
			for _, b := range c.Buttons() {
				pair, _, _ := strings.Cut(bare(b.Value), ":")
				if _, ok := by[pair]; ok && mentor[pair] == "" {
					if m := mentorName.FindString(c.AllText()); m != "" {
						mentor[pair] = "D" + m
					}
				}
			}
		}
	}
	for pair, chans := range by {
		if m := mentor[pair]; m != "" {
			by[pair] = append(chans, m)
		} else {
			by[pair] = append(chans, "mentor unknown")
		}
	}
	return by
}

var mentorName = regexp.MustCompile(`UMR[0-9]{5}`)

// cleanup removes the run's workspace from a Redis the tool did not
// start.
func cleanup(url, team string) {
	opt, err := redis.ParseURL(url)
	if err != nil {
		return
	}
	rdb := redis.NewClient(opt)
	defer rdb.Close()
	ctx := context.Background()
	tenant := bot.Tenant{Platform: "slack", Workspace: team}.String()
	iter := rdb.Scan(ctx, 0, "mb:{"+tenant+"}:*", 1000).Iterator()
	var keys []string
	for iter.Next(ctx) {
		keys = append(keys, iter.Val())
		if len(keys) == 1000 {
			rdb.Unlink(ctx, keys...)
			keys = keys[:0]
		}
	}
	if len(keys) > 0 {
		rdb.Unlink(ctx, keys...)
	}
	rdb.SRem(ctx, "mb:tenants", tenant)
}
