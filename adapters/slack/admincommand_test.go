package slack_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
)

// managersSpellings are managers' commands as the core reads them
// (bot.NeedsAdmin), in English and French, some of which the adapter's
// own copy of the grammar once missed (the help's option with a space
// or an accent, a quoted "admin").
var managersSpellings = []string{
	"admin stats", "/mentor Admin", "ADMIN Statistiques", "admin réglages", "admin aide", "admin stats foo:bar",
	"help admin", "aide Admin", "help command: admin", "aide commande: admin", "help commandé:admin",
	"help \"admin\"", "aide « admin »", "help “admin”",
}

// membersSpellings are the members' commands: none asks Slack about the
// member.
var membersSpellings = []string{
	"", "help", "aide", "status", "statut", "help offer", "aide commande:demande", "help admin stats",
	"admin statz", "offer admin skills", "request go",
}

// TestManagersSpellings: a workspace admin who types a managers' command
// in any of the ways the core understands it is a manager to the core:
// the adapter asked Slack, with a signed request from the fake, and the
// answer is neither a refusal nor the help for non-managers. A member who
// is no admin is refused the same commands.
func TestManagersSpellings(t *testing.T) {
	l := mustLive(t)
	refusals := []string{
		bot.T(bot.English, "err.forbidden"), bot.T(bot.French, "err.forbidden"),
		bot.T(bot.English, "admin.help.not_manager"), bot.T(bot.French, "admin.help.not_manager"),
	}
	refused := func(c slackfake.Call) bool {
		for _, s := range refusals {
			if strings.Contains(c.AllText(), s) {
				return true
			}
		}
		return false
	}
	for _, text := range managersSpellings {
		before := l.fake.Count("users.info")
		if c := l.run(t, uManager, text); refused(c) {
			t.Errorf("%q by a workspace admin: got %q, want a manager's answer", text, c.AllText())
		}
		if n := l.fake.Count("users.info") - before; n != 1 {
			t.Errorf("%q by a workspace admin: got %d users.info calls, want 1", text, n)
		}
		if c := l.run(t, uMentee, text); !refused(c) {
			t.Errorf("%q by a member: got %q, want a refusal", text, c.AllText())
		}
	}
}

// TestMembersCommandsCostNoLookup: the members' commands and forms cost
// no users.info call and reach the core with IsAdmin false; the
// managers' commands and forms reach it with Slack's answer.
func TestMembersCommandsCostNoLookup(t *testing.T) {
	h := &recorder{reply: bot.Reply{Message: bot.Message{Text: "done"}}}
	r := MustRig(t, h, func(o *slack.Options) { o.DirectoryRefresh = -1 })
	r.fake.AddUser(slackfake.User{ID: "U1", Locale: "en-US"}, slackfake.User{ID: "UADM", Locale: "fr-FR", Admin: true})
	n := 0
	run := func(user, text string) bot.Command {
		t.Helper()
		n++
		name := fmt.Sprintf("c%d", n)
		r.command(t, slackfake.Command{Team: "T1", User: user, Text: text, ResponseURL: r.fake.ResponseURL(name), TriggerID: "tr-" + name})
		r.fake.WaitCalls(t, "response_url", 1, func(c slackfake.Call) bool { return c.Path == "/response/"+name }, 5*time.Second)
		cmds := h.Commands()
		return cmds[len(cmds)-1]
	}
	submit := func(user, command string) bot.Command {
		t.Helper()
		n++
		name := fmt.Sprintf("f%d", n)
		view := map[string]any{"callback_id": "mentor.form", "private_metadata": `{"c":"` + command + `","r":"` + r.fake.ResponseURL(name) + `"}`}
		r.post(t, "/slack/interactions", time.Now(), slackfake.Submission{Team: "T1", User: user, View: view, Values: map[string]string{"topics": "go"}}.Body())
		r.fake.WaitCalls(t, "response_url", 1, func(c slackfake.Call) bool { return c.Path == "/response/"+name }, 5*time.Second)
		cmds := h.Commands()
		return cmds[len(cmds)-1]
	}
	t.Run("Members", func(t *testing.T) {
		for _, text := range membersSpellings {
			if c := run("UADM", text); c.Text != text || c.IsAdmin {
				t.Errorf("got %+v, want %q with IsAdmin false", c, text)
			}
		}
		if c := submit("UADM", "offer"); c.Name != "offer" || c.IsAdmin {
			t.Errorf("got %+v, want the offer's form with IsAdmin false", c)
		}
		if got := r.fake.Count("users.info"); got != 0 {
			t.Fatalf("got %d users.info calls, want none for the members' commands", got)
		}
	})
	t.Run("Managers", func(t *testing.T) {
		for _, text := range managersSpellings {
			if c := run("UADM", text); !c.IsAdmin {
				t.Errorf("%q: got IsAdmin false, want Slack's answer: true", text)
			}
			if c := run("U1", text); c.IsAdmin {
				t.Errorf("%q by a member: got IsAdmin true, want false", text)
			}
		}
		if c := submit("UADM", "admin program"); c.Name != "admin program" || !c.IsAdmin {
			t.Errorf("got %+v, want the admin program form with IsAdmin true", c)
		}
		if got, want := r.fake.Count("users.info"), 2*len(managersSpellings)+1; got != want {
			t.Fatalf("got %d users.info calls, want %d: one per managers' command", got, want)
		}
	})
}
