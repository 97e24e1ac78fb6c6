package main_test

import (
	"testing"

	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
)

// TestSlackfixExportMissingScope: /mentor export-me where the install
// lacks files:write (Slack answers missing_scope) tells the member, in
// their language, that a workspace admin must reinstall the app; not
// "try again in a minute", which would fail every time.
func TestSlackfixExportMissingScope(t *testing.T) {
	w := MustStartSlack(t)
	for _, c := range []struct {
		who  slackfake.User
		text string
		want string
	}{
		{elise, "mes-données", fr("install.missing_permission")},
		{alice, "export-me", en("install.missing_permission")},
	} {
		w.fake.Fail("files.getUploadURLExternal", slackfake.Failure{Error: "missing_scope"})
		r := w.MustCommand(c.who, c.text)
		MustContain(t, r, c.want)
		for _, wrong := range []string{fr("err.internal"), en("err.internal")} {
			if got := r.AllText(); got == mrkdwn(wrong) {
				t.Fatalf("got %q, want the missing permission said", got)
			}
		}
	}
}
