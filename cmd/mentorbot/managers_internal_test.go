package main

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"
)

// TestWarnUnqualifiedManagers: a deployment that may serve many
// workspaces (Discord) warns at start about MENTORBOT_MANAGERS entries
// without a workspace, naming them; qualified entries, or one Slack
// workspace, give no warning.
func TestWarnUnqualifiedManagers(t *testing.T) {
	for _, tc := range []struct {
		name     string
		discord  bool
		managers string
		want     string // "" for no warning
	}{
		{"DiscordUnqualified", true, "123456789012345678, 42:987654321098765432", "ids=123456789012345678\n"},
		{"DiscordQualifiedOK", true, "42:987654321098765432,slack:T1:U1", ""},
		{"SlackOneWorkspaceOK", false, "U1", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := map[string]string{"MENTORBOT_MANAGERS": tc.managers, "SLACK_BOT_TOKEN": "xoxb-1"}
			if tc.discord {
				env["DISCORD_BOT_TOKEN"], env["DISCORD_APP_ID"] = "t", "1"
			}
			cfg, err := ConfigFromEnv(func(k string) string { return env[k] })
			if err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			m := &Main{Config: cfg, Log: slog.New(slog.NewTextHandler(&out, nil))}
			m.warnUnqualifiedManagers()
			got := out.String()
			if tc.want == "" && got != "" || tc.want != "" && (!strings.Contains(got, "level=WARN") || !strings.HasSuffix(got, tc.want)) {
				t.Fatalf("got log %q, want %q", got, tc.want)
			}
		})
	}
}
