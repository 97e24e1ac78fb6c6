package slack_test

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
)

// TestSlackfixMissingScope: Slack's refusal of a permission the grant
// lacks (missing_scope on files.getUploadURLExternal when the install has
// no files:write) is not "something went wrong, try again": it fails
// every time, so it is EFORBIDDEN with the sentence that says a workspace
// admin can reinstall the app, tried once, and logged with Slack's code
// and the workspace's ID.
func TestSlackfixMissingScope(t *testing.T) {
	for _, code := range []string{"missing_scope", "not_allowed_token_type", "no_permission", "ekm_access_denied"} {
		t.Run(code, func(t *testing.T) {
			logs := &lockedBuffer{}
			fake := MustFakeOf(t, "T1")
			fake.AddUser(slackfake.User{ID: "U1", Name: "u1", RealName: "Secret Name", TZ: "Europe/Paris", Locale: "fr-FR"})
			r := MustRigOn(t, fake, &recorder{}, func(o *slack.Options) {
				o.DirectoryRefresh = -1
				o.Log = slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
			})
			fake.Fail("files.getUploadURLExternal", slackfake.Failure{Error: code})
			err := r.a.SendFile(context.Background(), member("U1"), bot.File{Name: "my-data.json", Data: []byte(`{"secret":"text"}`)}, bot.Message{Text: "Your data"})
			var e *bot.Error
			if !errors.As(err, &e) || e.Code != bot.EFORBIDDEN || e.Key != "install.missing_permission" {
				t.Fatalf("got %v, want EFORBIDDEN install.missing_permission", err)
			}
			if n := fake.Count("files.getUploadURLExternal"); n != 1 {
				t.Fatalf("got %d files.getUploadURLExternal calls, want 1: trying again changes nothing", n)
			}
			got := logs.String()
			if !strings.Contains(got, "code="+code) || !strings.Contains(got, "team=T1") || !strings.Contains(got, "reinstalling") {
				t.Fatalf("got log:\n%s\nwant a line naming %s and team T1", got, code)
			}
			for _, secret := range []string{"Secret Name", "Your data", `"secret"`} {
				if strings.Contains(got, secret) {
					t.Fatalf("got %q in the log, want names and text kept out:\n%s", secret, got)
				}
			}
			for lang, want := range map[bot.Lang]string{
				bot.English: "I don't have Slack's permission to do that in this workspace, so nothing was sent. A workspace admin can fix it by reinstalling mentorbot.",
				bot.French:  "Slack ne m'autorise pas à faire cela dans cet espace de travail\u202f: rien n'a été envoyé. Un administrateur de l'espace de travail peut y remédier en réinstallant mentorbot.",
			} {
				if got := bot.T(lang, e.Key, e.Args...); got != want {
					t.Fatalf("got %q in %s, want %q", got, lang, want)
				}
			}
		})
	}
}
