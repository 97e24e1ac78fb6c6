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
	// Monday 2 November 2026, 09:02 in Paris (08:02 UTC).
	m, out, clock := digestMain(t, time.Date(2026, 11, 2, 8, 2, 0, 0, time.UTC))
	ctx := context.Background()

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

// TestDigestCaughtUp: a digest whose time passed with no check (every
// replica down at 9:00 on Monday, or the replica that checked killed) is
// posted by the next check within a day, once, as the digest of the week
// it fell due in; a schedule late on Sunday is not posted again for the
// new week by the checks of Monday, which still look back at it.
func TestDigestCaughtUp(t *testing.T) {
	// Monday 2 November 2026, 15:00 in Paris (14:00 UTC): the replicas
	// were down from 8:50 to 15:00.
	m, out, clock := digestMain(t, time.Date(2026, 11, 2, 14, 0, 0, 0, time.UTC))
	ctx := context.Background()
	for _, at := range []time.Time{clock.Now(), clock.Now().Add(5 * time.Minute), clock.Now().Add(17 * time.Hour)} {
		if err := m.postDigests(ctx, at); err != nil {
			t.Fatal(err)
		}
	}
	if got := strings.Count(out.String(), "Weekly mentoring digest: week of 26 October 2026"); got != 1 || strings.Count(out.String(), "Weekly mentoring digest") != 1 {
		t.Fatalf("got %d digests of the week before in:\n%s\nwant 1, posted late", got, out.String())
	}

	// Sunday 15 November, 18:00 in Paris: the digest of the week before
	// (of 2 November) goes out then; Monday's checks, seven and twelve
	// hours later, see that time still and post nothing more.
	m.Shell.Line(ctx, `/mentor admin settings digest-schedule:"0 18 * * 0"`)
	out.Reset()
	sunday := time.Date(2026, 11, 15, 17, 0, 0, 0, time.UTC)
	clock.Advance(sunday.Sub(clock.Now()))
	for _, at := range []time.Time{sunday, sunday.Add(7 * time.Hour), sunday.Add(12 * time.Hour)} {
		clock.Advance(at.Sub(clock.Now()))
		if err := m.postDigests(ctx, at); err != nil {
			t.Fatal(err)
		}
	}
	if got := strings.Count(out.String(), "Weekly mentoring digest"); got != 1 || !strings.Contains(out.String(), "week of 2 November 2026") {
		t.Fatalf("got %d digests in:\n%s\nwant 1, of the week of 2 November, on Sunday", got, out.String())
	}
}

// digestMain opens a Main on the shell at the time at, its clock manual
// and its tick off (the tests call the digest entry themselves), in a
// workspace in Paris with a digest channel and one member; the shell's
// output so far is dropped.
func digestMain(t *testing.T, at time.Time) (*Main, *bytes.Buffer, *bot.ManualClock) {
	t.Helper()
	out := &bytes.Buffer{}
	clock := bot.NewManualClock(at)
	m := NewMain()
	m.Stdin, m.Stdout, m.Clock = strings.NewReader(""), out, clock
	m.Config.Tick = -1
	if err := m.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close() })
	ctx := context.Background()
	for _, s := range [][2]string{{"tz", "Europe/Paris"}, {"digest-channel", "#mentoring"}} {
		if err := m.Store.SetSetting(ctx, shell.DefaultTenant, s[0], s[1]); err != nil {
			t.Fatal(err)
		}
	}
	m.Shell.Line(ctx, "/mentor offer go") // the workspace exists once someone used it
	out.Reset()
	return m, out, clock
}
