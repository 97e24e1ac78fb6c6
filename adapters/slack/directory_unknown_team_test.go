package slack_test

import (
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack"
)

// TestDirectoryTeamNotKnownYet: while auth.test has not told
// SLACK_BOT_TOKEN's workspace and users.list fails too, the warning that
// the directory was not read says the workspace is not known yet, not
// "workspace :" with an empty ID.
func TestDirectoryTeamNotKnownYet(t *testing.T) {
	fake := MustFakeOf(t, "THOME")
	fake.SetMethodDown("auth.test", true)
	fake.SetMethodDown("users.list", true)
	logs := &lockedBuffer{}
	MustRigOn(t, fake, &recorder{}, func(o *slack.Options) {
		o.DirectoryRefresh = time.Hour
		o.Log = slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	})
	waitLog(t, logs, "slack: directory read stopped")
	got := logs.String()
	if strings.Contains(got, "workspace :") || !strings.Contains(got, "SLACK_BOT_TOKEN's workspace (not known yet: auth.test has not answered)") {
		t.Fatalf("got log:\n%s\nwant the workspace said not known yet, no empty ID", got)
	}
}
