package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// TestDigestScheduleSetting: the digest-schedule setting is checked by
// the cron parser the scheduler uses, and the digest entry posts at the
// workspace's own schedule, in its own time zone.
func TestDigestScheduleSetting(t *testing.T) {
	var out bytes.Buffer
	// Tuesday 3 November 2026, 07:00 UTC: 16:00 in Tokyo.
	clock := bot.NewManualClock(time.Date(2026, 11, 3, 7, 0, 0, 0, time.UTC))
	m := NewMain()
	m.Stdin, m.Stdout, m.Clock = strings.NewReader(""), &out, clock
	m.Config.Tick = -1
	if err := m.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	ctx := context.Background()
	line := func(s string) string {
		out.Reset()
		m.Shell.Line(ctx, s)
		return out.String()
	}
	if got := line(`/mentor admin settings digest-schedule:"0 25 * * 2"`); !strings.Contains(got, "“0 25 * * 2” is not a valid value for `digest-schedule:`") {
		t.Fatalf("got %q, want the hour refused by the cron parser", got)
	}
	if got := line(`/mentor admin settings tz:Asia/Tokyo digest-channel:#mentoring digest-schedule:"0 16 * * 2"`); !strings.Contains(got, "Saved: tz, digest-channel, digest-schedule.") {
		t.Fatalf("got %q", got)
	}
	out.Reset()
	if err := m.postDigests(ctx, clock.Now().Add(-time.Minute)); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "Weekly mentoring digest") {
		t.Fatalf("got a digest at 15:59 in Tokyo, want none before 16:00:\n%s", out.String())
	}
	if err := m.postDigests(ctx, clock.Now()); err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(out.String(), "Weekly mentoring digest"); got != 1 {
		t.Fatalf("got %d digests in:\n%s\nwant 1 at 16:00 in Tokyo on Tuesday", got, out.String())
	}
}

func TestCheckDigestSchedule(t *testing.T) {
	for spec, ok := range map[string]bool{"0 9 * * 1": true, "@weekly": true, "0 25 * * 1": false, "0 9 * *": false} {
		if err := checkDigestSchedule(spec); (err == nil) != ok {
			t.Errorf("%q: got %v, want ok %v", spec, err, ok)
		}
	}
}
