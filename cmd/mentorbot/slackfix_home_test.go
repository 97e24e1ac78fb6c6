package main_test

import (
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
)

// TestSlackfixHomeNewcomer: a member who joined Slack after the
// directory was read, and has never used the bot, opens the App Home
// first: it is in their language with their time zone, from their Slack
// profile (one users.info), as /mentor status answers them; and a second
// opening asks Slack nothing more.
func TestSlackfixHomeNewcomer(t *testing.T) {
	w := MustStartSlack(t, quickHome)
	w.fake.WaitCalls(t, "users.list", 1, func(c slackfake.Call) bool { return c.Answer["ok"] == true }, wait)
	lea := slackfake.User{ID: "ULEA", Name: "lea", RealName: "Léa Petit", TZ: "America/Montreal", Locale: "fr-CA"}
	w.fake.AddUser(lea)
	home := w.openHome(lea)
	MustContain(t, home, fr("status.title"), fr("field.tz"), "America/Montreal")
	status := w.MustCommand(lea, "statut")
	if got, want := status.AllText(), strings.TrimSpace(home.AllText()); !strings.Contains(got, want) {
		t.Fatalf("got status:\n%s\nwant it to say what the home says:\n%s", got, want)
	}
	w.openHome(lea)
	if n := len(w.fake.Calls("users.info")); n != 1 {
		t.Fatalf("got %d users.info calls, want one for Léa, then her cached profile", n)
	}
}
