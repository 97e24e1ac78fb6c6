package discord_test

import (
	"maps"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
)

// TestFlow plays the core flow in a Discord server, through the HTTP
// endpoint and through the gateway: a request opened as a form, a
// proposal declined by the first mentor, accepted by the second, the
// charter accepted by both, and the introduction by DM (no intro channel).
func TestFlow(t *testing.T) {
	t.Run("HTTP", func(t *testing.T) { playFlow(t, MustHarness(t)) })
	t.Run("Gateway", func(t *testing.T) {
		h := MustHarness(t, func(o *HarnessOptions) { o.Gateway = true })
		if id := h.Gateway.WaitIdentified(t); id.Token != "Bot test-token" {
			t.Errorf("got token %q in Identify, want the bot token with its Bot prefix", id.Token)
		}
		playFlow(t, h)
		if n := len(h.REST.CallsTo("POST interactions/")); n < 8 {
			t.Errorf("got %d interaction callbacks, want one per interaction", n)
		}
	})
}

func playFlow(t *testing.T, h *Harness) {
	c := h.Client
	h.MustOffer(t, mentor1, "go")
	h.MustOffer(t, mentor2, "go")

	form := c.Command(t, mentee, "request")
	if form.Type != discordtest.Modal || len(form.Data.Inputs()) != 5 || form.Data.Inputs()[0].CustomID != "topic" {
		t.Fatalf("got response %d with inputs %+v, want a modal asking the topic first", form.Type, form.Data)
	}
	MustEphemeral(t, c.Submit(t, mentee, form, map[string]string{"topic": "go", "goal": hostile}), "asked a mentor")

	first, second := mentor1, mentor2
	if len(h.REST.DMs(mentor1)) == 0 {
		first, second = mentor2, mentor1
	}
	proposal := c.LastDM(t, first)
	checkProposal(t, h, proposal)
	MustUpdate(t, c.Click(t, first, proposal, "proposal.decline"), "You declined")
	t.Run("DoubleClick", func(t *testing.T) {
		MustEphemeral(t, c.Click(t, first, proposal, "proposal.decline"), "already declined")
	})

	proposal2 := c.LastDM(t, second)
	checkProposal(t, h, proposal2)
	MustUpdate(t, c.Click(t, second, proposal2, "proposal.accept"), "You accepted")

	menteeCharter, mentorCharter := c.LastDM(t, mentee), c.LastDM(t, second)
	if !strings.Contains(c.REST.DMs(mentee)[0].Text(), "Good news") {
		t.Errorf("got %q, want the mentee told of the acceptance", c.REST.DMs(mentee)[0].Text())
	}
	MustUpdate(t, c.Click(t, mentee, menteeCharter, "charter.accept"), "waiting for")
	MustUpdate(t, c.Click(t, second, mentorCharter, "charter.accept"), "both accepted")

	for _, user := range []string{mentee, second} {
		intro := c.LastDM(t, user)
		if len(intro.Embeds) != 1 || !strings.HasPrefix(intro.Embeds[0].Title, "Introduction: go") {
			t.Fatalf("got %q, want the introduction", intro.Text())
		}
		b := intro.Buttons()
		if len(b) == 0 || b[len(b)-1].Style != 5 || !strings.HasPrefix(b[len(b)-1].URL, "https://meet.jit.si/mentorbot-") {
			t.Errorf("got buttons %+v, want a link to the video room last", b)
		}
		if !strings.Contains(intro.Text(), "Suggested times") || !strings.Contains(intro.Text(), "3. ") {
			t.Errorf("got %q, want three suggested times", intro.Text())
		}
		for _, part := range []string{":meet.pick:", ":meet.other:", ":meet.tz:", ":goals.open:"} {
			if mb, ok := intro.ButtonWith(part); !ok || len(mb.CustomID) > 100 {
				t.Errorf("got buttons %+v, want %s in at most 100 characters", b, part)
			}
		}
		if !intro.PingsNoneFromText() || len(intro.AllowedMentions.Users) != 0 {
			t.Errorf("got allowed_mentions %+v, want no pings in a DM", intro.AllowedMentions)
		}
	}
	t.Run("MeetingTime", func(t *testing.T) { pickTime(t, h, mentee, second) })
	// Over HTTP a click from a DM asks Discord whether the clicker is
	// still in the server (member.go): once per member, whose answer is
	// kept a minute. Names are taken from the interactions: no other
	// lookup.
	lookups := map[string]int{}
	for _, c := range h.REST.CallsTo("GET guilds/") {
		lookups[c.Path[strings.LastIndex(c.Path, "/")+1:]]++
	}
	want := map[string]int{}
	if h.Gateway == nil {
		// The mentee once more: the mentor's Accept asks whether they are
		// still in the server (bot.Bot.CounterpartLeft).
		want = map[string]int{first: 1, second: 1, mentee: 2}
	}
	if !maps.Equal(lookups, want) {
		t.Errorf("got member lookups %v, want %v: names taken from the interactions", lookups, want)
	}
	if len(h.REST.Threads()) != 0 {
		t.Errorf("got %d threads, want none without an intro channel", len(h.REST.Threads()))
	}
}

// checkProposal checks a proposal DM: buttons that carry the server, and
// the mentee's hostile goal shown without pinging anyone.
func checkProposal(t *testing.T, h *Harness, m discordtest.Message) {
	t.Helper()
	if len(m.Embeds) != 1 || m.Embeds[0].Title != "Mentoring request: go" {
		t.Fatalf("got %q, want a proposal on go", m.Text())
	}
	for _, bad := range []string{"@everyone", "<@123>", "<@&456>"} {
		if strings.Contains(m.Text(), bad) {
			t.Errorf("got %q in the proposal, want it defused", bad)
		}
	}
	if !m.PingsNoneFromText() {
		t.Errorf("got allowed_mentions %+v, want parse []", m.AllowedMentions)
	}
	for _, action := range []string{"proposal.accept", "proposal.decline"} {
		b, ok := m.Button(action)
		if !ok || !strings.HasPrefix(untagged(b.CustomID), "mb:"+h.Guild+":") || len(b.CustomID) > 100 {
			t.Errorf("got button %+v, want %s carrying the server in at most 100 characters", b, action)
		}
	}
}

// untagged is a custom_id without the delivery tag a message sent once
// carries on its buttons ("mb.1911d0c4:…" → "mb:…").
func untagged(id string) string {
	if rest, ok := strings.CutPrefix(id, "mb."); ok && len(rest) > 9 && rest[8] == ':' {
		return "mb" + rest[8:]
	}
	return id
}

// pickTime has both members of a pair pick the second time of their
// introduction: the first is told it is noted, the second that it is
// agreed, and each gets the invite as a DM with the .ics attached.
func pickTime(t *testing.T, h *Harness, first, second string) {
	c := h.Client
	introA, introB := c.LastDM(t, first), c.LastDM(t, second)
	MustEphemeral(t, c.ClickWith(t, first, introA, ":1:1"), "Noted")
	other := c.LastDM(t, second)
	if !strings.Contains(other.Text(), "can meet at time 2") {
		t.Errorf("got %q, want the other member told of the pick", other.Text())
	}
	MustEphemeral(t, c.ClickWith(t, second, introB, ":1:1"), "Agreed")
	for _, user := range []string{first, second} {
		invite := c.LastDM(t, user)
		if len(invite.Files) != 1 || invite.Files[0].Type != "text/calendar" || !strings.HasSuffix(invite.Files[0].Name, ".ics") {
			t.Fatalf("got %q with files %+v, want the invite with its .ics", invite.Text(), invite.Files)
		}
		data := string(invite.Files[0].Data)
		for _, want := range []string{"BEGIN:VEVENT\r\n", "DTSTART:", "URL:https://meet.jit.si/mentorbot-"} {
			if !strings.Contains(data, want) {
				t.Errorf("got .ics %q, want %q", data, want)
			}
		}
		if !strings.Contains(invite.Text(), "Meeting agreed: go") {
			t.Errorf("got %q, want the confirmation", invite.Text())
		}
	}
	n := len(h.REST.DMs(first))
	MustEphemeral(t, c.ClickWith(t, second, introB, ":1:1"), "already agreed")
	if got := len(h.REST.DMs(first)); got != n {
		t.Errorf("got %d DMs after a double click, want %d: one confirmation", got, n)
	}
}
