package main_test

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	slackadapter "github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
	main "github.com/mentorbot/mentorbot/cmd/mentorbot"
)

// savedInstalls is an in-memory bot.InstallStore for the adapter, until
// the store keeps installations.
type savedInstalls struct {
	mu  sync.Mutex
	ins []bot.Installation
}

func (s *savedInstalls) SaveInstallation(_ context.Context, in bot.Installation) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.ins = append(s.ins, in)
	return nil
}

func (s *savedInstalls) Installation(context.Context, bot.Tenant) (bot.Installation, error) {
	return bot.Installation{}, bot.Errorf(bot.ENOTFOUND, "err.not_found")
}

func (s *savedInstalls) Uninstall(context.Context, bot.Tenant, time.Time) error { return nil }

func (s *savedInstalls) Installations(context.Context, string) ([]bot.Installation, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]bot.Installation(nil), s.ins...), nil
}

func (s *savedInstalls) EraseTenant(context.Context, bot.Tenant) error { return nil }

// TestSlackInstallE2E: with SLACK_CLIENT_ID and no bot token, mentorbot
// starts the Slack adapter and installs a workspace by OAuth: the real
// bot makes the installer a manager, and the state's single use goes
// through the store, so a replay is refused.
func TestSlackInstallE2E(t *testing.T) {
	saved := &savedInstalls{}
	w := MustStartSlack(t, func(m *main.Main, _ *slackfake.Server) {
		m.Config.Slack.BotToken = ""
		m.Config.Slack.ClientID, m.Config.Slack.ClientSecret = slackfake.ClientID, slackfake.ClientSecret
		m.Config.Slack.DirectoryRefresh = -1
		m.SlackOptions = func(o *slackadapter.Options) { fastOptions(o); o.Installs = saved }
	})
	browser := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := browser.Get(w.m.HTTPURL() + "/slack/install")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	loc, _ := url.Parse(res.Header.Get("Location"))
	state := loc.Query().Get("state")
	if res.StatusCode != http.StatusFound || loc.Host != "slack.com" || state == "" {
		t.Fatalf("got %d to %s, want Slack's consent page with a state", res.StatusCode, loc)
	}
	w.fake.AddOAuthCode("code-1", slackfake.Grant{Team: w.team, TeamName: "Alumni", Token: "xoxb-" + w.team, BotUser: "UBOT", Installer: admin.ID})
	w.fake.AddOAuthCode("code-2", slackfake.Grant{Team: w.team, TeamName: "Alumni", Token: "xoxb-" + w.team, BotUser: "UBOT", Installer: bob.ID})
	back := func(code string) (int, string) {
		res, err := browser.Get(w.m.HTTPURL() + "/slack/oauth_redirect?" + url.Values{"code": {code}, "state": {state}}.Encode())
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	if status, body := back("code-1"); status != http.StatusOK || !strings.Contains(body, "/mentor help") {
		t.Fatalf("got %d %s, want the success page", status, body)
	}
	tn := bot.Tenant{Platform: slackadapter.Platform, Workspace: w.team}
	if ok, err := w.m.Store.IsManager(context.Background(), tn.Member(admin.ID)); !ok || err != nil {
		t.Fatalf("got %v, %v; want the installer a manager", ok, err)
	}
	if status, body := back("code-2"); status != http.StatusBadRequest || !strings.Contains(body, "already been used") {
		t.Fatalf("got %d %s, want the replayed state refused", status, body)
	}
	if ins, _ := saved.Installations(context.Background(), "slack"); len(ins) != 1 || ins[0].Tenant != tn || ins[0].InstalledBy != admin.ID {
		t.Fatalf("got installs %+v, want the workspace installed once, by its admin", ins)
	}
}
