package discord_test

import (
	"strings"
	"testing"
)

// TestProposalRetracted: when the mentee withdraws their request, the
// mentor's proposal DM is replaced in place, its Accept and Decline gone,
// beside the notice that says so; its buttons carried the delivery's tag
// (the only way to find the message again), and an old copy of them is
// still answered.
func TestProposalRetracted(t *testing.T) {
	h := MustHarness(t)
	c := h.Client
	h.MustOffer(t, mentor1, "go")
	form := c.Command(t, mentee, "request")
	MustEphemeral(t, c.Submit(t, mentee, form, map[string]string{"topic": "go"}), "asked a mentor")
	proposal := c.LastDM(t, mentor1)
	accept, ok := proposal.Button("proposal.accept")
	if !ok || !strings.HasPrefix(accept.CustomID, "mb.") {
		t.Fatalf("got buttons %+v, want Accept tagged with its delivery", proposal.Buttons())
	}

	status := MustEphemeral(t, c.Command(t, mentee, "status"), "Your request: “go”")
	ask := MustEphemeral(t, c.Click(t, mentee, status, "withdraw.ask"), "Withdraw your request")
	MustUpdate(t, c.Click(t, mentee, ask, "withdraw.confirm"), "is withdrawn")

	h.REST.WaitFor(t, "the proposal replaced", func() bool { return len(h.REST.MessageEdits(proposal.ChannelID, proposal.ID)) == 1 })
	edit := h.REST.MessageEdits(proposal.ChannelID, proposal.ID)[0]
	if got := edit.Text(); !strings.Contains(got, "This request on “go” was withdrawn: no need to answer it.") || len(edit.Buttons()) != 0 {
		t.Fatalf("got the proposal replaced by %q with buttons %+v, want the withdrawal and no button", got, edit.Buttons())
	}
	if got := c.LastDM(t, mentor1).Text(); !strings.Contains(got, "was withdrawn by the member") {
		t.Errorf("got %q as the mentor's last DM, want them told as before", got)
	}
	MustEphemeral(t, c.Click(t, mentor1, proposal, "proposal.accept"), "The member withdrew this request, so there's nothing to answer any more.")
}

// TestProposalRetractNotFound: a proposal DM the bot no longer finds
// (deleted by the mentor, or beyond the latest messages) is not replaced,
// and the withdrawal goes on: the mentor still gets the notice.
func TestProposalRetractNotFound(t *testing.T) {
	h := MustHarness(t)
	c := h.Client
	h.MustOffer(t, mentor1, "go")
	MustEphemeral(t, c.Submit(t, mentee, c.Command(t, mentee, "request"), map[string]string{"topic": "go"}), "asked a mentor")
	proposal := c.LastDM(t, mentor1)
	h.REST.Fail("GET channels/"+proposal.ChannelID+"/messages", 10, 404)

	status := MustEphemeral(t, c.Command(t, mentee, "status"), "Your request: “go”")
	ask := MustEphemeral(t, c.Click(t, mentee, status, "withdraw.ask"), "Withdraw your request")
	MustUpdate(t, c.Click(t, mentee, ask, "withdraw.confirm"), "is withdrawn")
	h.REST.WaitFor(t, "the mentor's notice", func() bool {
		return strings.Contains(c.LastDM(t, mentor1).Text(), "was withdrawn by the member")
	})
	if n := len(h.REST.MessageEdits(proposal.ChannelID, proposal.ID)); n != 0 {
		t.Errorf("got %d edits of the proposal, want none", n)
	}
}
