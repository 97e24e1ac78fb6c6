package slack_test

import (
	"bytes"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// redirectIn comes back to /slack/oauth_redirect as a browser holding
// cookie c (none when nil), and returns the status, the page and the
// cookie the browser holds after it: c, replaced by the one the answer
// set under its name, or nil if the answer deleted it.
func (ir *installRig) redirectIn(t *testing.T, query url.Values, lang string, c *http.Cookie) (int, string, *http.Cookie) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, ir.srv.URL+"/slack/oauth_redirect?"+query.Encode(), nil)
	if lang != "" {
		req.Header.Set("Accept-Language", lang)
	}
	if c != nil {
		req.AddCookie(&http.Cookie{Name: c.Name, Value: c.Value})
	}
	res, err := noFollow.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var b bytes.Buffer
	_, _ = b.ReadFrom(res.Body)
	kept := c
	for _, set := range res.Cookies() {
		if c != nil && set.Name == c.Name {
			kept = set
			if set.MaxAge < 0 {
				kept = nil
			}
		}
	}
	return res.StatusCode, b.String(), kept
}

// TestInstallReload: the success page reloaded, or its address opened
// again, in the browser that installed shows the success again, in the
// browser's language, even once the state has expired, without asking
// Slack again (the code works once) nor installing again. Another
// state, a workspace that removed the app since, or a receipt tampered
// with, still get the refusal.
func TestInstallReload(t *testing.T) {
	ib := &installBot{}
	ir := MustInstallRig(t, ib, ib)
	ir.fake.AddOAuthCode("code-1", grantT1)
	state := ir.state(t)
	query := url.Values{"code": {"code-1"}, "state": {state}}
	status, _, held := ir.redirectIn(t, query, "en", ir.cookie(state))
	if status != http.StatusOK {
		t.Fatalf("got %d, want the install done", status)
	}
	for _, tt := range []struct {
		name, lang string
		wait       time.Duration
		want       bot.Lang
	}{{"Reload", "en-US", 0, bot.English}, {"French", "fr-FR,fr;q=0.9", 0, bot.French}, {"StateExpired", "", 11 * time.Minute, bot.English}} {
		t.Run(tt.name, func(t *testing.T) {
			ir.clock.Advance(tt.wait)
			status, body, _ := ir.redirectIn(t, query, tt.lang, held)
			for _, want := range []string{page(tt.want, "oauth.done", "workspace", "Alumni <&> Co"), page(tt.want, "oauth.done_manager"), `href="slack://app?team=T1&amp;id=AFAKE&amp;tab=home"`} {
				if status != http.StatusOK || !strings.Contains(body, want) {
					t.Fatalf("got %d %s, want the success page again with %s", status, body, want)
				}
			}
		})
	}
	if held == nil || !held.HttpOnly || !held.Secure || held.SameSite != http.SameSiteLaxMode || held.Path != "/slack/oauth_redirect" {
		t.Fatalf("got cookie %+v, want one kept, as tight as the state's", held)
	}
	if calls, saves, managers := ir.fake.Count("oauth.v2.access"), ir.installs.Saves(), len(ib.Managers()); calls != 1 || saves != 1 || managers != 1 {
		t.Fatalf("got %d exchanges, %d installs and %d managers, want one of each", calls, saves, managers)
	}
	t.Run("ErrOtherState", func(t *testing.T) {
		other := ir.state(t)
		c := &http.Cookie{Name: ir.cookie(other).Name, Value: held.Value}
		status, body, _ := ir.redirectIn(t, url.Values{"code": {"code-1"}, "state": {other}}, "", c)
		if status != http.StatusBadRequest || !strings.Contains(body, page(bot.English, "oauth.other_browser")) {
			t.Fatalf("got %d %s, want the receipt of another install refused", status, body)
		}
	})
	t.Run("ErrTampered", func(t *testing.T) {
		v := []byte(held.Value)
		v[3] ^= 1
		status, body, _ := ir.redirectIn(t, query, "", &http.Cookie{Name: held.Name, Value: string(v)})
		if status != http.StatusBadRequest || strings.Contains(body, page(bot.English, "oauth.title_done")) {
			t.Fatalf("got %d %s, want a refusal", status, body)
		}
	})
	t.Run("ErrUninstalled", func(t *testing.T) {
		if err := ir.installs.Uninstall(t.Context(), bot.Tenant{Platform: "slack", Workspace: "T1"}, ir.clock.Now()); err != nil {
			t.Fatal(err)
		}
		status, body, _ := ir.redirectIn(t, query, "", held)
		if status != http.StatusBadRequest || strings.Contains(body, page(bot.English, "oauth.title_done")) {
			t.Fatalf("got %d %s, want a refusal: the workspace removed the app since", status, body)
		}
	})
	ir.mustNotLeak(t, "code-1", state, grantT1.Token, held.Value)
}
