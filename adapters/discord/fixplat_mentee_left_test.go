package discord_test

import (
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestFixplatMenteeLeftOverHTTP: over HTTP no GUILD_MEMBER_REMOVE comes.
// A mentor who accepts, from their DM, the proposal of a mentee who has
// left the server since makes no pair: the core asks Discord about the
// mentee (bot.Bot.CounterpartLeft), erases them as it erases leavers
// (their request is gone), and the mentor reads, in their own language,
// that the member left and nothing was changed.
func TestFixplatMenteeLeftOverHTTP(t *testing.T) {
	h, prop := leaverWorld(t)
	h.REST.Leave(mentee)
	r := clickFR(t, h, mentor1, prop, bot.ActionProposalAccept)
	if r.Data == nil || !strings.Contains(r.Data.Text(), "ne fait plus partie de ce serveur") || strings.Contains(r.Data.Text(), "Vous acceptez") {
		t.Fatalf("got %+v, want the mentor told, in French, that the mentee left, and no pair", r.Data)
	}
	status := MustEphemeral(t, h.Client.Command(t, mentor1, "status"), "")
	if strings.Contains(status.Text(), "Mentoring") || strings.Contains(status.Text(), "binôme avec") {
		t.Fatalf("got mentor status %q, want no pair", status.Text())
	}
	if got := dmsText(h, mentee); strings.Contains(got, "Good news") || strings.Contains(got, "charter") {
		t.Fatalf("got mentee DMs %q, want no pair announced", got)
	}
	if log := h.Log.String(); !strings.Contains(log, "member left: erased") || strings.Contains(log, "go\u202f") {
		t.Fatalf("got log %s, want the mentee erased, by ID only", log)
	}
}
