package main

import (
	"context"
	mrand "math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
	"github.com/mentorbot/mentorbot/store"
)

// operatorRedis starts a Redis (miniredis) and opens the store on it: an
// operator's command runs against its URL, beside runningBot.
func operatorRedis(t *testing.T) (string, *store.Store) {
	t.Helper()
	url := "redis://" + miniredis.RunT(t).Addr() + "/0"
	st, err := store.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return url, st
}

// runningBot is the bot running beside an operator's command: a core on
// st for tenant tn, its platform a recording fake.
func runningBot(t *testing.T, st *store.Store, tn bot.Tenant, seed byte) *bottest.Harness {
	t.Helper()
	h := &bottest.Harness{TB: t, Store: st, Tenant: tn, Clock: bot.NewManualClock(time.Now().UTC()),
		Platform: &bottest.Platform{Gone: map[string]bool{}, Locales: map[string]string{}, TZs: map[string]string{}}}
	h.Bot = bot.New(bot.Config{}, st, h.Clock, mrand.NewChaCha8([32]byte{seed}), nil)
	h.Bot.Register(tn.Platform, h.Platform)
	return h
}

// TestForgetInUninstalledWorkspace: mentorbot forget of a member whose
// workspace removed the bot does not promise that the running bot tells
// the others: it serves that workspace no more, so the operator is told
// the notices wait for a reinstall and go with the workspace's data.
func TestForgetInUninstalledWorkspace(t *testing.T) {
	ctx := context.Background()
	url, st := operatorRedis(t)
	tn := bot.Tenant{Platform: "slack", Workspace: "TACME01"}
	h := runningBot(t, st, tn, 4)
	h.Run("U1", "offer go")
	h.Run("U2", "request go kind:one-to-one")
	removed := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	if err := st.SaveInstallation(ctx, bot.Installation{Tenant: tn, Token: []byte("sealed"), InstalledAt: removed.Add(-30 * 24 * time.Hour)}); err != nil {
		t.Fatal(err)
	}
	if err := st.Uninstall(ctx, tn, removed); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := runMainArgs(t, []string{"forget", tn.Member("U2").String()}, nil, "REDIS_URL="+url)
	want := "mentorbot: slack:TACME01:U2 erased; their workspace removed the bot on 2026-12-01, so what the erasure tells others is sent only if it installs the bot again; otherwise it is deleted with the workspace's data, 730d after the removal (MENTORBOT_RETENTION)."
	if code != 0 || !strings.Contains(stdout, want) {
		t.Fatalf("got status %d, stdout:\n%s\nstderr:\n%s\nwant status 0 and %q", code, stdout, stderr, want)
	}
}

// TestOperatorRedisDown: an operator's command on a Redis that does not
// answer says that nothing was done and what to check, with status 1
// (try again), and no client warnings before it.
func TestOperatorRedisDown(t *testing.T) {
	for _, op := range []string{"export", "forget"} {
		_, stderr, code := runMainArgs(t, []string{op, "slack:T1:U1"}, nil, "REDIS_URL=redis://127.0.0.1:1/0")
		done := map[string]string{"export": "exported", "forget": "erased"}[op]
		if code != 1 || !strings.Contains(stderr, "nothing was "+done+"; check that Redis runs at REDIS_URL, then run the command again") || strings.Contains(stderr, "level=WARN") {
			t.Errorf("%s: got status %d and:\n%s\nwant status 1, what to check, and no warnings", op, code, stderr)
		}
	}
}
