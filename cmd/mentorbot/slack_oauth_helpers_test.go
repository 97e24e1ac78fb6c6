package main_test

import (
	"bytes"
	"encoding/base64"
	"io"
	"net/http"
	"net/url"
	"sync"
	"testing"

	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	main "github.com/mentorbot/mentorbot/cmd/mentorbot"
	"github.com/mentorbot/mentorbot/secret"
)

// testTokenKey is the tests' MENTORBOT_TOKEN_KEY.
var testTokenKey = base64.StdEncoding.EncodeToString(bytes.Repeat([]byte{'k'}, 32))

// withOAuth configures Main as an operator does for installs by OAuth,
// through the environment's variables: SLACK_CLIENT_ID,
// SLACK_CLIENT_SECRET and MENTORBOT_TOKEN_KEY, next to whatever the world
// set (a SLACK_BOT_TOKEN, or none).
func withOAuth(tb testing.TB) func(*main.Main, *slackfake.Server) {
	return func(m *main.Main, _ *slackfake.Server) {
		keys, err := secret.ParseKeys(testTokenKey)
		if err != nil {
			tb.Fatal(err)
		}
		m.Config.Slack.ClientID, m.Config.Slack.ClientSecret = slackfake.ClientID, slackfake.ClientSecret
		m.Config.TokenKeys = keys
	}
}

// oauthBrowser follows no redirect, so that a test reads each step.
var oauthBrowser = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

// installStart opens GET /slack/install as an installer's browser does
// and returns the state of the consent page it is sent to.
func installStart(tb testing.TB, m *main.Main) string {
	tb.Helper()
	res, err := oauthBrowser.Get(m.HTTPURL() + "/slack/install")
	if err != nil {
		tb.Fatal(err)
	}
	res.Body.Close()
	loc, _ := url.Parse(res.Header.Get("Location"))
	state := loc.Query().Get("state")
	if res.StatusCode != http.StatusFound || loc.Host != "slack.com" || state == "" {
		tb.Fatalf("got %d to %s, want Slack's consent page with a state", res.StatusCode, loc)
	}
	for _, c := range res.Cookies() {
		if c.Value == state {
			stateCookies.Store(state, c) // the browser keeps it
			return state
		}
	}
	tb.Fatalf("got cookies %v, want one holding the state", res.Cookies())
	return ""
}

// stateCookies are the cookies installStart's browser keeps, by state.
var stateCookies sync.Map

// installBack is Slack sending the installer back with code and state.
func installBack(tb testing.TB, m *main.Main, code, state string) (int, string) {
	tb.Helper()
	req, _ := http.NewRequest(http.MethodGet, m.HTTPURL()+"/slack/oauth_redirect?"+url.Values{"code": {code}, "state": {state}}.Encode(), nil)
	if c, ok := stateCookies.Load(state); ok {
		req.AddCookie(&http.Cookie{Name: c.(*http.Cookie).Name, Value: state})
	}
	res, err := oauthBrowser.Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// installByOAuth installs the app on the grant's workspace the way an
// installer does, through the running Main: the consent page, then back
// with the code the fake Slack issued. It fails the test unless the
// success page is shown.
func installByOAuth(tb testing.TB, m *main.Main, fake *slackfake.Server, code string, g slackfake.Grant) {
	tb.Helper()
	state := installStart(tb, m)
	fake.AddOAuthCode(code, g)
	if status, body := installBack(tb, m, code, state); status != http.StatusOK || !bytes.Contains([]byte(body), []byte("/mentor help")) {
		tb.Fatalf("got %d %s, want the success page", status, body)
	}
}
