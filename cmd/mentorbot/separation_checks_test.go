package main_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// tenantPairs reads tn's pairs through the store: every pair of every
// member it holds a record of.
func tenantPairs(t *testing.T, w *sepWorld, tn *sepTenant) map[string]bot.Pair {
	t.Helper()
	ctx := context.Background()
	users, err := w.m.Store.MembersWithRecord(ctx, tn.Tenant)
	if err != nil {
		t.Fatalf("members of %s: %v", tn.Name, err)
	}
	pairs := map[string]bot.Pair{}
	for _, u := range users {
		ps, err := w.m.Store.PairsOf(ctx, tn.member(u))
		if err != nil {
			t.Fatalf("pairs of %s in %s: %v", u, tn.Name, err)
		}
		for _, p := range ps {
			pairs[p.ID] = p
		}
	}
	return pairs
}

// mustPairs checks that tn has exactly its own pairs: alice with each of
// its mentees, all members of tn.
func mustPairs(t *testing.T, w *sepWorld, tn *sepTenant) {
	t.Helper()
	pairs := tenantPairs(t, w, tn)
	if len(pairs) != tn.Pairs {
		t.Errorf("got %d pairs in %s, want %d", len(pairs), tn.Name, tn.Pairs)
	}
	for _, p := range pairs {
		if p.Mentor != tn.member(tn.Alice) || p.Mentee.Workspace != tn.Tenant.Workspace || p.Mentee.Platform != tn.Tenant.Platform ||
			(p.Mentee.User != tn.Bob && p.Mentee.User != tn.Carol) || p.Goal != tn.Goal {
			t.Errorf("got pair %s in %s: %s mentors %s for %q, want alice and a mentee of %s for its goal", p.ID, tn.Name, p.Mentor, p.Mentee, p.Goal, tn.Name)
		}
	}
}

// pairsLine reads "Pairs formed: N" in a digest.
var pairsLine = regexp.MustCompile(regexp.QuoteMeta(bot.T(bot.English, "digest.pairs")) + `: (\d+)`)

// mustDigest posts tn's digest of last week and checks its figures: its
// own pairs and requests only, in its own managers' channel.
func mustDigest(t *testing.T, w *sepWorld, tn *sepTenant, all []*sepTenant) {
	t.Helper()
	ctx, now := context.Background(), w.m.Clock.Now()
	r, err := w.m.Bot.Report(ctx, tn.Tenant, now)
	if err != nil {
		t.Fatalf("report of %s: %v", tn.Name, err)
	}
	if r.Week.Pairs != tn.Pairs || r.Week.Requests != tn.Pairs || r.Week.Offers != 1 {
		t.Errorf("got %s's week: %d pairs, %d requests, %d offers; want %d, %d, 1", tn.Name, r.Week.Pairs, r.Week.Requests, r.Week.Offers, tn.Pairs, tn.Pairs)
	}
	if err := w.m.Bot.PostDigest(ctx, tn.Tenant, now); err != nil {
		t.Fatalf("digest of %s: %v", tn.Name, err)
	}
	var text string
	switch tn.Tenant.Platform {
	case "slack":
		c := w.fake.WaitCalls(t, "files.completeUploadExternal", 1, func(c slackfake.Call) bool { return c.Get("channel_id") == tn.Digest }, wait)
		if len(c) != 1 {
			t.Fatalf("got %d digests in %s's channel, want 1", len(c), tn.Name)
		}
		text = c[0].AllText()
	case "discord":
		posts := w.rest.Messages(tn.Digest)
		if len(posts) != 1 || len(posts[0].Files) != 1 {
			t.Fatalf("got %+v in %s's channel, want the digest with its chart", posts, tn.Name)
		}
		text = posts[0].Text()
	}
	if m := pairsLine.FindStringSubmatch(text); m == nil || m[1] != strconv.Itoa(tn.Pairs) {
		t.Errorf("got %s's digest:\n%s\nwant %d pairs formed", tn.Name, text, tn.Pairs)
	}
	mustOnly(t, tn.Name+"'s digest", []byte(text), tn, all)
}

// slackFile returns the file the fake received that was shared in
// channel, whose name ends with suffix, waiting for it.
func slackFile(t *testing.T, w *sepWorld, channel, suffix string) []byte {
	t.Helper()
	var id string
	w.fake.WaitCalls(t, "files.completeUploadExternal", 1, func(c slackfake.Call) bool {
		var files []struct{ ID, Title string }
		if c.Get("channel_id") != channel || json.Unmarshal([]byte(c.Get("files")), &files) != nil {
			return false
		}
		for _, f := range files {
			if strings.HasSuffix(f.Title, suffix) {
				id = f.ID
				return true
			}
		}
		return false
	}, wait)
	for _, c := range w.fake.Calls("upload") {
		if c.Path == "/upload/"+id {
			return c.Data
		}
	}
	t.Fatalf("got no upload of file %s shared in %s", id, channel)
	return nil
}

// discordFile waits for the n-th file whose name ends with suffix in
// user's DMs, and returns it.
func discordFile(t *testing.T, w *sepWorld, user, suffix string, n int) []byte {
	t.Helper()
	var files []discordtest.File
	w.rest.WaitFor(t, fmt.Sprintf("file %d (%s) by DM to %s", n, suffix, user), func() bool {
		files = nil
		for _, m := range w.rest.DMs(user) {
			for _, f := range m.Files {
				if strings.HasSuffix(f.Name, suffix) {
					files = append(files, f)
				}
			}
		}
		return len(files) >= n
	})
	return files[n-1].Data
}

// mustExportCSV checks a managers' export of tn: its members, and its
// pairs between them, only.
func mustExportCSV(t *testing.T, tn *sepTenant, all []*sepTenant, data []byte) {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil || len(rows) < 2 {
		t.Fatalf("got export of %s %q (%v), want a CSV", tn.Name, data, err)
	}
	col := map[string]int{}
	for i, c := range rows[0] {
		col[c] = i
	}
	members, pairs := map[string]bool{}, 0
	for _, row := range rows[1:] {
		for _, c := range []string{"member", "other"} {
			if u := row[col[c]]; u != "" && !tn.has(u) {
				t.Errorf("got a %s row of %s's export naming %s, who is not a member there: %v", row[col["record"]], tn.Name, u, row)
			}
		}
		switch row[col["record"]] {
		case "member":
			members[row[col["member"]]] = true
		case "pair":
			pairs++
		}
	}
	if !members[tn.Alice] || !members[tn.Bob] || pairs != tn.Pairs {
		t.Errorf("got %s's export with members %v and %d pairs, want alice, bob and %d pairs", tn.Name, members, pairs, tn.Pairs)
	}
	mustOnly(t, tn.Name+"'s export", data, tn, all)
}

// mustOnly checks that data holds no mark of a tenant other than tn.
func mustOnly(t *testing.T, what string, data []byte, tn *sepTenant, all []*sepTenant) {
	t.Helper()
	for _, o := range owners(string(data), all) {
		if o != tn {
			t.Errorf("got %s holding data of %s:\n%s", what, o.Name, data)
		}
	}
}

// mustForgotten checks alice's erasure in gone: nothing of her is kept
// under its keys, while alice of kept, with the same name (and on Discord
// the same user ID), keeps her offer, her pairs and her keys. hits are
// the lines of the store naming either alice (storetest.Mentions: one
// scan of a shared Redis is slow enough).
func mustForgotten(t *testing.T, w *sepWorld, gone, kept *sepTenant, hits []string) {
	t.Helper()
	mustErased(t, w.m.Store, gone.member(gone.Alice))
	d, err := w.m.Store.MemberData(context.Background(), kept.member(kept.Alice))
	if err != nil || d.Offer == nil || len(d.Pairs) != kept.Pairs || d.Member.Name != "Alice Martin" && d.Member.Name != "alice" {
		t.Errorf("got alice of %s: %+v (%v), want her offer, her %d pairs and her name kept", kept.Name, d, err, kept.Pairs)
	}
	var goneHits, keptHits []string
	for _, h := range hits {
		switch {
		case strings.Contains(h, gone.Alice) && strings.Contains(h, gone.Tenant.Workspace):
			goneHits = append(goneHits, h)
		case strings.Contains(h, kept.Alice) && strings.Contains(h, kept.Tenant.Workspace):
			keptHits = append(keptHits, h)
		}
	}
	if gone.Alice == kept.Alice {
		// Her ID is this run's alone: outside kept's keys, no key of
		// the store (a global one included) may name her.
		for _, h := range hits {
			if strings.Contains(h, gone.Alice) && !strings.Contains(h, kept.Tenant.Workspace) && !strings.Contains(h, gone.Tenant.Workspace) {
				t.Errorf("got alice in a key of no tenant after she was forgotten in %s: %s", gone.Name, h)
			}
		}
	}
	if len(goneHits) > 0 {
		t.Errorf("got alice still in %s's keys:\n  %s", gone.Name, strings.Join(goneHits, "\n  "))
	}
	if len(keptHits) == 0 {
		t.Errorf("got no key of %s naming alice, want hers kept", kept.Name)
	}
}

// slackOwner returns the tenant a Slack call was for, by where it went:
// a member's DM, a group DM, a managers' channel (a file's too, from its
// ID), a response_url or a trigger of a workspace's request. Nil when it
// names no tenant's place (auth.test, users.list).
func slackOwner(w *sepWorld, c slackfake.Call, uploads map[string]string, all []*sepTenant) []*sepTenant {
	var users []string
	channel := c.Get("channel")
	switch c.Method {
	case "files.completeUploadExternal":
		channel = c.Get("channel_id")
	case "upload":
		channel = uploads[strings.TrimPrefix(c.Path, "/upload/")]
	case "files.getUploadURLExternal":
		id, _ := c.Answer["file_id"].(string)
		channel = uploads[id]
	case "conversations.open":
		users = strings.Split(c.Get("users"), ",")
	case "views.publish", "users.info":
		users = []string{c.Get("user_id") + c.Get("user")}
	case "response_url":
		return slackSeq(w, seqOf.FindString(c.Path), all)
	case "views.open":
		return slackSeq(w, strings.TrimPrefix(c.Get("trigger_id"), "trigger-"), all)
	}
	switch {
	case strings.HasPrefix(channel, "D"):
		users = []string{channel[1:]}
	case strings.HasPrefix(channel, "C"):
		for _, tn := range all {
			if tn.Digest == channel {
				return []*sepTenant{tn}
			}
		}
	case strings.HasPrefix(channel, "G"):
		for _, tn := range all {
			if tn.Tenant.Platform == "slack" && strings.Contains(channel, tn.Alice) {
				return []*sepTenant{tn}
			}
		}
	}
	var out []*sepTenant
	for _, tn := range all {
		for _, u := range users {
			if tn.Tenant.Platform == "slack" && tn.has(u) {
				out = append(out, tn)
				break
			}
		}
	}
	return out
}

// seqOf reads the number of a response_url ("/response/click-12").
var seqOf = regexp.MustCompile(`[0-9]+$`)

// slackSeq is the tenant whose world numbered a request n.
func slackSeq(w *sepWorld, n string, all []*sepTenant) []*sepTenant {
	i, err := strconv.ParseInt(n, 10, 64)
	if err != nil {
		return nil
	}
	for team, base := range w.bases {
		if i>>20 == base>>20 {
			for _, tn := range all {
				if tn.Tenant.Workspace == team {
					return []*sepTenant{tn}
				}
			}
		}
	}
	return nil
}

// mustSlackSeparate checks every call the fake Slack received: each went
// to one tenant's place, with that workspace's token, and holds no mark
// of another tenant.
func mustSlackSeparate(t *testing.T, w *sepWorld, all []*sepTenant) {
	t.Helper()
	uploads := map[string]string{}
	for _, c := range w.fake.Calls("files.completeUploadExternal") {
		var files []struct{ ID string }
		json.Unmarshal([]byte(c.Get("files")), &files)
		for _, f := range files {
			uploads[f.ID] = c.Get("channel_id")
		}
	}
	checked := 0
	for _, c := range w.fake.Calls("") {
		to := slackOwner(w, c, uploads, all)
		body, _ := json.Marshal(map[string]any{"params": c.Params, "body": c.Body})
		body = append(body, c.Data...)
		in := owners(string(body), all)
		if len(to) > 1 {
			t.Errorf("got %s %s addressed to %s at once", c.Method, c.Path, names(to))
		}
		if len(to) == 0 {
			if len(in) > 1 {
				t.Errorf("got %s %s holding data of %s at once", c.Method, c.Path, names(in))
			}
			continue
		}
		checked++
		for _, o := range in {
			if o != to[0] {
				t.Errorf("got %s %s for %s holding data of %s:\n%s", c.Method, c.Path, to[0].Name, o.Name, body)
			}
		}
		mustOwnFigures(t, c.Method+" in "+to[0].Name, c.AllText(), to)
		if want := w.tokens[to[0].Tenant.Workspace]; c.Token != "" && c.Token != want {
			t.Errorf("got %s for %s with token %q, want %q", c.Method, to[0].Name, c.Token, want)
		}
	}
	if checked < 20 {
		t.Errorf("got %d Slack calls traced to a tenant, want the whole play's", checked)
	}
	t.Logf("%d of %d Slack calls traced to a tenant", checked, len(w.fake.Calls("")))
}

// mustDiscordIntros checks where Discord pairs met: the intro channel
// (one setting for every server) is a channel of g1, so g1's pairs meet
// in private threads there, and g2's by DM: no thread of one server's
// channel holds another's members, and no introduction is lost.
func mustDiscordIntros(t *testing.T, w *sepWorld, g1, g2 *sepTenant) {
	t.Helper()
	threads := 0
	for _, th := range w.rest.Threads() {
		if th.Parent != w.intro {
			t.Errorf("got a thread in channel %s, want threads in the intro channel only", th.Parent)
			continue
		}
		threads++
		for _, u := range th.Members {
			if !g1.has(u) || u == g2.Bob || u == g2.Carol {
				t.Errorf("got %s added to a thread of %s's channel, want members of %s only", u, g1.Name, g1.Name)
			}
		}
	}
	if threads != g1.Pairs {
		t.Errorf("got %d threads in %s's intro channel, want one per pair of %s (%d)", threads, g1.Name, g1.Name, g1.Pairs)
	}
	for _, u := range []string{g2.Bob, g2.Carol} {
		found := false
		for _, m := range w.rest.DMs(u) {
			found = found || len(m.Embeds) == 1 && strings.HasPrefix(m.Embeds[0].Title, "Introduction: go")
		}
		if !found {
			t.Errorf("got no introduction by DM to %s of %s, want one", u, g2.Name)
		}
	}
}

// mustOwnFigures checks that a digest sent to one of tns (a digest names
// nobody: its figures are what tell whose it is) counts their pairs.
func mustOwnFigures(t *testing.T, what, text string, tns []*sepTenant) {
	t.Helper()
	m := pairsLine.FindStringSubmatch(text)
	if m == nil {
		return
	}
	for _, tn := range tns {
		if m[1] == strconv.Itoa(tn.Pairs) {
			return
		}
	}
	t.Errorf("got %s saying %s pairs formed, want the figure of %s", what, m[1], names(tns))
}

// mustDiscordSeparate checks every call to the fake Discord: none holds
// marks of two servers, and what went to a member of one server only, or
// to a server's managers' channel, holds no mark of another.
func mustDiscordSeparate(t *testing.T, w *sepWorld, all []*sepTenant) {
	t.Helper()
	to := map[string][]*sepTenant{} // channel → the tenants it may serve
	for _, tn := range all {
		if tn.Tenant.Platform != "discord" {
			continue
		}
		to[tn.Digest] = append(to[tn.Digest], tn)
		for _, u := range tn.users() {
			if ch := w.rest.DMChannel(u); ch != "" {
				to[ch] = append(to[ch], tn)
			}
		}
	}
	for _, th := range w.rest.Threads() {
		for _, tn := range all {
			if tn.Tenant.Workspace == w.introGuild && th.Parent == w.intro {
				to[th.ID] = []*sepTenant{tn}
			}
		}
	}
	checked := 0
	for _, c := range w.rest.Calls() {
		body := append([]byte(nil), c.Body...)
		for _, f := range c.Files {
			body = append(body, f.Data...)
		}
		in := owners(string(body), all)
		if len(in) > 1 {
			t.Errorf("got %s holding data of %s at once:\n%s", c.Route(), names(in), body)
		}
		p := strings.Split(c.Path, "/")
		if c.Method != "POST" || len(p) != 3 || p[0] != "channels" || p[2] != "messages" || len(to[p[1]]) == 0 {
			continue
		}
		checked++
		mustOwnFigures(t, "a message in "+p[1], c.Message().Text(), to[p[1]])
		for _, o := range in {
			ok := false
			for _, tn := range to[p[1]] {
				ok = ok || tn == o
			}
			if !ok {
				t.Errorf("got a message to %s's channel %s holding data of %s:\n%s", names(to[p[1]]), p[1], o.Name, body)
			}
		}
	}
	if checked < 20 {
		t.Errorf("got %d Discord messages traced to a tenant, want the whole play's", checked)
	}
	t.Logf("%d Discord messages traced to a tenant; %d calls checked for marks of two", checked, len(w.rest.Calls()))
}

// settledMentions is storetest.Mentions once the adapters have forgotten
// the clicks they kept while handling them (inbox keys, deleted just
// after the reply went out, on another goroutine): it reads again while
// one is left, for up to 10 seconds, then returns what it found.
func settledMentions(t *testing.T, w *sepWorld, ids ...string) []string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		hits := storetest.Mentions(t, w.m.Store, ids...)
		inbox := slices.ContainsFunc(hits, func(h string) bool { return strings.Contains(h, ":inbox:") })
		if !inbox || time.Now().After(deadline) {
			return hits
		}
		time.Sleep(20 * time.Millisecond)
	}
}
