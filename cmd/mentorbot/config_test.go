package main_test

import (
	"strings"
	"testing"
	"time"

	main "github.com/mentorbot/mentorbot/cmd/mentorbot"
)

// TestConfigFromEnv reads the environment's settings, and refuses bad
// values with the variable's name.
func TestConfigFromEnv(t *testing.T) {
	env := func(kv ...string) func(string) string {
		m := map[string]string{}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return func(k string) string { return m[k] }
	}
	c, err := main.ConfigFromEnv(env())
	if err != nil || !c.Shell() || c.Slack.DirectoryRefresh != 0 || c.HTTPAddr != ":3000" || c.JobLease != 2*time.Minute || c.JobRetry != 5*time.Minute {
		t.Fatalf("got %+v, %v; want the defaults: shell, adapter's directory refresh", c, err)
	}
	for _, tt := range []struct {
		value string
		want  time.Duration
	}{{"off", -1}, {"0", -1}, {"6h", 6 * time.Hour}, {"1d", 24 * time.Hour}} {
		c, err := main.ConfigFromEnv(env("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_DIRECTORY_REFRESH", tt.value))
		if err != nil || c.Slack.DirectoryRefresh != tt.want || c.Shell() {
			t.Errorf("SLACK_DIRECTORY_REFRESH=%s: got %v, %v; want %v", tt.value, c.Slack.DirectoryRefresh, err, tt.want)
		}
	}
	oauth := env("SLACK_CLIENT_ID", "1.2", "SLACK_CLIENT_SECRET", "s3", "SLACK_REDIRECT_URL", "https://m.example/slack/oauth_redirect")
	if c, err := main.ConfigFromEnv(oauth); err != nil || c.Shell() || c.Slack.ClientID != "1.2" || c.Slack.ClientSecret != "s3" || c.Slack.RedirectURL != "https://m.example/slack/oauth_redirect" {
		t.Errorf("SLACK_CLIENT_ID without a bot token: got %+v, %v; want Slack on, installs by OAuth", c.Slack, err)
	}
	if c, err := main.ConfigFromEnv(env("MENTORBOT_JOB_LEASE", "30s")); err != nil || c.JobLease != 30*time.Second {
		t.Errorf("MENTORBOT_JOB_LEASE=30s: got %v, %v; want 30s", c.JobLease, err)
	}
	if c, err := main.ConfigFromEnv(env("MENTORBOT_JOB_RETRY", "10s")); err != nil || c.JobRetry != 10*time.Second {
		t.Errorf("MENTORBOT_JOB_RETRY=10s: got %v, %v; want 10s", c.JobRetry, err)
	}
	for _, kv := range [][2]string{
		{"SLACK_DIRECTORY_REFRESH", "soon"}, {"SLACK_DIRECTORY_REFRESH", "10s"},
		{"MENTORBOT_DEFAULT_LANG", "de"}, {"MENTORBOT_TICK", "0s"}, {"MENTORBOT_MAX_TZ_HOURS", "13"},
		{"MENTORBOT_JOB_LEASE", "1s"}, {"MENTORBOT_JOB_LEASE", "soon"}, {"MENTORBOT_JOB_RETRY", "0s"}, {"MENTORBOT_JOB_RETRY", "later"},
	} {
		if _, err := main.ConfigFromEnv(env(kv[0], kv[1])); err == nil || !strings.Contains(err.Error(), kv[0]) {
			t.Errorf("%s=%s: got %v, want an error naming the variable", kv[0], kv[1], err)
		}
	}
}
