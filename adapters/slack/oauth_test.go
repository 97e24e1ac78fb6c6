package slack_test

import (
	"html/template"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
)

// page is how a sentence of the catalog reads in a page.
func page(lang bot.Lang, key string, args ...string) string {
	return template.HTMLEscapeString(bot.T(lang, key, args...))
}

// grantT1 is an install on workspace T1, inside Grid E1, by UADMIN.
var grantT1 = slackfake.Grant{
	Team: "T1", TeamName: "Alumni <&> Co", Enterprise: "E1", Token: "xoxb-secret-t1", BotUser: "UBOT1",
	Installer: "UADMIN", Scopes: "commands,chat:write", RedirectURI: redirectURL,
}

// TestInstallStart: /slack/install sends the browser to Slack's consent
// page with the app, the manifest's bot scopes, the redirect URL and a
// fresh state each time.
func TestInstallStart(t *testing.T) {
	ib := &installBot{}
	ir := MustInstallRig(t, ib, ib, func(o *slack.Options) { o.AuthorizeURL = "https://slack.test/oauth/v2/authorize" })
	loc := ir.start(t)
	q := loc.Query()
	if got := loc.Scheme + "://" + loc.Host + loc.Path; got != "https://slack.test/oauth/v2/authorize" {
		t.Fatalf("got a redirect to %s, want the authorize URL", got)
	}
	if q.Get("client_id") != slackfake.ClientID || q.Get("scope") != strings.Join(slack.BotScopes, ",") || q.Get("redirect_uri") != redirectURL {
		t.Fatalf("got %v, want the client ID, the bot scopes %v and the redirect URL", q, slack.BotScopes)
	}
	if s := q.Get("state"); s == "" || s == ir.state(t) {
		t.Fatalf("got state %q twice, want a new state each time", s)
	}
}

// TestInstall plays installs by OAuth through the adapter's HTTP server
// and the fake Slack: the one that succeeds, and each one refused, which
// leaves nothing installed.
func TestInstall(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		ib := &installBot{}
		ir := MustInstallRig(t, ib, ib)
		state := ir.state(t)
		ir.fake.AddOAuthCode("code-1", grantT1)
		status, body := ir.back(t, url.Values{"code": {"code-1"}, "state": {state}}, "en-US,en;q=0.9")
		if status != http.StatusOK || !strings.Contains(body, page(bot.English, "oauth.done", "workspace", "Alumni <&> Co")) {
			t.Fatalf("got %d %s, want the success page naming the workspace, escaped", status, body)
		}
		for _, want := range []string{`href="slack://app?team=T1&amp;id=AFAKE&amp;tab=home"`, "/mentor help", page(bot.English, "oauth.done_manager"), `<html lang="en">`} {
			if !strings.Contains(body, want) {
				t.Fatalf("got %s, want %s in it", body, want)
			}
		}
		got, err := ir.installs.Installation(t.Context(), bot.Tenant{Platform: "slack", Workspace: "T1"})
		want := bot.Installation{
			Tenant: bot.Tenant{Platform: "slack", Workspace: "T1"}, Enterprise: "E1", BotUser: "UBOT1",
			Scopes: "commands,chat:write", InstalledBy: "UADMIN", InstalledAt: ir.clock.Now(),
		}
		if err != nil || !got.Installed() || len(got.Token) == 0 {
			t.Fatalf("got %+v, %v; want T1 installed with its token", got, err)
		}
		got.Token = nil
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("got %+v, want %+v", got, want)
		}
		if m := ib.Managers(); len(m) != 1 || m[0] != (bot.MemberID{Platform: "slack", Workspace: "T1", User: "UADMIN"}) {
			t.Fatalf("got managers %v, want the installer UADMIN of T1", m)
		}
		call := ir.fake.Calls("oauth.v2.access")[0]
		if call.Get("code") != "code-1" || call.Get("redirect_uri") != redirectURL {
			t.Fatalf("got oauth.v2.access with %v, want the code and the redirect URL", call.Params)
		}
		ir.mustNotLeak(t, "code-1", state, grantT1.Token)
	})
	t.Run("ReinstallMakesNoManager", func(t *testing.T) {
		// A member who installs again an app installed already (Slack
		// lets members install an approved app) is not made a manager:
		// nor is a manager removed since, by installing it again.
		ib := &installBot{}
		ir := MustInstallRig(t, ib, ib)
		ir.fake.AddOAuthCode("code-1", grantT1)
		ir.back(t, url.Values{"code": {"code-1"}, "state": {ir.state(t)}}, "en")
		g := grantT1
		g.Installer = "UMALLORY"
		ir.fake.AddOAuthCode("code-2", g)
		status, body := ir.back(t, url.Values{"code": {"code-2"}, "state": {ir.state(t)}}, "en")
		if status != http.StatusOK || strings.Contains(body, page(bot.English, "oauth.done_manager")) {
			t.Fatalf("got %d %s, want the reinstall done without making a manager", status, body)
		}
		if m := ib.Managers(); len(m) != 1 || m[0].User != "UADMIN" {
			t.Fatalf("got managers %v, want the first installer alone", m)
		}
	})
	t.Run("French", func(t *testing.T) {
		ib := &installBot{}
		ir := MustInstallRig(t, ib, ib)
		ir.fake.AddOAuthCode("code-1", grantT1)
		status, body := ir.back(t, url.Values{"code": {"code-1"}, "state": {ir.state(t)}}, "fr-FR,fr;q=0.9,en;q=0.5")
		for _, want := range []string{`<html lang="fr">`, page(bot.French, "oauth.title_done"), page(bot.French, "oauth.done", "workspace", "Alumni <&> Co"), page(bot.French, "oauth.done_home")} {
			if status != http.StatusOK || !strings.Contains(body, want) {
				t.Fatalf("got %d %s, want %s in it", status, body, want)
			}
		}
		_, body = ir.back(t, url.Values{"code": {"code-2"}, "state": {"forged"}}, "fr")
		if !strings.Contains(body, page(bot.French, "oauth.forged")) || !strings.Contains(body, page(bot.French, "oauth.again")) {
			t.Fatalf("got %s, want the refusal in French", body)
		}
	})
	refusals := []struct {
		name   string
		play   func(t *testing.T, ir *installRig) (int, string)
		status int
		key    string
		args   []string
	}{
		{"ErrForged", func(t *testing.T, ir *installRig) (int, string) {
			s := []byte(ir.state(t))
			s[len(s)-2] ^= 1 // a bit of the MAC
			return ir.back(t, url.Values{"code": {"code-1"}, "state": {string(s)}}, "")
		}, http.StatusBadRequest, "oauth.forged", nil},
		{"ErrOtherKey", func(t *testing.T, ir *installRig) (int, string) {
			ib := &installBot{}
			other := MustInstallRig(t, ib, ib, func(o *slack.Options) { o.StateKey = []byte("another deployment") })
			return ir.back(t, url.Values{"code": {"code-1"}, "state": {other.state(t)}}, "")
		}, http.StatusBadRequest, "oauth.forged", nil},
		{"ErrNoState", func(t *testing.T, ir *installRig) (int, string) {
			return ir.back(t, url.Values{"code": {"code-1"}}, "")
		}, http.StatusBadRequest, "oauth.forged", nil},
		{"ErrNoCode", func(t *testing.T, ir *installRig) (int, string) {
			return ir.back(t, url.Values{"state": {ir.state(t)}}, "")
		}, http.StatusBadRequest, "oauth.forged", nil},
		{"ErrExpired", func(t *testing.T, ir *installRig) (int, string) {
			state := ir.state(t)
			ir.clock.Advance(10*time.Minute + time.Second)
			return ir.back(t, url.Values{"code": {"code-1"}, "state": {state}}, "")
		}, http.StatusBadRequest, "oauth.expired", []string{"minutes", "10"}},
		{"AccessDenied", func(t *testing.T, ir *installRig) (int, string) {
			return ir.back(t, url.Values{"error": {"access_denied"}, "state": {ir.state(t)}}, "")
		}, http.StatusOK, "oauth.denied", nil},
		{"ErrSlackError", func(t *testing.T, ir *installRig) (int, string) {
			return ir.back(t, url.Values{"error": {"invalid_scope"}, "state": {ir.state(t)}}, "")
		}, http.StatusBadGateway, "oauth.slack_error", []string{"error", "invalid_scope"}},
		{"ErrUnknownSlackError", func(t *testing.T, ir *installRig) (int, string) {
			return ir.back(t, url.Values{"error": {"<b>odd</b>"}, "state": {ir.state(t)}}, "")
		}, http.StatusBadGateway, "oauth.slack_error_unknown", nil},
		{"ErrUnknownCode", func(t *testing.T, ir *installRig) (int, string) {
			return ir.back(t, url.Values{"code": {"code-nope"}, "state": {ir.state(t)}}, "")
		}, http.StatusBadGateway, "oauth.slack_error", []string{"error", "invalid_code"}},
		{"ErrStoreDown", func(t *testing.T, ir *installRig) (int, string) {
			ir.installs.fail = bot.Errorf(bot.EUNAVAILABLE, "err.unavailable")
			return ir.back(t, url.Values{"code": {"code-1"}, "state": {ir.state(t)}}, "")
		}, http.StatusInternalServerError, "oauth.failed", nil},
	}
	for _, tt := range refusals {
		t.Run(tt.name, func(t *testing.T) {
			ib := &installBot{}
			ir := MustInstallRig(t, ib, ib)
			ir.fake.AddOAuthCode("code-1", grantT1)
			status, body := tt.play(t, ir)
			if status != tt.status || !strings.Contains(body, page(bot.English, tt.key, tt.args...)) {
				t.Fatalf("got %d %s, want %d and %q", status, body, tt.status, bot.T(bot.English, tt.key, tt.args...))
			}
			if !strings.Contains(body, `href="/slack/install"`) {
				t.Fatalf("got %s, want a link to start again", body)
			}
			if n, m := ir.installs.Saves(), len(ib.Managers()); n != 0 || m != 0 {
				t.Fatalf("got %d installs and %d managers, want none", n, m)
			}
			if tt.name == "ErrStoreDown" && ir.fake.Count("auth.revoke") != 1 {
				t.Fatalf("got %d auth.revoke calls, want the token Slack granted given back", ir.fake.Count("auth.revoke"))
			}
			ir.mustNotLeak(t, "code-1", grantT1.Token)
		})
	}
}

// TestInstallOnce: a state works once, on any replica, and so does a code;
// the replay installs nothing more.
func TestInstallOnce(t *testing.T) {
	t.Run("ErrReplayedState", func(t *testing.T) {
		ib := &installBot{}
		ir := MustInstallRig(t, ib, ib)
		ir.fake.AddOAuthCode("code-1", grantT1)
		ir.fake.AddOAuthCode("code-2", grantT1)
		state := ir.state(t)
		if status, body := ir.back(t, url.Values{"code": {"code-1"}, "state": {state}}, ""); status != http.StatusOK {
			t.Fatalf("got %d %s, want the first install", status, body)
		}
		status, body := ir.back(t, url.Values{"code": {"code-2"}, "state": {state}}, "")
		if status != http.StatusBadRequest || !strings.Contains(body, page(bot.English, "oauth.used")) {
			t.Fatalf("got %d %s, want the state refused as used", status, body)
		}
		if n, calls := ir.installs.Saves(), ir.fake.Count("oauth.v2.access"); n != 1 || calls != 1 {
			t.Fatalf("got %d installs and %d exchanges, want the first only", n, calls)
		}
	})
	t.Run("ErrReplayedStateOtherReplica", func(t *testing.T) {
		// Two replicas share the record of deliveries seen, as the core
		// keeps it in Redis, and the client secret.
		fake, shared := slackfake.MustNew(t), &seenKeys{}
		c := bot.NewManualClock(time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC))
		ib1, ib2 := &installBot{shared: shared}, &installBot{shared: shared}
		r1 := MustInstallRigOn(t, fake, replicaBot{ib1}, ib1, c)
		r2 := MustInstallRigOn(t, fake, replicaBot{ib2}, ib2, c)
		fake.AddOAuthCode("code-1", grantT1)
		fake.AddOAuthCode("code-2", grantT1)
		state := r1.state(t)
		// The same browser, sent to the other replica.
		if status, body := r2.backWith(t, url.Values{"code": {"code-1"}, "state": {state}}, "", r1.cookie(state)); status != http.StatusOK {
			t.Fatalf("got %d %s, want the install on the other replica", status, body)
		}
		status, body := r1.back(t, url.Values{"code": {"code-2"}, "state": {state}}, "")
		if status != http.StatusBadRequest || !strings.Contains(body, page(bot.English, "oauth.used")) || r1.installs.Saves() != 0 {
			t.Fatalf("got %d %s and %d installs on the first replica, want the state refused as used", status, body, r1.installs.Saves())
		}
	})
	t.Run("ErrReplayedCode", func(t *testing.T) {
		ib := &installBot{}
		ir := MustInstallRig(t, ib, ib)
		ir.fake.AddOAuthCode("code-1", grantT1)
		if status, body := ir.back(t, url.Values{"code": {"code-1"}, "state": {ir.state(t)}}, ""); status != http.StatusOK {
			t.Fatalf("got %d %s, want the first install", status, body)
		}
		status, body := ir.back(t, url.Values{"code": {"code-1"}, "state": {ir.state(t)}}, "")
		if status != http.StatusBadGateway || !strings.Contains(body, page(bot.English, "oauth.slack_error", "error", "invalid_code")) {
			t.Fatalf("got %d %s, want Slack's refusal of the code", status, body)
		}
		if n := ir.installs.Saves(); n != 1 {
			t.Fatalf("got %d installs, want the first only", n)
		}
	})
}

// TestInstallGrid: a workspace of an Enterprise Grid installs like any
// other (see TestInstall, with its enterprise ID); an org-wide install is
// refused with a page that says to install on each workspace, and its
// token is given back.
func TestInstallGrid(t *testing.T) {
	ib := &installBot{}
	ir := MustInstallRig(t, ib, ib)
	ir.fake.AddOAuthCode("code-org", slackfake.Grant{Enterprise: "E1", EnterpriseInstall: true, Token: "xoxb-secret-org", BotUser: "UBOT", Installer: "UADMIN"})
	status, body := ir.back(t, url.Values{"code": {"code-org"}, "state": {ir.state(t)}}, "")
	if status != http.StatusBadRequest || !strings.Contains(body, page(bot.English, "oauth.org_wide")) {
		t.Fatalf("got %d %s, want the org-wide install refused", status, body)
	}
	if n, m := ir.installs.Saves(), len(ib.Managers()); n != 0 || m != 0 {
		t.Fatalf("got %d installs and %d managers, want none", n, m)
	}
	if calls := ir.fake.Calls("auth.revoke"); len(calls) != 1 || calls[0].Token != "xoxb-secret-org" {
		t.Fatalf("got auth.revoke calls %v, want the org's token revoked", calls)
	}
	ir.mustNotLeak(t, "code-org", "xoxb-secret-org")
}

// TestInstallCredentials: a wrong client secret is Slack's refusal, shown
// as such, and installs nothing; the fake takes the credentials by HTTP
// Basic authentication too, as Slack does.
func TestInstallCredentials(t *testing.T) {
	ib := &installBot{}
	ir := MustInstallRig(t, ib, ib, func(o *slack.Options) { o.ClientSecret = "wrong" })
	ir.fake.AddOAuthCode("code-1", grantT1)
	status, body := ir.back(t, url.Values{"code": {"code-1"}, "state": {ir.state(t)}}, "")
	if status != http.StatusBadGateway || !strings.Contains(body, "bad_client_secret") || ir.installs.Saves() != 0 {
		t.Fatalf("got %d %s, want Slack's refusal and nothing installed", status, body)
	}
	ir.mustNotLeak(t, "wrong")

	form := url.Values{"code": {"code-1"}, "redirect_uri": {redirectURL}}
	req, _ := http.NewRequest(http.MethodPost, ir.fake.APIURL()+"oauth.v2.access", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.SetBasicAuth(slackfake.ClientID, slackfake.ClientSecret)
	if _, body := do(t, req); !strings.Contains(body, `"access_token":"xoxb-secret-t1"`) {
		t.Fatalf("got %s, want the token for credentials by Basic authentication", body)
	}
}

// TestInstallBoundToBrowser: the redirect is taken only from the browser
// that started the install, which /slack/install gave a cookie holding
// the state. A link to the redirect with someone else's code and state,
// opened in another browser, installs nothing, says why in the browser's
// language, and leaves the state to the browser that started it.
func TestInstallBoundToBrowser(t *testing.T) {
	ib := &installBot{}
	ir := MustInstallRig(t, ib, ib)
	ir.fake.AddOAuthCode("code-1", grantT1)
	state := ir.state(t)
	c := ir.cookie(state)
	if !c.HttpOnly || c.SameSite != http.SameSiteLaxMode || !c.Secure || c.Path != "/slack/oauth_redirect" || c.MaxAge != 600 {
		t.Errorf("got cookie %+v, want HttpOnly, SameSite=Lax, Secure, on the redirect's path, for 10 minutes", c)
	}
	query := url.Values{"code": {"code-1"}, "state": {state}}
	for _, tt := range []struct {
		name   string
		lang   string
		cookie *http.Cookie
		want   bot.Lang
	}{
		{"NoCookie", "", nil, bot.English},
		{"NoCookieFrench", "fr-FR,fr;q=0.9", nil, bot.French},
		{"AnotherInstallsCookie", "", ir.cookie(ir.state(t)), bot.English},
		{"ForgedCookie", "", &http.Cookie{Name: c.Name, Value: state + "x"}, bot.English},
	} {
		t.Run(tt.name, func(t *testing.T) {
			status, body := ir.backWith(t, query, tt.lang, tt.cookie)
			if status != http.StatusBadRequest || !strings.Contains(body, page(tt.want, "oauth.other_browser")) {
				t.Fatalf("got %d %s, want the install refused as from another browser", status, body)
			}
			if n, calls := ir.installs.Saves(), ir.fake.Count("oauth.v2.access"); n != 0 || calls != 0 {
				t.Fatalf("got %d installs and %d exchanges, want none", n, calls)
			}
		})
	}
	if status, body := ir.back(t, query, ""); status != http.StatusOK {
		t.Fatalf("got %d %s, want the browser that started to finish the install", status, body)
	}
}

// TestInstallCookieEachTab: two installs started in two tabs of one
// browser each keep their own cookie (the first is not refused as from
// another browser), and behind a proxy that adds a path prefix the
// cookie goes to the redirect's own path.
func TestInstallCookieEachTab(t *testing.T) {
	ib := &installBot{}
	ir := MustInstallRig(t, ib, ib)
	first, second := ir.state(t), ir.state(t)
	if a, b := ir.cookie(first), ir.cookie(second); a.Name == b.Name {
		t.Fatalf("got one cookie name %q for two installs, want one each", a.Name)
	}
	ir.fake.AddOAuthCode("code-1", grantT1)
	if status, body := ir.back(t, url.Values{"code": {"code-1"}, "state": {first}}, ""); status != http.StatusOK {
		t.Fatalf("got %d %s, want the first tab's install", status, body)
	}
	prefixed := MustInstallRig(t, ib, ib, func(o *slack.Options) { o.RedirectURL = "https://h.example/mentorbot/slack/oauth_redirect" })
	if c := prefixed.cookie(prefixed.state(t)); c.Path != "/mentorbot/slack/oauth_redirect" {
		t.Fatalf("got cookie path %q, want the redirect URL's", c.Path)
	}
}

// TestInstallRedirectError: the error Slack sends back instead of a code
// is believed only once the state is ours and from this browser, and is
// shown and logged only if it is one of Slack's codes: anything else
// anyone writes in the parameter is neither shown nor logged.
func TestInstallRedirectError(t *testing.T) {
	const hostile = "Your install failed: call +1 555 0100 <script>alert(1)</script>"
	for _, tt := range []struct {
		name   string
		query  func(ir *installRig) url.Values
		cookie bool
		status int
		key    string
		args   []string
		logged string
	}{
		{"ErrUnknownText", func(ir *installRig) url.Values { return url.Values{"error": {hostile}, "state": {ir.state(t)}} },
			true, http.StatusBadGateway, "oauth.slack_error_unknown", nil, "error=other"},
		{"ErrForgedState", func(ir *installRig) url.Values { return url.Values{"error": {hostile}, "state": {"x"}} },
			false, http.StatusBadRequest, "oauth.forged", nil, "state forged"},
		{"ErrNoState", func(ir *installRig) url.Values { return url.Values{"error": {"access_denied"}} },
			false, http.StatusBadRequest, "oauth.forged", nil, "state forged"},
		{"ErrOtherBrowser", func(ir *installRig) url.Values { return url.Values{"error": {hostile}, "state": {ir.state(t)}} },
			false, http.StatusBadRequest, "oauth.other_browser", nil, "not from this browser"},
		{"KnownCode", func(ir *installRig) url.Values {
			return url.Values{"error": {"invalid_team_for_non_distributed_app"}, "state": {ir.state(t)}}
		}, true, http.StatusBadGateway, "oauth.slack_error", []string{"error", "invalid_team_for_non_distributed_app"}, "error=invalid_team_for_non_distributed_app"},
		{"AccessDenied", func(ir *installRig) url.Values { return url.Values{"error": {"access_denied"}, "state": {ir.state(t)}} },
			true, http.StatusOK, "oauth.denied", nil, "error=access_denied"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ib := &installBot{}
			ir := MustInstallRig(t, ib, ib)
			q := tt.query(ir)
			var c *http.Cookie
			if tt.cookie {
				c = ir.cookie(q.Get("state"))
			}
			status, body := ir.backWith(t, q, "", c)
			if status != tt.status || !strings.Contains(body, page(bot.English, tt.key, tt.args...)) {
				t.Fatalf("got %d %s, want %d and %q", status, body, tt.status, bot.T(bot.English, tt.key, tt.args...))
			}
			logs := ir.logs.String()
			for _, leak := range []string{"555 0100", "script", "install failed"} {
				if strings.Contains(body, leak) || strings.Contains(logs, leak) {
					t.Fatalf("got %q in the page or the log, want the parameter's text kept out:\n%s\n%s", leak, body, logs)
				}
			}
			if !strings.Contains(logs, tt.logged) {
				t.Fatalf("got log %s, want %q in it", logs, tt.logged)
			}
			if n := ir.installs.Saves(); n != 0 {
				t.Fatalf("got %d installs, want none", n)
			}
		})
	}
}

// TestInstallCookieSecure: the state's cookie is Secure unless the
// redirect URL is plain HTTP, and goes to the redirect URL's path only;
// a redirect URL, or an API base, that is not an absolute http(s) URL is
// refused by New, naming the variable and never a password.
func TestInstallCookieSecure(t *testing.T) {
	for _, tt := range []struct {
		redirect string
		secure   bool
		path     string
	}{
		{"", true, "/slack/oauth_redirect"},
		{"https://h.example/slack/oauth_redirect", true, "/slack/oauth_redirect"},
		{"HTTPS://h.example/p/slack/oauth_redirect", true, "/p/slack/oauth_redirect"},
		{"https://h.example", true, "/"},
		{"http://localhost:3000/slack/oauth_redirect", false, "/slack/oauth_redirect"},
	} {
		t.Run(tt.redirect, func(t *testing.T) {
			ib := &installBot{}
			ir := MustInstallRig(t, ib, ib, func(o *slack.Options) { o.RedirectURL = tt.redirect })
			c := ir.cookie(ir.state(t))
			if c.Secure != tt.secure || c.Path != tt.path || !c.HttpOnly {
				t.Fatalf("got cookie Secure %v, Path %q, HttpOnly %v; want %v, %q, true", c.Secure, c.Path, c.HttpOnly, tt.secure, tt.path)
			}
		})
	}
	for _, tt := range []struct{ name, redirect, api string }{
		{"SLACK_REDIRECT_URL", "notaurl", ""},
		{"SLACK_REDIRECT_URL", "/slack/oauth_redirect", ""},
		{"SLACK_REDIRECT_URL", "ftp://h.example/slack/oauth_redirect", ""},
		{"SLACK_REDIRECT_URL", "https://user:hunter2@h.example/", ""},
		{"SLACK_API_URL", "", "ftp://x"},
		{"SLACK_API_URL", "", "slack.com/api"},
		{"SLACK_API_URL", "", "https://user:hunter2@proxy.example/api/"},
	} {
		t.Run("Err"+tt.name, func(t *testing.T) {
			o := slack.Options{
				SigningSecret: secret, ClientID: slackfake.ClientID, ClientSecret: slackfake.ClientSecret,
				Installs: newInstalls(), Sealer: sealer{}, RedirectURL: tt.redirect, APIURL: tt.api,
			}
			_, err := slack.New(&recorder{}, o)
			if err == nil || !strings.HasPrefix(err.Error(), tt.name+": want an absolute http or https URL") || strings.Contains(err.Error(), "hunter2") {
				t.Fatalf("got %v for %s=%s, want it refused, naming the variable and no password", err, tt.name, tt.redirect+tt.api)
			}
		})
	}
}
