package store_test

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// BenchmarkMemory measures what Redis keeps per member and per pair, with
// MEMORY USAGE summed over every key of a fresh workspace (the indexes,
// profiles, counters, jobs, events and delivery marks included). It plays
// a program through the bot, on Slack-like user IDs: 1,000 mentors offer
// (several topics, languages, zone, years, capacity 1 to 3); 2,000 mentees
// request with a goal of one or two sentences, a fifth of them on topics
// nobody offers (they stay waiting); mentors accept most proposals,
// decline some (the request goes to another mentor) and leave some
// unanswered (they expire, or are accepted after the reminder); both
// members accept the charter; then three months go by, with check-ins
// answered (some "not yet"), flash pairs surveyed and completed, and the
// mid-program survey answered in full, with a comment from a third. With
// -v, it logs MEMORY USAGE per kind of key, with the keys' encodings. It
// needs a real Redis: miniredis has no MEMORY USAGE.
//
//	REDIS_URL=redis://127.0.0.1:6379/0 go test ./store -run '^$' -bench Memory -benchtime 1x -v
func BenchmarkMemory(b *testing.B) {
	if os.Getenv("REDIS_URL") == "" {
		b.Skip("needs a real Redis: set REDIS_URL")
	}
	const mentors, mentees = 1000, 2000
	for range b.N {
		st := storetest.MustReal(b)
		tn := storetest.Tenant(b, "slack")
		h := bottest.New(b, st, tn, bot.Config{})
		rdb := redis.NewClient(mustOptions(b))
		b.Cleanup(func() { rdb.Close() })
		ctx := context.Background()
		if os.Getenv("MB_KEEP") == "" { // MB_KEEP=1 keeps the workspace, to look at its keys
			b.Cleanup(func() { dropTenant(ctx, rdb, tn) })
		} else {
			b.Logf("kept tenant %s", tn)
		}

		for i := range mentors {
			h.Run(mentorID(i), fmt.Sprintf("offer %s, %s, %s capacity:%d languages:%s tz:%s years:%d",
				topics[i%len(topics)], topics[(i*7+3)%len(topics)], topics[(i*13+5)%len(topics)],
				1+i%3, []string{"en", "en,fr", "fr,en,de"}[i%3], zones[i%len(zones)], 2+i%25))
		}
		afterMentors := usage(b, ctx, rdb, tn, nil)
		for i := range mentees {
			topic := topics[(i*11)%len(topics)]
			if i%5 == 4 {
				topic = fmt.Sprintf("niche-topic-%03d", i%200) // nobody offers it: stays waiting
			}
			kind := []string{"one-to-one", "flash", "one-to-one", "one-to-one"}[i%4]
			h.Run(menteeID(i), fmt.Sprintf("request %s kind:%s goal:%s", topic, kind, goals[i%len(goals)]))
		}
		afterRequests := usage(b, ctx, rdb, tn, nil)

		var members answerer
		members.answer(h)
		// Three months: the first check-in, then the monthly ones, and the
		// mid-program survey (flash pairs get theirs and complete).
		for _, d := range []time.Duration{3 * day, 4 * day, 23 * day, 30 * day, 30 * day, 3 * day} {
			h.Clock.Advance(d)
			if _, err := h.Bot.TickTenants(ctx, tn); err != nil {
				b.Fatal(err)
			}
			members.answer(h)
		}
		kinds := map[string]*kindUsage{}
		afterProgram := usage(b, ctx, rdb, tn, kinds)
		pairs := countPairs(b, ctx, rdb, tn)
		if pairs == 0 {
			b.Fatal("got no pair formed, want some")
		}
		logKinds(b, kinds, mentors+mentees)
		b.ReportMetric(float64(afterMentors)/mentors, "B/mentor")
		b.ReportMetric(float64(afterRequests-afterMentors)/mentees, "B/mentee")
		b.ReportMetric(float64(afterProgram-afterRequests)/float64(pairs), "B/pair")
		b.ReportMetric(float64(afterProgram)/(mentors+mentees), "B/member")
		b.ReportMetric(float64(pairs), "pairs")
	}
}

const day = 24 * time.Hour

func mentorID(i int) string { return fmt.Sprintf("U07A%07d", i) }
func menteeID(i int) string { return fmt.Sprintf("U07B%07d", i) }

var topics = []string{
	"go", "kubernetes", "public speaking", "career growth", "system design", "rust", "python",
	"frontend", "react", "accessibility", "security", "observability", "databases", "postgres",
	"product management", "leadership", "hiring", "writing", "machine learning", "data engineering",
	"testing", "devops", "terraform", "aws", "negotiation", "open source", "mobile", "ios", "android",
	"ux research", "design systems", "sre", "incident management", "architecture", "java", "typescript",
	"management", "staff engineering", "technical writing", "performance",
}

var zones = []string{"Europe/Paris", "America/New_York", "Europe/London", "Asia/Kolkata", "America/Los_Angeles", "Europe/Berlin"}

var goals = []string{
	"grow into a staff engineer role within two years",
	"lead my first project end to end and learn to give feedback to peers",
	"understand how to design services that survive failures, and how to test that they do",
	"switch from support to backend development",
	"prepare for a promotion to senior: scope, influence, writing design documents and reviewing them well",
	"speak at a conference next year",
	"get better at estimating work and saying no to my manager without burning bridges",
	"learn the basics",
}

// answerer plays the members: mentors accept 8 proposals in 10, decline
// 1 (the request goes to someone else) and leave 1 unanswered (it
// expires, or is accepted after its reminder); both members accept the
// charter; check-ins get "yes" (1 in 8 "not yet"); surveys are answered
// in full, with a comment from 1 member in 3.
type answerer struct{ proposals, checkins, surveys int }

// answer answers every message sent since the last Take, and those its
// answers bring, until none is left.
func (a *answerer) answer(h *bottest.Harness) {
	for more := true; more; {
		more = false
		for _, s := range h.Platform.Take() {
			if len(s.To) != 1 {
				continue // an introduction
			}
			for _, btn := range s.Message.Buttons {
				more = a.click(h, s.To[0], btn) || more
			}
		}
	}
}

func (a *answerer) click(h *bottest.Harness, who bot.MemberID, btn bot.Button) bool {
	ctx := context.Background()
	act := bot.Action{Member: who, ActionID: btn.ActionID, Value: btn.Value}
	switch btn.ActionID {
	case bot.ActionProposalAccept:
		a.proposals++
		switch a.proposals % 10 {
		case 3:
			act.ActionID = bot.ActionProposalDecline
		case 7:
			return false
		}
	case bot.ActionCharterAccept:
	case bot.ActionCheckinYes:
		if a.checkins++; a.checkins%8 == 0 {
			act.ActionID = bot.ActionCheckinNotYet
		}
	case bot.ActionSurveyAnswer:
		if !strings.HasSuffix(btn.Value, ":rating:4") {
			return false
		}
		r := h.Bot.HandleAction(ctx, act)
		for next := true; next; {
			next = false
			for _, b := range r.Message.Buttons {
				if b.ActionID == bot.ActionSurveyAnswer {
					r = h.Bot.HandleAction(ctx, bot.Action{Member: who, ActionID: b.ActionID, Value: b.Value})
					next = true
					break
				}
			}
		}
		if a.surveys++; a.surveys%3 == 0 {
			h.Bot.HandleCommand(ctx, bot.Command{Member: who, Text: "comment Our sessions helped me a lot; I would have liked a shared agenda between them."})
		}
		return true
	default:
		return false
	}
	h.Bot.HandleAction(ctx, act)
	return true
}

// kindUsage is the memory of one kind of key.
type kindUsage struct {
	keys, bytes int64
	encodings   map[string]int
}

// kindOf names a key's kind: the schema's word after the tenant prefix
// (keys.go), without IDs.
func kindOf(key string) string {
	_, rest, _ := strings.Cut(key, "}:")
	parts := strings.Split(rest, ":")
	switch {
	case parts[0] == "req" && len(parts) > 2:
		return "req:declined"
	case parts[0] == "stats" && len(parts) > 2:
		return "stats:" + parts[2]
	}
	return parts[0]
}

// usage sums MEMORY USAGE over the workspace's keys; with kinds, it adds
// each key to its kind, with its encoding.
func usage(tb testing.TB, ctx context.Context, rdb *redis.Client, tn bot.Tenant, kinds map[string]*kindUsage) int64 {
	tb.Helper()
	var total int64
	iter := rdb.Scan(ctx, 0, "mb:{"+tn.Platform+":"+tn.Workspace+"}:*", 1000).Iterator()
	for iter.Next(ctx) {
		key := iter.Val()
		n, err := rdb.MemoryUsage(ctx, key).Result()
		if err != nil && err != redis.Nil {
			tb.Fatal(err)
		}
		total += n
		if kinds == nil {
			continue
		}
		k := kinds[kindOf(key)]
		if k == nil {
			k = &kindUsage{encodings: map[string]int{}}
			kinds[kindOf(key)] = k
		}
		k.keys++
		k.bytes += n
		enc, _ := rdb.ObjectEncoding(ctx, key).Result()
		k.encodings[enc]++
	}
	if err := iter.Err(); err != nil {
		tb.Fatal(err)
	}
	return total
}

// logKinds logs the memory by kind of key, largest first.
func logKinds(tb testing.TB, kinds map[string]*kindUsage, members int) {
	names := make([]string, 0, len(kinds))
	for n := range kinds {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool { return kinds[names[i]].bytes > kinds[names[j]].bytes })
	var sb strings.Builder
	fmt.Fprintf(&sb, "%-14s %7s %10s %8s %10s  %s\n", "kind", "keys", "bytes", "B/key", "B/member", "encodings")
	for _, n := range names {
		k := kinds[n]
		fmt.Fprintf(&sb, "%-14s %7d %10d %8d %10.1f  %v\n", n, k.keys, k.bytes, k.bytes/k.keys, float64(k.bytes)/float64(members), k.encodings)
	}
	tb.Log("memory by kind of key:\n" + sb.String())
}

// countPairs counts the workspace's pairs.
func countPairs(tb testing.TB, ctx context.Context, rdb *redis.Client, tn bot.Tenant) int {
	tb.Helper()
	n := 0
	iter := rdb.Scan(ctx, 0, "mb:{"+tn.Platform+":"+tn.Workspace+"}:pair:*", 1000).Iterator()
	for iter.Next(ctx) {
		n++
	}
	if err := iter.Err(); err != nil {
		tb.Fatal(err)
	}
	return n
}

// dropTenant deletes the workspace's keys, so that a benchmark run leaves
// a shared Redis as it found it.
func dropTenant(ctx context.Context, rdb *redis.Client, tn bot.Tenant) {
	iter := rdb.Scan(ctx, 0, "mb:{"+tn.Platform+":"+tn.Workspace+"}:*", 1000).Iterator()
	for iter.Next(ctx) {
		rdb.Unlink(ctx, iter.Val())
	}
	rdb.SRem(ctx, "mb:tenants", tn.String())
}

func mustOptions(tb testing.TB) *redis.Options {
	tb.Helper()
	o, err := redis.ParseURL(os.Getenv("REDIS_URL"))
	if err != nil {
		tb.Fatal(err)
	}
	return o
}
