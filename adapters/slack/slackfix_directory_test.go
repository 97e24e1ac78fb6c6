package slack_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
)

// TestSlackfixDirectoryAfterInstall: a workspace that installs the app by
// OAuth has its directory read at once, in the background, not at the
// next refresh hours later: the first command of a French member comes
// with their locale, without a users.info call. The install's page does
// not wait for the read (here held up by a 429), and the log names the
// workspace, never a member's name.
func TestSlackfixDirectoryAfterInstall(t *testing.T) {
	fake := slackfake.MustNew(t)
	fake.AddUser(slackfake.User{ID: "UELISE", Name: "elise", RealName: "Élise Durand", TZ: "Europe/Paris", Locale: "fr-FR"},
		slackfake.User{ID: "UADA", Name: "ada", RealName: "Ada Admin", TZ: "Europe/London", Locale: "en-GB"})
	ib := &installBot{}
	ir := MustInstallRigOn(t, fake, ib, ib, bot.NewManualClock(time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC)),
		func(o *slack.Options) { o.DirectoryRefresh = 12 * time.Hour })
	if n := fake.Count("users.list"); n != 0 {
		t.Fatalf("got %d users.list calls before any install, want none", n)
	}

	fake.Fail("users.list", slackfake.Failure{Status: http.StatusTooManyRequests, RetryAfter: "1"})
	state := ir.state(t)
	fake.AddOAuthCode("code-2", slackfake.Grant{Team: "T2", TeamName: "Alumni", Token: "xoxb-t2", BotUser: "UBOT2", Installer: "UADA"})
	start := time.Now()
	if status, body := ir.back(t, url.Values{"code": {"code-2"}, "state": {state}}, "fr-FR"); status != http.StatusOK || !strings.Contains(body, "/mentor aide") {
		t.Fatalf("got %d %s, want the success page", status, body)
	}
	if took := time.Since(start); took > 800*time.Millisecond {
		t.Fatalf("got the install's page after %s, want it before the directory's read, held up 1 s by a 429", took)
	}
	read := func(c slackfake.Call) bool { return c.Token == "xoxb-t2" && c.Answer["ok"] == true }
	fake.WaitCalls(t, "users.list", 1, read, 5*time.Second)
	waitLog(t, ir.logs, `msg="slack: directory read after install" team=T2 members=2`)

	ir.command(t, slackfake.Command{Team: "T2", User: "UELISE", UserName: "elise", Text: "aide", ResponseURL: fake.ResponseURL("r1")})
	var got []bot.Command
	waitFor(t, func() bool { got = ib.Commands(); return len(got) == 1 })
	if got[0].Locale != "fr-FR" || got[0].Member != (bot.MemberID{Platform: "slack", Workspace: "T2", User: "UELISE"}) {
		t.Fatalf("got %+v, want Élise's first command with her locale fr-FR from the directory", got[0])
	}
	if n := fake.Count("users.info"); n != 0 {
		t.Fatalf("got %d users.info calls, want the profile from the directory", n)
	}
	ir.mustNotLeak(t, "Élise", "Durand", "xoxb-t2")
}

// waitLog waits for a line of the log to contain want.
func waitLog(tb testing.TB, logs *lockedBuffer, want string) {
	tb.Helper()
	waitFor(tb, func() bool { return strings.Contains(logs.String(), want) })
	if !strings.Contains(logs.String(), want) {
		tb.Fatalf("got log:\n%s\nwant %q in it", logs.String(), want)
	}
}

// waitFor waits up to 5 s for ok.
func waitFor(tb testing.TB, ok func() bool) {
	tb.Helper()
	for deadline := time.Now().Add(5 * time.Second); !ok() && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
}
