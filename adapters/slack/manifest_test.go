package slack_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/adapters/slack"
)

// TestManifest checks what the manifests must declare for the adapter to
// work (the App Home tab and its event among them, the uninstall events,
// the install's redirect URL), and that they ask for exactly the scopes
// the install by OAuth asks for (BotScopes): none it does not use.
func TestManifest(t *testing.T) {
	wantScopes := slices.Sorted(slices.Values(slack.BotScopes))
	if len(wantScopes) == 0 || len(slices.Compact(slices.Clone(wantScopes))) != len(wantScopes) {
		t.Fatalf("got BotScopes %v, want a list without duplicates", slack.BotScopes)
	}
	for _, tt := range []struct {
		file       string
		socketMode bool
	}{
		{"manifest.yml", false},
		{"manifest.socket-mode.yml", true},
	} {
		t.Run(tt.file, func(t *testing.T) {
			m := stripComments(string(MustRead(t, tt.file)))
			for _, want := range []string{"command: /mentor", "should_escape: true", "is_enabled: true", "home_tab_enabled: true", "bot_events:\n      - app_home_opened", "      - app_uninstalled\n", "      - tokens_revoked\n"} {
				if !strings.Contains(m, want) {
					t.Fatalf("got no %q in %s", want, tt.file)
				}
			}
			if got := manifestScopes(m); !slices.Equal(got, wantScopes) {
				t.Fatalf("got bot scopes %v, want exactly %v", got, wantScopes)
			}
			redirects := regexp.MustCompile(`redirect_urls:\n    - (\S+)\n  scopes:`).FindStringSubmatch(m)
			if redirects == nil || !strings.HasSuffix(redirects[1], "/slack/oauth_redirect") {
				t.Fatalf("got oauth_config %q, want one redirect URL, to /slack/oauth_redirect", redirects)
			}
			socket := strings.Contains(m, "socket_mode_enabled: true")
			urls := regexp.MustCompile(`(url|request_url): (\S+)`).FindAllStringSubmatch(m, -1)
			switch {
			case socket != tt.socketMode:
				t.Fatalf("got socket_mode_enabled %v, want %v", socket, tt.socketMode)
			case tt.socketMode && len(urls) != 0:
				t.Fatalf("got URLs %v in the Socket Mode manifest, want none", urls)
			case !tt.socketMode && (len(urls) != 3 || !strings.HasSuffix(urls[0][2], "/slack/commands") || !strings.HasSuffix(urls[1][2], "/slack/interactions") || !strings.HasSuffix(urls[2][2], "/slack/events")):
				t.Fatalf("got URLs %v, want /slack/commands, /slack/interactions and /slack/events (the App Home's event)", urls)
			}
		})
	}
}

// stripComments drops YAML comments (whole lines and trailing ones).
func stripComments(s string) string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		if i := strings.Index(line, " #"); i >= 0 && !strings.Contains(line, `"`) {
			line = line[:i]
		}
		if strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

// manifestScopes lists oauth_config.scopes.bot, sorted.
func manifestScopes(m string) []string {
	_, rest, _ := strings.Cut(m, "    bot:\n")
	var scopes []string
	for _, line := range strings.Split(rest, "\n") {
		item, ok := strings.CutPrefix(line, "      - ")
		if !ok {
			break
		}
		scopes = append(scopes, strings.TrimSpace(item))
	}
	slices.Sort(scopes)
	return scopes
}
