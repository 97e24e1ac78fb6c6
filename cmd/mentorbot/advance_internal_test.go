package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/shell"
	"github.com/mentorbot/mentorbot/bot"
)

// TestShellAdvanceRunsCron: the shell's :advance runs the cron entries
// that fall inside the interval, as the running bot would: the hourly
// sweep proposes a waiting request to a mentor who became free, and the
// Monday digest is posted in the managers' channel, once.
func TestShellAdvanceRunsCron(t *testing.T) {
	var out bytes.Buffer
	// Saturday 31 October 2026, 10:00 UTC; the digest is due on Monday at
	// 09:00 in the workspace's time zone (UTC by default).
	clock := bot.NewManualClock(time.Date(2026, 10, 31, 10, 0, 0, 0, time.UTC))
	m := NewMain()
	m.Stdin, m.Stdout, m.Clock = strings.NewReader(""), &out, clock
	m.Config.Tick = -1 // no background scheduler: only :advance runs it
	ctx := context.Background()
	if err := m.Open(ctx); err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	if err := m.Store.SetSetting(ctx, shell.DefaultTenant, "digest-channel", "mentoring"); err != nil {
		t.Fatal(err)
	}
	m.Shell.Line(ctx, "as carol")
	m.Shell.Line(ctx, "/mentor request go")
	// Bob's offer is stored directly, without the sweep /mentor offer
	// runs, so that only the hourly sweep can propose Carol's request.
	bob := shell.DefaultTenant.Member("bob")
	if err := m.Store.SaveMember(ctx, bot.Member{ID: bob, Name: "Bob", Lang: bot.English}); err != nil {
		t.Fatal(err)
	}
	if err := m.Store.SaveOffer(ctx, bot.Offer{Mentor: bob, Topics: []string{"go"}, Capacity: 2, Languages: []bot.Lang{bot.English}}); err != nil {
		t.Fatal(err)
	}
	out.Reset()

	m.Shell.Line(ctx, ":advance 30m")
	if strings.Contains(out.String(), "[to bob]") {
		t.Fatalf("got a proposal before the hourly sweep:\n%s", out.String())
	}
	m.Shell.Line(ctx, ":advance 1h")
	if !strings.Contains(out.String(), "[to bob] *Mentoring request: go*") {
		t.Fatalf("got:\n%s\nwant the sweep at 11:00 to propose Carol's request to Bob", out.String())
	}
	if got := clock.Now(); !got.Equal(time.Date(2026, 10, 31, 11, 30, 0, 0, time.UTC)) {
		t.Fatalf("got the clock at %v, want 11:30", got)
	}
	out.Reset()

	m.Shell.Line(ctx, ":advance 2d")
	if got := strings.Count(out.String(), "[in #mentoring] *Weekly mentoring digest: week of 26 October 2026"); got != 1 {
		t.Fatalf("got %d digests in:\n%s\nwant the Monday 09:00 digest posted once in #mentoring", got, out.String())
	}
}
