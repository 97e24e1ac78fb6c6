package bot_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// TestPostDueDigests: the digest of a workspace is posted when its
// schedule, read in the workspace's time zone, falls due; once a week.
func TestPostDueDigests(t *testing.T) {
	ctx := context.Background()
	type call struct{ spec, tz string }
	// dueIn is a Due that is due for the time zone tz only, and records
	// what it was asked.
	dueIn := func(tz string, calls *[]call) bot.Due {
		return func(spec, got string, since, until time.Time) (time.Time, error) {
			*calls = append(*calls, call{spec, got})
			if got != tz {
				return time.Time{}, nil
			}
			return until, nil
		}
	}
	t.Run("OKOnceInItsTimeZone", func(t *testing.T) {
		h := MustAdminHarness(t)
		h.Run("alice", "admin settings tz:Europe/Paris digest-channel:#managers")
		var calls []call
		for range 2 {
			if err := h.Bot.PostDueDigests(ctx, h.Clock.Now().Add(-5*time.Minute), h.Clock.Now(), dueIn("Europe/Paris", &calls)); err != nil {
				t.Fatal(err)
			}
			h.Clock.Advance(5 * time.Minute)
		}
		if want := (call{"0 9 * * 1", "Europe/Paris"}); len(calls) != 2 || calls[0] != want {
			t.Fatalf("got calls %+v, want two of %+v", calls, want)
		}
		posts := h.Posting.Posts()
		if len(posts) != 1 || posts[0].Channel != "managers" || posts[0].Message.Title != "Weekly mentoring digest: week of 26 October 2026 (2026-W44)" {
			t.Fatalf("got %+v, want the W44 digest once in managers", posts)
		}
	})
	t.Run("OKNotDue", func(t *testing.T) {
		h := MustAdminHarness(t)
		h.Run("alice", "admin settings digest-channel:#managers")
		var calls []call
		if err := h.Bot.PostDueDigests(ctx, h.Clock.Now().Add(-5*time.Minute), h.Clock.Now(), dueIn("Europe/Paris", &calls)); err != nil {
			t.Fatal(err)
		}
		if len(calls) != 1 || calls[0].tz != "UTC" {
			t.Fatalf("got calls %+v, want one in UTC, the default time zone", calls)
		}
		if posts := h.Posting.Posts(); len(posts) != 0 {
			t.Fatalf("got %+v, want no digest", posts)
		}
	})
	t.Run("OKFailedTriedHourly", func(t *testing.T) {
		// The platform refuses the digest (a channel the bot left): it is
		// tried again an hour later, not at every 5-minute check, and
		// posted once the platform takes it.
		h := MustAdminHarness(t)
		h.Run("alice", "admin settings digest-channel:#managers")
		due := h.Clock.Now()
		always := func(_, _ string, since, until time.Time) (time.Time, error) {
			if due.After(since) && !due.After(until) {
				return due, nil
			}
			return time.Time{}, nil
		}
		check := func() {
			t.Helper()
			if err := h.Bot.PostDueDigests(ctx, h.Clock.Now().Add(-24*time.Hour), h.Clock.Now(), always); err != nil && h.Platform.Fail == nil {
				t.Fatal(err)
			}
		}
		h.Platform.Fail = errors.New("not_in_channel")
		for range 6 {
			check()
			h.Clock.Advance(5 * time.Minute)
		}
		if h.Posting.tries != 1 {
			t.Fatalf("got %d tries in half an hour, want 1", h.Posting.tries)
		}
		h.Clock.Advance(time.Hour)
		check()
		if h.Posting.tries != 2 {
			t.Fatalf("got %d tries after the hour, want 2", h.Posting.tries)
		}
		h.Platform.Fail = nil
		h.Clock.Advance(time.Hour)
		check()
		check()
		if posts := h.Posting.Posts(); len(posts) != 1 {
			t.Fatalf("got %d digests once the platform took it, want 1", len(posts))
		}
	})
	t.Run("OKInFlightNotHeldBack", func(t *testing.T) {
		// Another replica holds the week's digest (it died mid-post): this
		// check answers "in flight", and the next check after that mark
		// runs out posts it, not an hour later (found in review).
		h := MustAdminHarness(t)
		h.Run("alice", "admin settings digest-channel:#managers")
		due := h.Clock.Now()
		at := func(_, _ string, _, _ time.Time) (time.Time, error) { return due, nil }
		if _, err := h.Store.MarkSent(ctx, h.Tenant, "digest:"+bot.WeekOf(time.Date(2026, 10, 26, 0, 0, 0, 0, time.UTC)), time.Minute); err != nil {
			t.Fatal(err)
		}
		if err := h.Bot.PostDueDigests(ctx, due.Add(-time.Hour), due, at); bot.ErrorCode(err) != bot.ESTALE {
			t.Fatalf("got %v, want the digest in flight", err)
		}
		if _, err := h.Store.Draft(ctx, h.Tenant, "digest-retry:"+due.UTC().Format(time.RFC3339)); bot.ErrorCode(err) != bot.ENOTFOUND {
			t.Fatalf("got a retry mark (%v), want none for a digest in flight", err)
		}
	})
	t.Run("OKScheduleUnreadable", func(t *testing.T) {
		h := MustAdminHarness(t)
		h.Run("alice", "admin settings digest-channel:#managers")
		bad := func(_, _ string, _, until time.Time) (time.Time, error) { return until, errors.New("bad spec") }
		if err := h.Bot.PostDueDigests(ctx, h.Clock.Now().Add(-5*time.Minute), h.Clock.Now(), bad); err != nil {
			t.Fatalf("got %v, want the workspace skipped", err)
		}
		if posts := h.Posting.Posts(); len(posts) != 0 {
			t.Fatalf("got %+v, want no digest", posts)
		}
	})
}
