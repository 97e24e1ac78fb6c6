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

// TestRetentionEntry: the scheduler runs the retention job daily, with
// MENTORBOT_RETENTION: a request cancelled more than that ago is gone
// after the night's run, and not before.
func TestRetentionEntry(t *testing.T) {
	var out bytes.Buffer
	clock := bot.NewManualClock(time.Date(2026, 10, 31, 10, 0, 0, 0, time.UTC))
	m := NewMain()
	m.Stdin, m.Stdout, m.Clock = strings.NewReader(""), &out, clock
	m.Config.Tick = -1
	m.Config.Retention = 24 * time.Hour
	ctx := context.Background()
	if err := m.Open(ctx); err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	m.Shell.Line(ctx, "as carol")
	m.Shell.Line(ctx, "/mentor request go")
	m.Shell.Line(ctx, "/mentor cancel")
	requests := func() int {
		d, err := m.Store.MemberData(ctx, shell.DefaultTenant.Member("carol"))
		if err != nil {
			t.Fatal(err)
		}
		return len(d.Requests)
	}
	m.Shell.Line(ctx, ":advance 1d") // 03:17 on 1 November: less than a day old
	if got := requests(); got != 1 {
		t.Fatalf("got %d requests after a day, want the cancelled one kept", got)
	}
	m.Shell.Line(ctx, ":advance 1d") // 03:17 on 2 November
	if got := requests(); got != 0 {
		t.Fatalf("got %d requests, want the request cancelled over a day ago pruned", got)
	}
}
