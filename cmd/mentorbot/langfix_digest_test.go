package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// TestDigestChannelTellsSchedule: with MENTORBOT_DIGEST_SCHEDULE='* * *
// * *', setting the digest channel does not promise "every Monday
// morning": it says when the next digest is due, from the cron spec read
// in the workspace's time zone, in the manager's language; with the
// default schedule it still says Monday morning.
func TestDigestChannelTellsSchedule(t *testing.T) {
	// Wednesday 4 November 2026, 10:20:30 UTC.
	at := time.Date(2026, 11, 4, 10, 20, 30, 0, time.UTC)
	t.Run("EveryMinute", func(t *testing.T) {
		line := digestShell(t, at, "* * * * *")
		got := line("/mentor admin digest-channel #mgr")
		if strings.Contains(got, "every Monday morning") {
			t.Fatalf("got %q, want no Monday morning with a digest every minute", got)
		}
		// It fell due this week already: this week's digest may have gone.
		want := "Done: the weekly digest will be posted in #mgr, with what needs your eye. The next digest is due on Wednesday 4 November at 10:21 (UTC), unless this week's has already been posted: then it is due on Monday 9 November at 00:00 (UTC)."
		if !strings.Contains(got, want) {
			t.Fatalf("got %q, want %q", got, want)
		}
		line("/mentor admin settings tz:Europe/Paris")
		line("/mentor lang fr")
		want = "C'est fait\u202f: le bilan hebdomadaire sera publié dans #mgr, avec ce qui demande votre attention. Le prochain bilan est prévu le mercredi 4 novembre à 11\u00a0h\u00a021 (Paris), sauf si celui de cette semaine a déjà été publié\u202f: il est alors prévu le lundi 9 novembre à 0\u00a0h (Paris)."
		if got := line("/mentor admin canal-bilan #mgr"); !strings.Contains(got, want) {
			t.Fatalf("got %q, want %q", got, want)
		}
	})
	t.Run("WorkspaceSchedule", func(t *testing.T) {
		line := digestShell(t, at, "")
		line(`/mentor admin settings tz:America/Montreal digest-schedule:"friday 4pm"`)
		want := "The next digest is due on Friday 6 November at 16:00 (Montreal)."
		if got := line("/mentor admin digest-channel #mgr"); !strings.Contains(got, want) {
			t.Fatalf("got %q, want %q", got, want)
		}
	})
	t.Run("NotYetThisWeek", func(t *testing.T) {
		line := digestShell(t, at, "0 9 * * 5,6")
		want := "Done: the weekly digest will be posted in #mgr, with what needs your eye. The next digest is due on Friday 6 November at 09:00 (UTC)."
		if got := line("/mentor admin digest-channel #mgr"); !strings.Contains(got, want) {
			t.Fatalf("got %q, want %q", got, want)
		}
	})
	t.Run("Default", func(t *testing.T) {
		line := digestShell(t, at, "")
		want := "Done: the weekly digest will be posted in #mgr every Monday morning, with what needs your eye."
		if got := line("/mentor admin digest-channel #mgr"); !strings.Contains(got, want) {
			t.Fatalf("got %q, want %q", got, want)
		}
	})
}

// digestShell opens a Main on the shell at the time at with the digest
// schedule spec ("": the default), its clock manual and its tick off, and
// returns a function that types a line as alice, a manager, and returns
// what the shell printed.
func digestShell(t *testing.T, at time.Time, spec string) func(string) string {
	t.Helper()
	var out bytes.Buffer
	m := NewMain()
	m.Stdin, m.Stdout, m.Clock = strings.NewReader(""), &out, bot.NewManualClock(at)
	m.Config.Tick = -1
	if spec != "" {
		m.Config.DigestSchedule = spec
	}
	if err := m.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close() })
	return func(s string) string {
		out.Reset()
		m.Shell.Line(context.Background(), s)
		return out.String()
	}
}
