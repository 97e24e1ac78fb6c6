package discord_test

import (
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
)

// TestDMsClosedMentorPaused: a mentor whose direct messages are closed
// has not declined the request that could not reach them. Their offer is
// paused (no other request is sent to them while they cannot read it),
// their status says why and how to resume, the managers' digest counts
// them, and once their DMs are open and they resume, the request that
// could not reach them is proposed to them.
func TestDMsClosedMentorPaused(t *testing.T) {
	h := MustHarness(t)
	h.MustOffer(t, mentor1, "go")
	h.REST.CloseDMs(mentor1)
	MustEphemeral(t, h.Client.Command(t, mentee, "request", discordtest.Option{Name: "topic", Value: "go"}), "couldn't reach")
	if n := len(h.REST.CallsTo("POST channels/")); n != 1 {
		t.Fatalf("got %d message attempts, want one", n)
	}
	// A second request on the topic is not sent to the paused mentor.
	MustEphemeral(t, h.Client.Command(t, "200000000000000002", "request", discordtest.Option{Name: "topic", Value: "go"}), "")
	if n := len(h.REST.CallsTo("POST channels/")); n != 1 {
		t.Fatalf("got %d message attempts after a second request, want none more while the mentor is paused", n)
	}
	status := MustEphemeral(t, h.Client.Command(t, mentor1, "status"), "I paused your offer: a request I sent you by direct message couldn't reach you.")
	if !strings.Contains(status.Text(), "resume") {
		t.Errorf("got status %q, want how to resume", status.Text())
	}
	mentees := MustEphemeral(t, h.Client.Command(t, mentee, "status"), "")
	if strings.Contains(mentees.Text(), "already") {
		t.Errorf("got the mentee's status %q, want no decline or earlier ask told of the paused mentor", mentees.Text())
	}

	// Resuming with the DMs still closed: told so, not welcomed back.
	MustEphemeral(t, h.Client.Command(t, mentor1, "resume"), "couldn't reach you by direct message either")

	h.REST.OpenDMs(mentor1)
	MustEphemeral(t, h.Client.Command(t, mentor1, "resume"), "")
	h.REST.WaitFor(t, "the proposal to the mentor who resumed", func() bool {
		for _, m := range h.REST.DMs(mentor1) {
			if strings.Contains(m.Text(), "Mentoring request") || strings.Contains(m.Text(), "would like your help") {
				return true
			}
		}
		return false
	})
}
