package slack_test

import (
	"bytes"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
)

// The two workspaces installed by OAuth in the tests, with the same
// users.
var (
	teamA = slackfake.Workspace{Team: "TA", Token: "xoxb-a", BotUser: "UBOTA"}
	teamB = slackfake.Workspace{Team: "TB", Token: "xoxb-b", BotUser: "UBOTB"}
)

// MustInstalledRig starts an adapter without a single token, in front of
// a fake Slack with workspaces TA and TB, both installed with Install.
func MustInstalledRig(t *testing.T, h slack.Handler, store *installs) *rig {
	t.Helper()
	fake := slackfake.MustNew(t)
	fake.AddUser(slackfake.User{ID: "U1", Locale: "en-US"}, slackfake.User{ID: "U2", Locale: "en-US"})
	for _, w := range []slackfake.Workspace{teamA, teamB} {
		fake.AddWorkspace(w.Team, w.Token, w.BotUser)
	}
	r := MustRigOn(t, fake, h, func(o *slack.Options) {
		o.BotToken, o.Installs, o.Sealer, o.DirectoryRefresh = "", store, sealer{}, -1
	})
	for _, w := range []slackfake.Workspace{teamA, teamB} {
		in := bot.Installation{Tenant: tenant(w.Team), BotUser: w.BotUser, InstalledBy: "U1"}
		if err := r.a.Install(t.Context(), in, w.Token); err != nil {
			t.Fatal(err)
		}
	}
	return r
}

func tenant(team string) bot.Tenant { return bot.Tenant{Platform: slack.Platform, Workspace: team} }

func memberOf(team, user string) bot.MemberID {
	return bot.MemberID{Platform: slack.Platform, Workspace: team, User: user}
}

// tokens lists the tokens of the calls to method, in order.
func tokens(calls []slackfake.Call) []string {
	var out []string
	for _, c := range calls {
		out = append(out, c.Token)
	}
	return out
}

// TestInstalledWorkspaces: two workspaces installed by OAuth, with the
// same user IDs, each get every Web API call with their own token, and
// their own conversations; the token is kept sealed.
func TestInstalledWorkspaces(t *testing.T) {
	ctx := t.Context()
	store := newInstalls()
	form := bot.Reply{Form: &bot.Form{Command: "request", Title: "Request", Fields: []bot.FormField{{Name: "topic", Label: "Topic"}}}}
	h := &homeBot{recorder: recorder{reply: form}, home: bot.Message{Text: "your home"}}
	r := MustInstalledRig(t, h, store)

	if in := store.get(tenant("TA")); len(in.Token) == 0 || bytes.Contains(in.Token, []byte(teamA.Token)) || in.InstalledAt.IsZero() {
		t.Fatalf("got kept token %q installed at %v, want it sealed, and a date", in.Token, in.InstalledAt)
	}
	for i, w := range []slackfake.Workspace{teamA, teamB} {
		n := i + 1
		if err := r.a.Send(ctx, memberOf(w.Team, "U1"), proposal); err != nil {
			t.Fatalf("send in %s: %v", w.Team, err)
		}
		if err := r.a.Introduce(ctx, []bot.MemberID{memberOf(w.Team, "U1"), memberOf(w.Team, "U2")}, proposal); err != nil {
			t.Fatalf("introduce in %s: %v", w.Team, err)
		}
		if _, err := r.a.Profile(ctx, memberOf(w.Team, "U2")); err != nil {
			t.Fatalf("profile in %s: %v", w.Team, err)
		}
		r.command(t, slackfake.Command{Team: w.Team, User: "U1", Text: "request", ResponseURL: r.fake.ResponseURL("c" + w.Team), TriggerID: "trigger-" + w.Team})
		r.fake.WaitCalls(t, "views.open", n, nil, 5*time.Second)
		if status, _ := r.post(t, "/slack/events", time.Now(), slackfake.HomeOpened(w.Team, "Ev"+w.Team, "U1", "home")); status != http.StatusOK {
			t.Fatalf("got %d for app_home_opened, want 200", status)
		}
		r.fake.WaitCalls(t, "views.publish", n, nil, 5*time.Second)
	}
	want := []string{teamA.Token, teamB.Token}
	for method, per := range map[string]int{"conversations.open": 2, "chat.postMessage": 2, "users.info": 2, "views.open": 1, "views.publish": 1} {
		got := tokens(r.fake.Calls(method))
		var wantAll []string
		for _, tok := range want {
			for range per {
				wantAll = append(wantAll, tok)
			}
		}
		if strings.Join(got, " ") != strings.Join(wantAll, " ") {
			t.Fatalf("got %s with tokens %v, want %v", method, got, wantAll)
		}
	}
	posts := r.fake.Calls("chat.postMessage")
	if dmA, dmB := posts[0].Get("channel"), posts[2].Get("channel"); dmA != r.fake.DM("TA", "U1") || dmB != r.fake.DM("TB", "U1") || dmA == dmB {
		t.Fatalf("got DMs %q and %q, want U1's own in each workspace", dmA, dmB)
	}
	for _, team := range []string{"TA", "TB"} {
		if !r.a.Serves(ctx, tenant(team)) {
			t.Fatalf("got %s not served, want served: it is installed", team)
		}
	}

	t.Run("Directory", func(t *testing.T) {
		if _, err := r.a.ReadDirectory(ctx); err != nil {
			t.Fatal(err)
		}
		got := tokens(r.fake.Calls("users.list"))
		if len(got) != 2 || got[0] == got[1] {
			t.Fatalf("got users.list with tokens %v, want one read of each workspace", got)
		}
	})
	t.Run("MovedToken", func(t *testing.T) {
		// TA's sealed token copied into TC's record does not open there.
		in := store.get(tenant("TA"))
		in.Tenant = tenant("TC")
		if err := store.SaveInstallation(ctx, in); err != nil {
			t.Fatal(err)
		}
		if r.a.Serves(ctx, tenant("TC")) {
			t.Fatalf("got TC served with TA's token, want not")
		}
	})
}

// TestNotInstalled: a workspace the adapter has no token for is not
// served; a command from it is told so in the ack, a click through its
// response_url, and neither reaches the core; a send to it fails with a
// coded error and no call.
func TestNotInstalled(t *testing.T) {
	ctx := t.Context()
	h := &recorder{reply: bot.Reply{Message: bot.Message{Text: "hello"}}}
	r := MustInstalledRig(t, h, newInstalls())
	if r.a.Serves(ctx, tenant("TC")) || r.a.Serves(ctx, bot.Tenant{Platform: "discord", Workspace: "TA"}) {
		t.Fatalf("got TC (or a Discord guild) served, want not")
	}
	body, _ := r.command(t, slackfake.Command{Team: "TC", User: "U1", Text: "status", ResponseURL: r.fake.ResponseURL("tc")})
	reply, ok := slackfake.Inline([]byte(body))
	if want := bot.T(bot.English, "install.not_installed"); !ok || !strings.Contains(reply.AllText(), "isn't installed in this workspace") || reply.Get("text") != want {
		t.Fatalf("got ack %q, want %q", body, want)
	}
	click := slackfake.Click{Team: "TC", User: "U1", Button: slackfake.Button{ActionID: bot.ActionProposalAccept, Value: "p1"}, Channel: "DU1", TS: "1.2", ResponseURL: r.fake.ResponseURL("click"), TriggerID: "trigger-click"}
	if status, _ := r.post(t, "/slack/interactions", time.Now(), click.Body()); status != http.StatusOK {
		t.Fatalf("got %d for the click, want 200", status)
	}
	told := r.fake.WaitCalls(t, "response_url", 1, nil, 5*time.Second)[0]
	if !strings.Contains(told.AllText(), "isn't installed") {
		t.Fatalf("got %q through response_url, want the not-installed sentence", told.AllText())
	}
	if len(h.Commands()) != 0 || len(h.Actions()) != 0 {
		t.Fatalf("got %d commands and %d clicks to the core, want none", len(h.Commands()), len(h.Actions()))
	}
	err := r.a.Send(ctx, memberOf("TC", "U1"), proposal)
	if bot.ErrorCode(err) != bot.EINTERNAL || !strings.Contains(err.Error(), "TC") {
		t.Fatalf("got %v, want EINTERNAL naming the workspace", err)
	}
	if n := r.fake.Count("conversations.open") + r.fake.Count("chat.postMessage"); n != 0 {
		t.Fatalf("got %d Web API calls for TC, want none", n)
	}
}

// TestUninstall: app_uninstalled, or tokens_revoked of the bot's token,
// erases the workspace's token and stops serving it; the other workspace
// goes on; tokens_revoked of user tokens only changes nothing.
func TestUninstall(t *testing.T) {
	ctx := t.Context()
	store := newInstalls()
	r := MustInstalledRig(t, &recorder{}, store)
	event := func(body []byte) {
		t.Helper()
		if status, _ := r.post(t, "/slack/events", time.Now(), body); status != http.StatusOK {
			t.Fatalf("got %d, want 200", status)
		}
	}
	event(slackfake.TokensRevoked("TB", "Ev1", nil, []string{"U1"}))
	event(slackfake.Uninstalled("TA", "Ev2"))
	waitUninstalled(t, store, "TA")
	if r.a.Serves(ctx, tenant("TA")) || !r.a.Serves(ctx, tenant("TB")) {
		t.Fatalf("got TA served %v, TB %v; want TA no longer, TB still", r.a.Serves(ctx, tenant("TA")), r.a.Serves(ctx, tenant("TB")))
	}
	if err := r.a.Send(ctx, memberOf("TA", "U1"), proposal); bot.ErrorCode(err) != bot.EINTERNAL {
		t.Fatalf("got %v sending in TA, want EINTERNAL", err)
	}
	if err := r.a.Send(ctx, memberOf("TB", "U1"), proposal); err != nil {
		t.Fatalf("got %v sending in TB, want it sent", err)
	}
	event(slackfake.TokensRevoked("TB", "Ev3", []string{teamB.BotUser}, nil))
	waitUninstalled(t, store, "TB")
	if r.a.Serves(ctx, tenant("TB")) {
		t.Fatalf("got TB served after its bot token was revoked, want not")
	}

	// A reinstall serves the workspace again at once.
	if err := r.a.Install(ctx, bot.Installation{Tenant: tenant("TA"), BotUser: teamA.BotUser}, teamA.Token); err != nil {
		t.Fatal(err)
	}
	if !r.a.Serves(ctx, tenant("TA")) {
		t.Fatalf("got TA not served after its reinstall, want served")
	}
	// A late app_uninstalled of the earlier install (Slack retries an
	// event for minutes) leaves the new install as it is.
	event(slackfake.UninstalledAt("TA", "Ev4", time.Now().Add(-3*time.Minute)))
	for end := time.Now().Add(500 * time.Millisecond); time.Now().Before(end); time.Sleep(10 * time.Millisecond) {
		// The event's job runs at once after its ack: watch it.
		if in := store.get(tenant("TA")); !in.Installed() {
			t.Fatalf("got TA's token erased by a late uninstall event, want the new install kept")
		}
	}
	if !r.a.Serves(ctx, tenant("TA")) {
		t.Fatalf("got TA not served after a late uninstall event, want served")
	}
}

// waitUninstalled waits for the record of team to be uninstalled (the
// store is written after the event's ack) and checks its token is gone.
func waitUninstalled(t *testing.T, store *installs, team string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for store.get(tenant(team)).UninstalledAt.IsZero() {
		if time.Now().After(deadline) {
			t.Fatalf("%s still installed after its uninstall event", team)
		}
		time.Sleep(5 * time.Millisecond)
	}
	if in := store.get(tenant(team)); len(in.Token) != 0 || in.Installed() {
		t.Fatalf("got %s's token %q kept, want it erased", team, in.Token)
	}
}

// TestSingleToken: SLACK_BOT_TOKEN serves the workspace auth.test tells,
// and only it; when auth.test fails, without an install store, any
// workspace, as before, until auth.test, asked again in the background,
// answers; an uninstall stops it until restart.
func TestSingleToken(t *testing.T) {
	ctx := t.Context()
	t.Run("KnownTeam", func(t *testing.T) {
		r := MustRig(t, &recorder{})
		r.fake.AddUser(slackfake.User{ID: "U1"})
		if !r.a.Serves(ctx, tenant("T1")) || r.a.Serves(ctx, tenant("T2")) {
			t.Fatalf("got T1 served %v, T2 %v; want T1 only", r.a.Serves(ctx, tenant("T1")), r.a.Serves(ctx, tenant("T2")))
		}
		if err := r.a.Send(ctx, member("U1"), proposal); err != nil {
			t.Fatal(err)
		}
		if err := r.a.Send(ctx, memberOf("T2", "U1"), proposal); bot.ErrorCode(err) != bot.EINTERNAL {
			t.Fatalf("got %v sending in T2, want EINTERNAL", err)
		}
		if status, _ := r.post(t, "/slack/events", time.Now(), slackfake.Uninstalled("T1", "Ev1")); status != http.StatusOK {
			t.Fatalf("got %d, want 200", status)
		}
		if r.a.Serves(ctx, tenant("T1")) {
			t.Fatalf("got T1 served after its uninstall, want not")
		}
		if got := tokens(r.fake.Calls("chat.postMessage")); len(got) != 1 || got[0] != "xoxb-test" {
			t.Fatalf("got posts with tokens %v, want one with the single token", got)
		}
	})
	t.Run("SocketMode", func(t *testing.T) {
		// The not-installed sentence travels in the envelope's ack.
		h := &recorder{}
		r := MustSocketRig(t, h)
		body, _ := r.command(t, slackfake.Command{Team: "T2", User: "U1", Text: "status", ResponseURL: r.fake.ResponseURL("t2")})
		if reply, ok := slackfake.Inline([]byte(body)); !ok || reply.Get("text") != bot.T(bot.English, "install.not_installed") {
			t.Fatalf("got ack %q, want the not-installed sentence", body)
		}
		if len(h.Commands()) != 0 {
			t.Fatalf("got %d commands to the core, want none", len(h.Commands()))
		}
	})
	t.Run("RefusedWithInstalls", func(t *testing.T) {
		// SLACK_BOT_TOKEN's workspace removed the app, and the bot
		// restarts: the workspaces installed by OAuth go on being served.
		store := newInstalls()
		fake := slackfake.MustNew(t)
		fake.AddUser(slackfake.User{ID: "U1", Locale: "en-US"})
		fake.AddWorkspace(teamA.Team, teamA.Token, teamA.BotUser)
		fake.Fail("auth.test", slackfake.Failure{Error: "token_revoked"})
		sealed, _ := sealer{}.Seal([]byte(teamA.Token), tenant(teamA.Team).String())
		if err := store.SaveInstallation(ctx, bot.Installation{Tenant: tenant(teamA.Team), BotUser: teamA.BotUser, Token: sealed}); err != nil {
			t.Fatal(err)
		}
		r := MustRigOn(t, fake, &recorder{}, func(o *slack.Options) { o.Installs, o.Sealer = store, sealer{} })
		if !r.a.Serves(ctx, tenant(teamA.Team)) || r.a.Serves(ctx, tenant("T1")) {
			t.Fatal("want the installed workspace served, and not the refused token's")
		}
		if err := r.a.Send(ctx, memberOf(teamA.Team, "U1"), proposal); err != nil {
			t.Fatalf("send in the installed workspace: %v", err)
		}
	})
	t.Run("UnknownTeam", func(t *testing.T) {
		fake := MustFakeOf(t, "T1")
		fake.SetMethodDown("auth.test", true)
		r := MustRigOn(t, fake, &recorder{})
		fake.AddUser(slackfake.User{ID: "U1"})
		if !r.a.Serves(ctx, tenant("T1")) || !r.a.Serves(ctx, tenant("T2")) {
			t.Fatalf("got T1 served %v, T2 %v; want both: the token's team is unknown", r.a.Serves(ctx, tenant("T1")), r.a.Serves(ctx, tenant("T2")))
		}
		if err := r.a.Send(ctx, memberOf("T2", "U1"), proposal); err != nil {
			t.Fatal(err)
		}
		fake.SetMethodDown("auth.test", false)
		for deadline := time.Now().Add(5 * time.Second); r.a.Serves(ctx, tenant("T2")); time.Sleep(10 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatal("got T2 still served 5 s after auth.test answered T1, want T1 alone")
			}
		}
		if !r.a.Serves(ctx, tenant("T1")) {
			t.Fatal("got T1 not served once auth.test answered, want served")
		}
	})
}
