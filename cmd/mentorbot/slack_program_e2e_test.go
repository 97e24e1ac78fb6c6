package main_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
)

// TestSlackProgram: a workspace admin creates a program through its
// modal (a wrong end date comes back on its field), lists it; members
// join it with program: and programme:, in English and in French, and
// wait for its kick-off, posted in the managers' channel at the start
// date and sent from there; the admin closes it with the confirmation
// button, and a second close says it is closed already.
func TestSlackProgram(t *testing.T) {
	w := MustStartSlack(t)
	name, a := w.command(admin, "admin program create")
	MustAck(t, a, "")
	open := w.fake.WaitCalls(t, "views.open", 1, nil, wait)[0]
	MustContain(t, open, en("form.admin.program.title"), en("label.program_name"), en("label.program_start"))
	t.Run("ErrInvalid", func(t *testing.T) {
		a := w.submit(admin, open, map[string]string{"name": "Mentorat 2027", "start": "2027-01-15", "end": "2027-01-01"})
		if a.Status != http.StatusOK || !strings.Contains(a.Body, `"response_action":"errors"`) || !strings.Contains(a.Body, `"end"`) {
			t.Fatalf("got ack %d %s, want inline errors on end", a.Status, a.Body)
		}
	})
	t.Run("Create", func(t *testing.T) {
		MustAck(t, w.submit(admin, open, map[string]string{"name": "Mentorat 2027", "kind": "one-to-one", "start": "2027-01-15", "end": "2027-06-30"}), "")
		MustContain(t, w.reply(name), "Program “Mentorat 2027” created (`mentorat-2027`)")
		MustContain(t, w.MustCommand(admin, "admin program list"), "Mentorat 2027 (`mentorat-2027`): one-to-one mentoring, 15 January 2027 to 30 June 2027, open")
	})
	t.Run("ErrConflict", func(t *testing.T) {
		MustContain(t, w.MustCommand(admin, `admin program create "Mentorat 2027" start:2027-01-15 end:2027-06-30`), "There is already a program “Mentorat 2027”")
	})
	t.Run("Join", func(t *testing.T) {
		MustContain(t, w.MustCommand(bob, "offer go program:mentorat-2027"), "mentor for: go")
		MustContain(t, w.MustCommand(alice, `request go program:"Mentorat 2027"`), "saved in “Mentorat 2027”. Mentors are proposed from the program's kick-off, on 15 January 2027")
		w.MustCommand(carol, "lang fr")
		MustContain(t, w.MustCommand(carol, "request go programme:mentorat-2027"), "est enregistrée dans «\u202fMentorat 2027\u202f». Les mentors seront proposés à partir du lancement du programme, le 15 janvier 2027")
		MustContain(t, w.MustCommand(carol, "status"), fr("status.program_mentee", "program", "«\u202fMentorat 2027\u202f»"))
		if dms := w.fake.Calls("chat.postMessage"); len(dms) != 0 {
			t.Fatalf("got %d messages posted, want none before the kick-off", len(dms))
		}
	})
	t.Run("KickOff", func(t *testing.T) {
		w.MustCommand(admin, "admin digest-channel <#C0MANAGERS|managers>")
		clock := w.m.Clock.(*bot.ManualClock)
		clock.Advance(time.Date(2027, 1, 15, 0, 1, 0, 0, time.UTC).Sub(clock.Now()))
		if _, err := w.m.Bot.TickTenants(context.Background(), bot.Tenant{Platform: "slack", Workspace: w.team}); err != nil {
			t.Fatal(err)
		}
		// Matched by its title too: on a Redis shared with earlier runs,
		// this bot also ticks their workspaces, whose programs post in a
		// channel of the same name through the same fake.
		post := w.fake.WaitCalls(t, "chat.postMessage", 1, func(c slackfake.Call) bool {
			return c.Get("channel") == "C0MANAGERS" && strings.Contains(c.AllText(), "has started")
		}, wait)[0]
		MustContain(t, post, "“Mentorat 2027” has started", "2 requests waiting", "Send these proposals")
		// Carol reads French, and so speaks it until she says otherwise:
		// Bob (English) fits Alice only.
		w.click(admin, post, bot.ActionRoundSend)
		MustContain(t, w.updated(post), "Sent 1 proposal:")
		w.dms(bob, 1, hasButton(bot.ActionProposalAccept))
	})
	t.Run("Close", func(t *testing.T) {
		confirm := w.MustCommand(admin, "admin program close mentorat-2027")
		MustContain(t, confirm, "Close “Mentorat 2027”?")
		MustContain(t, w.reply(w.clickEphemeral(carol, confirm, bot.ActionProgramClose)), fr("err.forbidden"))
		MustContain(t, w.reply(w.clickEphemeral(admin, confirm, bot.ActionProgramClose)), "“Mentorat 2027” is closed.")
		MustContain(t, w.reply(w.clickEphemeral(admin, confirm, bot.ActionProgramClose)), "already closed")
		MustContain(t, w.MustCommand(carol, "offer go programme:mentorat-2027"), "Le programme «\u202fMentorat 2027\u202f» est clos")
	})
}
