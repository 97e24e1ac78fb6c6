package slack_test

import (
	"bytes"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
)

// TestHomeUnknown: two replicas share one install store. On the first,
// SLACK_BOT_TOKEN's workspace (THOME) is known; TA installs by OAuth and
// then removes the app. The second starts while auth.test answers 503:
// there, the single token acts for no workspace with an install record
// (uninstalled, or with a token that does not open), nor for any other
// until auth.test answers, which it asks again in the background; then
// it serves THOME alone.
func TestHomeUnknown(t *testing.T) {
	ctx := t.Context()
	store := newInstalls()
	fake := MustFakeOf(t, "THOME")
	fake.AddUser(slackfake.User{ID: "U1", Locale: "en-US"})
	fake.AddWorkspace(teamA.Team, teamA.Token, teamA.BotUser)
	replica := func(h slack.Handler) *rig {
		return MustRigOn(t, fake, h, func(o *slack.Options) {
			o.Installs, o.Sealer, o.DirectoryRefresh = store, sealer{}, -1
		})
	}
	r1 := replica(&recorder{})
	if err := r1.a.Install(ctx, bot.Installation{Tenant: tenant(teamA.Team), BotUser: teamA.BotUser, InstalledBy: "U1"}, teamA.Token); err != nil {
		t.Fatal(err)
	}
	if status, _ := r1.post(t, "/slack/events", time.Now(), slackfake.Uninstalled(teamA.Team, "Ev1")); status != http.StatusOK {
		t.Fatalf("got %d, want 200", status)
	}
	waitUninstalled(t, store, teamA.Team)
	// TB's record holds a token that no longer opens (MENTORBOT_TOKEN_KEY
	// lost, say).
	if err := store.SaveInstallation(ctx, bot.Installation{Tenant: tenant("TB"), BotUser: "UBOTB", Token: []byte("sealed with a lost key")}); err != nil {
		t.Fatal(err)
	}

	fake.SetMethodDown("auth.test", true)
	h := &recorder{reply: bot.Reply{Message: bot.Message{Text: "your full status"}}}
	r2 := replica(h)
	before := len(fake.Calls(""))
	singleCalls := func() []string {
		var out []string
		for _, c := range fake.Calls("")[before:] {
			if c.Token == "xoxb-test" && c.Method != "auth.test" {
				out = append(out, c.Method)
			}
		}
		return out
	}

	for _, team := range []string{teamA.Team, "TB"} {
		t.Run("ErrNotInstalled"+team, func(t *testing.T) {
			if r2.a.Serves(ctx, tenant(team)) {
				t.Fatalf("got %s served by the second replica, want not: its record says it has no token", team)
			}
			if err := r2.a.Send(ctx, memberOf(team, "U1"), proposal); bot.ErrorCode(err) != bot.EINTERNAL {
				t.Fatalf("got %v sending in %s, want EINTERNAL (not installed)", err, team)
			}
			body, _ := r2.command(t, slackfake.Command{Team: team, User: "U1", Text: "status", ResponseURL: fake.ResponseURL("status-" + team)})
			if reply, ok := slackfake.Inline([]byte(body)); !ok || reply.Get("text") != bot.T(bot.English, "install.not_installed") {
				t.Fatalf("got ack %q, want the not-installed sentence", body)
			}
		})
	}
	t.Run("ErrUnavailableWhileUnknown", func(t *testing.T) {
		// THOME, or a workspace whose record was erased: only auth.test
		// tells. Their work waits.
		for _, team := range []string{"THOME", "TNEW"} {
			if !r2.a.Serves(ctx, tenant(team)) {
				t.Fatalf("got %s not served, want served: its work waits for auth.test", team)
			}
			if err := r2.a.Send(ctx, memberOf(team, "U1"), proposal); bot.ErrorCode(err) != bot.EUNAVAILABLE {
				t.Fatalf("got %v sending in %s, want EUNAVAILABLE while the single token's workspace is unknown", err, team)
			}
		}
	})
	if got := singleCalls(); len(got) != 0 {
		t.Fatalf("got calls %v with the single token while its workspace is unknown, want none", got)
	}
	if len(h.Commands()) != 0 {
		t.Fatalf("got %d commands from removed workspaces to the core, want none", len(h.Commands()))
	}

	t.Run("Learnt", func(t *testing.T) {
		fails := fake.Count("auth.test")
		time.Sleep(100 * time.Millisecond)
		if fake.Count("auth.test") <= fails {
			t.Fatalf("got auth.test asked %d times, want it asked again in the background", fake.Count("auth.test"))
		}
		fake.SetMethodDown("auth.test", false)
		deadline := time.Now().Add(5 * time.Second)
		for r2.a.Serves(ctx, tenant("TNEW")) {
			if time.Now().After(deadline) {
				t.Fatal("got TNEW still served 5 s after auth.test answered, want THOME alone")
			}
			time.Sleep(10 * time.Millisecond)
		}
		if err := r2.a.Send(ctx, memberOf("THOME", "U1"), proposal); err != nil {
			t.Fatalf("got %v sending in THOME, want it sent with the single token", err)
		}
		if err := r2.a.Send(ctx, memberOf(teamA.Team, "U1"), proposal); bot.ErrorCode(err) != bot.EINTERNAL {
			t.Fatalf("got %v sending in %s, want EINTERNAL (not installed)", err, teamA.Team)
		}
		if got := singleCalls(); strings.Join(got, " ") != "conversations.open chat.postMessage" {
			t.Fatalf("got calls %v with the single token, want THOME's DM only", got)
		}
		for _, c := range fake.Calls("chat.postMessage")[len(fake.Calls("chat.postMessage"))-1:] {
			if c.Get("channel") != fake.DM("THOME", "U1") {
				t.Fatalf("got a post to %s, want THOME's DM", c.Get("channel"))
			}
		}
	})
}

// TestHomeUnknownRefused: auth.test, asked again in the background,
// refuses the token: beside an install store, the token is dropped and
// no longer asked about.
func TestHomeUnknownRefused(t *testing.T) {
	ctx := t.Context()
	fake := MustFakeOf(t, "THOME")
	fake.Fail("auth.test", slackfake.Failure{Status: http.StatusServiceUnavailable}, slackfake.Failure{Error: "token_revoked"})
	logs := &lockedBuffer{}
	r := MustRigOn(t, fake, &recorder{}, func(o *slack.Options) {
		o.Installs, o.Sealer, o.DirectoryRefresh = newInstalls(), sealer{}, -1
		o.Log = slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	})
	deadline := time.Now().Add(5 * time.Second)
	for r.a.Serves(ctx, tenant("THOME")) {
		if time.Now().After(deadline) {
			t.Fatal("got THOME still served after Slack refused the token, want not")
		}
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(200 * time.Millisecond)
	if n := fake.Count("auth.test"); n != 2 {
		t.Fatalf("got auth.test asked %d times, want twice: once at start, once again, refused", n)
	}
	if !bytes.Contains([]byte(logs.String()), []byte("token_revoked")) || strings.Contains(logs.String(), "xoxb-test") {
		t.Fatalf("got log %s, want the refusal's code, and no token", logs.String())
	}
}
