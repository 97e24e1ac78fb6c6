package discord_test

import (
	"strings"
	"testing"
)

// TestWithdrawRequest: in a Discord server, /mentor status shows "Withdraw
// my request" while a request is open; the button asks first, in a reply
// only the member sees, then withdraws it: the confirmation is updated,
// its buttons gone, the mentor who had the proposal is told by DM, and
// the confirmation clicked again changes nothing.
func TestWithdrawRequest(t *testing.T) {
	h := MustHarness(t)
	c := h.Client
	h.MustOffer(t, mentor1, "go")
	form := c.Command(t, mentee, "request")
	MustEphemeral(t, c.Submit(t, mentee, form, map[string]string{"topic": "go"}), "asked a mentor")

	status := MustEphemeral(t, c.Command(t, mentee, "status"), "Your request: “go”")
	b, ok := status.Button("withdraw.ask")
	if !ok || b.Label != "Withdraw my request" || len(b.CustomID) > 100 {
		t.Fatalf("got buttons %+v, want Withdraw my request in at most 100 characters", status.Buttons())
	}
	ask := MustEphemeral(t, c.Click(t, mentee, status, "withdraw.ask"), "Withdraw your request on “go”? No mentor will be asked for it any more.")
	MustUpdate(t, c.Click(t, mentee, ask, "withdraw.confirm"), "Your request on “go” is withdrawn.")
	if got := c.LastDM(t, mentor1).Text(); !strings.Contains(got, "was withdrawn by the member") {
		t.Errorf("got %q as the mentor's last DM, want them told", got)
	}
	MustEphemeral(t, c.Click(t, mentee, ask, "withdraw.confirm"), "This request is no longer open, so nothing was changed.")
	if _, ok := MustEphemeral(t, c.Command(t, mentee, "status"), "No open request").Button("withdraw.ask"); ok {
		t.Error("got Withdraw my request in the status without a request, want Ask for a mentor")
	}
}
