package main

import (
	"strings"
	"testing"
)

// TestConfigSlackURLs: SLACK_API_URL and SLACK_REDIRECT_URL are absolute
// http(s) URLs, as the other URL settings are; anything else is refused
// at start with status 2, in the form "mentorbot: NAME: want …", and a
// password in one is never printed.
func TestConfigSlackURLs(t *testing.T) {
	env := func(kv ...string) func(string) string {
		m := map[string]string{"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return func(k string) string { return m[k] }
	}
	t.Run("OK", func(t *testing.T) {
		c, err := ConfigFromEnv(env("SLACK_API_URL", "https://slack-gov.com/api/", "SLACK_REDIRECT_URL", "http://localhost:3000/slack/oauth_redirect"))
		if err != nil || c.Slack.APIURL != "https://slack-gov.com/api/" || c.Slack.RedirectURL != "http://localhost:3000/slack/oauth_redirect" {
			t.Fatalf("got %q, %q, %v; want both taken", c.Slack.APIURL, c.Slack.RedirectURL, err)
		}
	})
	for _, name := range []string{"SLACK_API_URL", "SLACK_REDIRECT_URL"} {
		for _, v := range []string{"notaurl", "ftp://x", "/slack/oauth_redirect", "https://", "javascript:alert(1)", "https://user:hunter2@h.example/"} {
			t.Run("Err"+name+"="+v, func(t *testing.T) {
				_, err := ConfigFromEnv(env(name, v))
				if err == nil || !strings.HasPrefix(err.Error(), name+": want an absolute http or https URL") {
					t.Fatalf("got %v, want it refused, naming the variable", err)
				}
				if strings.Contains(err.Error(), "hunter2") {
					t.Fatalf("got %v, want no password in the error", err)
				}
			})
		}
	}
	for _, tt := range []struct{ name, value string }{{"SLACK_REDIRECT_URL", "notaurl"}, {"SLACK_API_URL", "ftp://x"}} {
		t.Run("Status2"+tt.name, func(t *testing.T) {
			// With Redis down, a value taken would stop the start with
			// status 1, at Redis: the refusal comes first, with status 2.
			_, stderr, code := runMain(t, nil, "REDIS_URL=redis://127.0.0.1:1/0", "SLACK_BOT_TOKEN=xoxb-1", "SLACK_SIGNING_SECRET=s", tt.name+"="+tt.value)
			if want := "mentorbot: " + tt.name + ": want an absolute http or https URL"; code != 2 || !strings.Contains(stderr, want) {
				t.Fatalf("got status %d and:\n%s\nwant status 2 and %q", code, stderr, want)
			}
		})
	}
}
