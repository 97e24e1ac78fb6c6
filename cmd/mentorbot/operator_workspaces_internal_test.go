package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// TestOperatorWorkspaces: mentorbot workspaces lists the workspaces kept
// in Redis with whether each has the app; mentorbot erase-workspace erases
// one that removed it, before its retention ends, and nothing of the
// others; one that has the app is refused (2), one unknown is said so
// (3), a malformed one refused (2).
func TestOperatorWorkspaces(t *testing.T) {
	ctx := context.Background()
	url, st := operatorRedis(t)
	installed := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	removed := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	for i, ws := range []string{"TACME01", "TECOLE1", "TSOLO01"} {
		tn := bot.Tenant{Platform: "slack", Workspace: ws}
		h := runningBot(t, st, tn, byte(i))
		h.Run("UMENTOR", "offer go")
		h.Run("UMENTEE", "request go kind:one-to-one")
		if ws == "TSOLO01" {
			continue // SLACK_BOT_TOKEN's workspace: no install record
		}
		if err := st.SaveInstallation(ctx, bot.Installation{Tenant: tn, Token: []byte("sealed"), InstalledAt: installed}); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.Uninstall(ctx, bot.Tenant{Platform: "slack", Workspace: "TECOLE1"}, removed); err != nil {
		t.Fatal(err)
	}

	stdout, stderr, code := runMainArgs(t, []string{"workspaces"}, nil, "REDIS_URL="+url)
	for _, want := range []string{
		"slack:TACME01  installed on 2026-11-02",
		"slack:TECOLE1  removed the app on 2026-12-01: erased on 2028-11-30 (MENTORBOT_RETENTION) unless it installs it again",
		"slack:TSOLO01  served, with no install record",
	} {
		if code != 0 || !strings.Contains(stdout, want) {
			t.Fatalf("workspaces: got status %d, stdout:\n%s\nstderr:\n%s\nwant status 0 and %q", code, stdout, stderr, want)
		}
	}

	_, stderr, code = runMainArgs(t, []string{"erase-workspace", "slack:TACME01"}, nil, "REDIS_URL="+url)
	if code != 2 || !strings.Contains(stderr, "slack:TACME01 has the app (installed on 2026-11-02)") {
		t.Fatalf("installed: got status %d and:\n%s\nwant status 2, refused", code, stderr)
	}
	stdout, stderr, code = runMainArgs(t, []string{"erase-workspace", "slack:TECOLE1"}, nil, "REDIS_URL="+url)
	if code != 0 || !strings.Contains(stdout, "mentorbot: slack:TECOLE1 erased: nothing is kept for it any more.") {
		t.Fatalf("removed: got status %d, stdout:\n%s\nstderr:\n%s\nwant status 0, erased", code, stdout, stderr)
	}
	if hits := storetest.Mentions(t, st, "TECOLE1"); len(hits) > 0 {
		t.Fatalf("got the erased workspace still in Redis:\n  %s", strings.Join(hits, "\n  "))
	}
	if hits := storetest.Mentions(t, st, "TACME01"); len(hits) == 0 {
		t.Fatal("got nothing of another workspace left, want it untouched")
	}
	_, stderr, code = runMainArgs(t, []string{"erase-workspace", "slack:TECOLE1"}, nil, "REDIS_URL="+url)
	if code != 3 || !strings.Contains(stderr, "the bot keeps nothing about slack:TECOLE1") {
		t.Fatalf("again: got status %d and:\n%s\nwant status 3, unknown", code, stderr)
	}
	_, stderr, code = runMainArgs(t, []string{"erase-workspace", "TECOLE1"}, nil, "REDIS_URL="+url)
	if code != 2 || !strings.Contains(stderr, "want platform:workspace") {
		t.Fatalf("malformed: got status %d and:\n%s\nwant status 2", code, stderr)
	}
	stdout, _, code = runMainArgs(t, []string{"erase-workspace", "slack:TSOLO01"}, nil, "REDIS_URL="+url)
	if code != 0 || !strings.Contains(stdout, "If a running bot still serves it") {
		t.Fatalf("no record: got status %d, stdout:\n%s\nwant it erased, with the warning", code, stdout)
	}
}
