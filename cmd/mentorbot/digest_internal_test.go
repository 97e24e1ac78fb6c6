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

// TestPostDigests: the digest entry posts a workspace's digest when its
// schedule falls due in the workspace's own time zone, once.
func TestPostDigests(t *testing.T) {
	var out bytes.Buffer
	// Monday 2 November 2026, 09:02 in Paris (08:02 UTC).
	clock := bot.NewManualClock(time.Date(2026, 11, 2, 8, 2, 0, 0, time.UTC))
	m := NewMain()
	m.Stdin, m.Stdout, m.Clock = strings.NewReader(""), &out, clock
	m.Config.Tick = -1 // the test calls the entry itself
	if err := m.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	ctx := context.Background()
	for _, s := range [][2]string{{"tz", "Europe/Paris"}, {"digest-channel", "#mentoring"}} {
		if err := m.Store.SetSetting(ctx, shell.DefaultTenant, s[0], s[1]); err != nil {
			t.Fatal(err)
		}
	}
	m.Shell.Line(ctx, "/mentor offer go") // the workspace exists once someone used it
	out.Reset()

	if err := m.postDigests(ctx, clock.Now().Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "Weekly mentoring digest") {
		t.Fatalf("got a digest at 08:02 Paris time, want none before 09:00:\n%s", out.String())
	}
	if err := m.postDigests(ctx, clock.Now()); err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(out.String(), "Weekly mentoring digest: week of 26 October 2026"); got != 1 {
		t.Fatalf("got %d digests of the week before in:\n%s\nwant 1 in #mentoring", got, out.String())
	}
	if err := m.postDigests(ctx, clock.Now().Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(out.String(), "Weekly mentoring digest"); got != 1 {
		t.Fatalf("got %d digests, want it posted once", got)
	}
}
