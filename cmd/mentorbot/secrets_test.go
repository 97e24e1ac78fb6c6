package main_test

import (
	"strings"
	"testing"

	main "github.com/mentorbot/mentorbot/cmd/mentorbot"
)

// TestConfigSecretWhiteSpace: a token, secret or public key holding white
// space (the line break a secret loaded from a file ends with, a space
// pasted in) is refused at start, naming the variable and never quoting
// the value, rather than taken and every request then failing; a
// Discord token written with its "Bot " prefix is still taken.
func TestConfigSecretWhiteSpace(t *testing.T) {
	const key = "e7a1c7a3a6f0d4a9c0b7f1d2e3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2"
	slack := []string{"SLACK_BOT_TOKEN", "xoxb-1-2-3", "SLACK_SIGNING_SECRET", "abc", "SLACK_APP_TOKEN", "xapp-1-A1-2-b",
		"SLACK_CLIENT_ID", "1.2", "SLACK_CLIENT_SECRET", "cs"}
	discord := []string{"DISCORD_BOT_TOKEN", "abc", "DISCORD_APP_ID", "123", "DISCORD_PUBLIC_KEY", key}
	t.Run("OK", func(t *testing.T) {
		for _, env := range [][]string{slack, discord, {"DISCORD_BOT_TOKEN", "Bot abc", "DISCORD_APP_ID", "123"}} {
			if _, err := main.ConfigFromEnv(envOf(env...)); err != nil {
				t.Errorf("%v: got %v, want it taken", env, err)
			}
		}
	})
	for _, tt := range []struct {
		base  []string
		name  string
		value string
	}{
		{slack, "SLACK_SIGNING_SECRET", "abc\n"},
		{slack, "SLACK_BOT_TOKEN", "xoxb-1-2-3\n"},
		{slack, "SLACK_BOT_TOKEN", "xoxb-1 2"},
		{slack, "SLACK_APP_TOKEN", "xapp-1-A1-2-b\r\n"},
		{slack, "SLACK_CLIENT_SECRET", "\tcs"},
		{discord, "DISCORD_BOT_TOKEN", "abc def"},
		{discord, "DISCORD_BOT_TOKEN", "Bot abc\n"},
		{discord, "DISCORD_PUBLIC_KEY", key + "\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			env := append([]string(nil), tt.base...)
			for i := 0; i < len(env); i += 2 {
				if env[i] == tt.name {
					env[i+1] = tt.value
				}
			}
			_, err := main.ConfigFromEnv(envOf(env...))
			if err == nil || !strings.HasPrefix(err.Error(), tt.name+": want no white space") ||
				!strings.Contains(err.Error(), "a secret loaded from a file often ends with a line break") {
				t.Fatalf("%s=%q: got %v, want it refused, naming the variable and the line break", tt.name, tt.value, err)
			}
			if secret := strings.TrimSpace(tt.value); strings.Contains(err.Error(), secret) {
				t.Fatalf("got %v, want the value not quoted", err)
			}
		})
	}
}
