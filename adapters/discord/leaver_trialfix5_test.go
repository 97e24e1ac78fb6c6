package discord_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
	"github.com/mentorbot/mentorbot/bot"
)

// memberRoute is GET guilds/{guild}/members/{user}.
const memberRoute = "GET guilds/"

// leaverWorld is an HTTP harness where mentor1 (French) was sent a
// proposal for the mentee's request on go, and returns it.
func leaverWorld(t *testing.T) (*Harness, discordtest.Message) {
	t.Helper()
	h := MustHarness(t)
	o := func(n string, v any) discordtest.Option { return discordtest.Option{Name: n, Value: v} }
	MustEphemeral(t, h.Client.Send(t, discordtest.Command(testApp, h.Guild, mentor1, "offer", o("topics", "go"), o("languages", "fr,en")).WithLocale("fr")), "")
	MustEphemeral(t, h.Client.Send(t, discordtest.Command(testApp, h.Guild, mentee, "request", o("topic", "go")).WithLocale("en-US")), "")
	return h, h.Client.LastDM(t, mentor1)
}

// clickFR clicks action on msg as user, from their DM, with a French client.
func clickFR(t *testing.T, h *Harness, user string, msg discordtest.Message, action string) discordtest.Response {
	t.Helper()
	b, ok := msg.Button(action)
	if !ok {
		t.Fatalf("got buttons %+v, want %s", msg.Buttons(), action)
	}
	return h.Client.Send(t, discordtest.Click(testApp, user, msg.ChannelID, msg.ID, b.CustomID).WithLocale("fr"))
}

func dmsText(h *Harness, user string) string {
	var b strings.Builder
	for _, m := range h.REST.DMs(user) {
		b.WriteString(m.Text() + "\n")
	}
	return b.String()
}

// TestDMClickByLeaverOverHTTP: over HTTP no GUILD_MEMBER_REMOVE comes. A
// mentor who left the server and clicks Accept on an old proposal in
// their DMs is asked about first (GET member: 10007 Unknown Member): no
// pair is made, they are erased as a leave over the gateway erases them
// (the mentee's request goes back to waiting, the mentee is told), and
// they read, in their client's language, that the button no longer works
// because they left. A member still in the server clicks as before, and
// is asked about once for clicks in a row; Discord failing to answer the
// check runs the click as before.
func TestDMClickByLeaverOverHTTP(t *testing.T) {
	t.Run("Left", func(t *testing.T) {
		h, prop := leaverWorld(t)
		h.REST.Leave(mentor1)
		r := clickFR(t, h, mentor1, prop, bot.ActionProposalAccept)
		MustEphemeral(t, r, "vous ne faites plus partie du serveur")
		if strings.Contains(r.Data.Text(), "Vous acceptez") {
			t.Fatalf("got %q, want no pair made", r.Data.Text())
		}
		h.REST.WaitFor(t, "the mentee told the proposal is off", func() bool {
			return strings.Contains(dmsText(h, mentee), "No mentor is available")
		})
		if got := dmsText(h, mentee); strings.Contains(got, "Good news") {
			t.Fatalf("got mentee DMs %q, want no pair announced", got)
		}
		status := MustEphemeral(t, h.Client.Command(t, mentee, "status"), "")
		if !strings.Contains(status.Text(), "waiting for a mentor") || strings.Contains(status.Text(), "Mentored by") {
			t.Fatalf("got mentee status %q, want the request waiting again", status.Text())
		}
		if log := h.Log.String(); strings.Contains(log, "Vous") || strings.Contains(log, "go\u202f") {
			t.Fatalf("got log with message text:\n%s", log)
		}
	})
	t.Run("StillMember", func(t *testing.T) {
		h, prop := leaverWorld(t)
		before := len(h.REST.CallsTo(memberRoute))
		r := clickFR(t, h, mentor1, prop, bot.ActionProposalAccept)
		if r.Data == nil || !strings.Contains(r.Data.Text(), "Vous acceptez") {
			t.Fatalf("got %+v, want the proposal accepted", r.Data)
		}
		// The charter's Accept, from the DM too: the answer is cached.
		charter := h.Client.LastDM(t, mentor1)
		clickFR(t, h, mentor1, charter, bot.ActionCharterAccept)
		// The Accept asks about its mentee too (CounterpartLeft), once.
		if n := len(h.REST.CallsTo(memberRoute)) - before; n != 2 {
			t.Fatalf("got %d member lookups for two DM clicks, want 2 (the clicker once, the mentee once)", n)
		}
	})
	t.Run("DiscordFails", func(t *testing.T) {
		h, prop := leaverWorld(t)
		h.REST.Fail(memberRoute, 100, http.StatusServiceUnavailable)
		r := clickFR(t, h, mentor1, prop, bot.ActionProposalAccept)
		if r.Data == nil || !strings.Contains(r.Data.Text(), "Vous acceptez") {
			t.Fatalf("got %+v, want the proposal accepted as before", r.Data)
		}
		if len(h.REST.CallsTo(memberRoute)) == 0 {
			t.Fatal("got no member lookup, want one tried")
		}
	})
}
