package slack_test

import (
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
)

// MustRefusedRig is MustInstalledRig with its log kept, on store, the
// workspaces installed an hour ago, and h answering with a form (for
// views.open) and a home (for views.publish).
func MustRefusedRig(t *testing.T, fake *slackfake.Server, store *installs, tune ...func(*slack.Options)) (*rig, *lockedBuffer) {
	t.Helper()
	logs := &lockedBuffer{}
	form := bot.Reply{Form: &bot.Form{Command: "request", Title: "Request", Fields: []bot.FormField{{Name: "topic", Label: "Topic"}}}}
	h := &homeBot{recorder: recorder{reply: form}, home: bot.Message{Text: "your home"}}
	opts := func(o *slack.Options) {
		o.BotToken, o.Installs, o.Sealer, o.DirectoryRefresh = "", store, sealer{}, -1
		o.Log = slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	return MustRigOn(t, fake, h, append([]func(*slack.Options){opts}, tune...)...), logs
}

// MustTwoWorkspaces is a fake Slack with workspaces TA and TB, both
// installed in store an hour ago.
func MustTwoWorkspaces(t *testing.T, store *installs) *slackfake.Server {
	t.Helper()
	fake := slackfake.MustNew(t)
	fake.AddUser(slackfake.User{ID: "U1", Locale: "en-US"}, slackfake.User{ID: "U2", Locale: "en-US"})
	for _, w := range []slackfake.Workspace{teamA, teamB} {
		fake.AddWorkspace(w.Team, w.Token, w.BotUser)
		sealed, _ := sealer{}.Seal([]byte(w.Token), tenant(w.Team).String())
		in := bot.Installation{Tenant: tenant(w.Team), BotUser: w.BotUser, Token: sealed, InstalledAt: time.Now().Add(-time.Hour)}
		if err := store.SaveInstallation(t.Context(), in); err != nil {
			t.Fatal(err)
		}
	}
	return fake
}

// callsWith counts the Web API calls made with token.
func callsWith(fake *slackfake.Server, token string) int {
	n := 0
	for _, m := range []string{"conversations.open", "chat.postMessage", "users.info", "views.open", "views.publish"} {
		for _, c := range fake.Calls(m) {
			if c.Token == token {
				n++
			}
		}
	}
	return n
}

// TestTokenRefused: Slack refusing an installed workspace's token in the
// middle of operation, whatever the method, records the workspace
// uninstalled as app_uninstalled would (its token erased, now as the
// removal time), and nothing more is tried there; the other workspace
// goes on. The log names the team and Slack's error, never the token.
func TestTokenRefused(t *testing.T) {
	ctx := t.Context()
	for _, tt := range []struct {
		code, method string
		act          func(t *testing.T, r *rig)
	}{
		{"token_revoked", "chat.postMessage", func(t *testing.T, r *rig) {
			if err := r.a.Send(ctx, memberOf("TA", "U1"), proposal); err == nil {
				t.Fatal("got the send through, want Slack's refusal")
			}
		}},
		{"invalid_auth", "conversations.open", func(t *testing.T, r *rig) {
			if err := r.a.Introduce(ctx, []bot.MemberID{memberOf("TA", "U1"), memberOf("TA", "U2")}, proposal); err == nil {
				t.Fatal("got the introduction through, want Slack's refusal")
			}
		}},
		{"account_inactive", "users.info", func(t *testing.T, r *rig) {
			if _, err := r.a.Profile(ctx, memberOf("TA", "U2")); err == nil {
				t.Fatal("got a profile, want Slack's refusal")
			}
		}},
		{"token_expired", "views.open", func(t *testing.T, r *rig) {
			r.command(t, slackfake.Command{Team: "TA", User: "U1", Text: "request", ResponseURL: r.fake.ResponseURL("ta"), TriggerID: "trigger-ta"})
			r.fake.WaitCalls(t, "views.open", 1, nil, 5*time.Second)
		}},
		{"not_authed", "views.publish", func(t *testing.T, r *rig) {
			if status, _ := r.post(t, "/slack/events", time.Now(), slackfake.HomeOpened("TA", "EvHome", "U1", "home")); status != http.StatusOK {
				t.Fatalf("got %d for app_home_opened, want 200", status)
			}
			r.fake.WaitCalls(t, "views.publish", 1, nil, 5*time.Second)
		}},
	} {
		t.Run(tt.method, func(t *testing.T) {
			store := newInstalls()
			r, logs := MustRefusedRig(t, MustTwoWorkspaces(t, store), store)
			r.fake.Fail(tt.method, slackfake.Failure{Error: tt.code})
			tt.act(t, r)
			waitUninstalled(t, store, "TA")
			if gone := store.get(tenant("TA")).UninstalledAt; time.Since(gone) > time.Minute {
				t.Fatalf("got TA removed at %v, want about now", gone)
			}
			if r.a.Serves(ctx, tenant("TA")) || !r.a.Serves(ctx, tenant("TB")) {
				t.Fatalf("got TA served %v, TB %v; want TA no longer, TB still", r.a.Serves(ctx, tenant("TA")), r.a.Serves(ctx, tenant("TB")))
			}
			before := callsWith(r.fake, teamA.Token)
			if err := r.a.Send(ctx, memberOf("TA", "U1"), proposal); bot.ErrorCode(err) != bot.EINTERNAL || !strings.Contains(err.Error(), "no bot token") {
				t.Fatalf("got %v sending in TA, want EINTERNAL: not installed", err)
			}
			if n := callsWith(r.fake, teamA.Token) - before; n != 0 {
				t.Fatalf("got %d more calls with TA's refused token, want none", n)
			}
			if err := r.a.Send(ctx, memberOf("TB", "U1"), proposal); err != nil {
				t.Fatalf("got %v sending in TB, want it sent", err)
			}
			log := logs.String()
			if !strings.Contains(log, "team=TA") || !strings.Contains(log, "code="+tt.code) {
				t.Fatalf("got log\n%s\nwant TA and %s in it", log, tt.code)
			}
			if strings.Contains(log, teamA.Token) {
				t.Fatalf("got TA's token in the log:\n%s", log)
			}
		})
	}
}

// TestTokenRefusedNewerInstall: a token refused after the workspace
// installed the app again (on another replica) leaves the new install
// as it is, and the replica that held the old token takes the new one.
func TestTokenRefusedNewerInstall(t *testing.T) {
	ctx := t.Context()
	store := newInstalls()
	fake := MustTwoWorkspaces(t, store)
	r1, _ := MustRefusedRig(t, fake, store)
	r2, _ := MustRefusedRig(t, fake, store)
	if err := r1.a.Send(ctx, memberOf("TA", "U1"), proposal); err != nil {
		t.Fatal(err) // r1 now holds TA's token
	}
	const newToken = "xoxb-a-again"
	fake.AddWorkspace("TA", newToken, teamA.BotUser)
	if err := r2.a.Install(ctx, bot.Installation{Tenant: tenant("TA"), BotUser: teamA.BotUser}, newToken); err != nil {
		t.Fatal(err)
	}
	fake.Fail("chat.postMessage", slackfake.Failure{Error: "invalid_auth"})
	if err := r1.a.Send(ctx, memberOf("TA", "U1"), proposal); err == nil {
		t.Fatal("got the send with the old token through, want Slack's refusal")
	}
	var err error
	for end := time.Now().Add(5 * time.Second); time.Now().Before(end); time.Sleep(10 * time.Millisecond) {
		if err = r1.a.Send(ctx, memberOf("TA", "U1"), proposal); err == nil {
			break
		}
	}
	posts := fake.Calls("chat.postMessage")
	if err != nil || posts[len(posts)-1].Token != newToken {
		t.Fatalf("got %v, last post with the old token %v; want the new install's token used", err, posts[len(posts)-1].Token == teamA.Token)
	}
	if in := store.get(tenant("TA")); !in.Installed() || !r2.a.Serves(ctx, tenant("TA")) {
		t.Fatalf("got TA's new install %+v undone, want it kept", in)
	}
}

// TestSingleTokenRefused: SLACK_BOT_TOKEN refused in the middle of
// operation. Alone, it goes on as before (every call fails, the
// workspace is still served) with one error in the log, not one per
// call; beside installed workspaces, it is dropped as at start, and they
// go on.
func TestSingleTokenRefused(t *testing.T) {
	ctx := t.Context()
	t.Run("Alone", func(t *testing.T) {
		logs := &lockedBuffer{}
		r := MustRig(t, &recorder{}, func(o *slack.Options) {
			o.Log = slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
		})
		r.fake.AddUser(slackfake.User{ID: "U1"})
		for range 3 {
			r.fake.Fail("chat.postMessage", slackfake.Failure{Error: "token_revoked"})
			if err := r.a.Send(ctx, member("U1"), proposal); err == nil {
				t.Fatal("got the send through, want Slack's refusal")
			}
		}
		errs := 0
		for line := range strings.SplitSeq(logs.String(), "\n") {
			if strings.Contains(line, "level=ERROR") && strings.Contains(line, "SLACK_BOT_TOKEN") && strings.Contains(line, "code=token_revoked") {
				errs++
			}
		}
		if errs != 1 || strings.Contains(logs.String(), "xoxb-test") {
			t.Fatalf("got %d errors about the token, want 1 and no token:\n%s", errs, logs.String())
		}
		if !r.a.Serves(ctx, tenant("T1")) {
			t.Fatal("got T1 no longer served, want it served as before")
		}
	})
	t.Run("WithInstalls", func(t *testing.T) {
		store := newInstalls()
		fake := MustTwoWorkspaces(t, store)
		fake.SetTeam("T1")
		r, _ := MustRefusedRig(t, fake, store, func(o *slack.Options) { o.BotToken = "xoxb-test" })
		if !r.a.Serves(ctx, tenant("T1")) {
			t.Fatal("got T1 not served at start, want SLACK_BOT_TOKEN's workspace served")
		}
		fake.Fail("chat.postMessage", slackfake.Failure{Error: "invalid_auth"})
		if err := r.a.Send(ctx, member("U1"), proposal); err == nil {
			t.Fatal("got the send through, want Slack's refusal")
		}
		if r.a.Serves(ctx, tenant("T1")) || !r.a.Serves(ctx, tenant("TA")) {
			t.Fatalf("got T1 served %v, TA %v; want T1 dropped, TA served", r.a.Serves(ctx, tenant("T1")), r.a.Serves(ctx, tenant("TA")))
		}
		if err := r.a.Send(ctx, memberOf("TA", "U1"), proposal); err != nil {
			t.Fatalf("got %v sending in TA, want it sent", err)
		}
	})
}

// TestReinstallNewBotUser: a reinstall with another bot user forgets the
// DM channels opened in that workspace with the old one, and only
// there; a reinstall with the same bot user keeps them.
func TestReinstallNewBotUser(t *testing.T) {
	ctx := t.Context()
	store := newInstalls()
	r := MustInstalledRig(t, &recorder{}, store)
	send := func(team string) {
		t.Helper()
		if err := r.a.Send(ctx, memberOf(team, "U1"), proposal); err != nil {
			t.Fatalf("send in %s: %v", team, err)
		}
	}
	send("TA")
	send("TB")
	reinstall := func(token, botUser string) {
		t.Helper()
		r.fake.AddWorkspace("TA", token, botUser)
		if err := r.a.Install(ctx, bot.Installation{Tenant: tenant("TA"), BotUser: botUser}, token); err != nil {
			t.Fatal(err)
		}
	}
	reinstall("xoxb-a2", "UBOTA2")
	send("TA")
	send("TB")
	opens := tokens(r.fake.Calls("conversations.open"))
	if strings.Join(opens, " ") != "xoxb-a xoxb-b xoxb-a2" {
		t.Fatalf("got conversations.open with %v, want TA's DM opened again with the new token, TB's kept", opens)
	}
	reinstall("xoxb-a3", "UBOTA2")
	send("TA")
	if n := r.fake.Count("conversations.open"); n != 3 {
		t.Fatalf("got %d conversations.open, want 3: the same bot user keeps its DMs", n)
	}
	if posts := r.fake.Calls("chat.postMessage"); posts[len(posts)-1].Token != "xoxb-a3" {
		t.Fatalf("got the last post with %s, want the new token", posts[len(posts)-1].Token)
	}
}
