package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// TestProgramEndRetractsProposal: a program that ends while a mentor
// holds one of its proposals withdraws it, tells the mentor, and
// replaces the proposal's DM where the platform can, its Accept and
// Decline gone, as a request withdrawn by its mentee does.
func TestProgramEndRetractsProposal(t *testing.T) {
	h := mustProgramHarness(t)
	h.At(10, 0, 1) // the program has started: requests are proposed at once
	h.Posting.Posts()
	h.Run("bob", "offer go program:mentorat-2027")
	h.Run("ann", "request go program:mentorat-2027")
	id := h.Button("bob", bot.ActionProposalAccept).Value
	ask := h.Run("alice", "admin program close mentorat-2027").Message.Buttons[0]
	MustContain(t, h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("alice"), ActionID: ask.ActionID, Value: ask.Value}), "Mentorat 2027")
	MustTick(t, h.Harness, time.Minute) // the end runs as a job
	got, ok := h.Platform.Retracted("psend:" + id + ":bob")
	if !ok || got.Text != "This request on “go” was withdrawn: no need to answer it." || len(got.Buttons) != 0 {
		t.Fatalf("got %+v, %v; want bob's proposal replaced, without buttons", got, ok)
	}
}

// TestProgramEndRetractsCharter: a program that ends while a pair of it
// waits for its charter cancels the pair, counts it as cancelled before
// starting, and replaces both charter DMs where the platform can.
func TestProgramEndRetractsCharter(t *testing.T) {
	h := mustProgramHarness(t)
	h.At(10, 0, 1)
	h.Posting.Posts()
	h.Run("bob", "offer go program:mentorat-2027")
	h.Run("ann", "request go program:mentorat-2027")
	h.Click("bob", "bob", bot.ActionProposalAccept)
	pair := mustOnlyPair(t, h.Harness, "ann")
	ask := h.Run("alice", "admin program close mentorat-2027").Message.Buttons[0]
	h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("alice"), ActionID: ask.ActionID, Value: ask.Value})
	MustTick(t, h.Harness, time.Minute)
	for _, who := range []string{"bob", "ann"} {
		got, ok := h.Platform.Retracted("csend:" + pair.ID + ":" + who)
		if !ok || len(got.Buttons) != 0 || !strings.Contains(got.Text, "was cancelled before it started") {
			t.Errorf("%s: got %+v, %v; want the charter replaced, without buttons", who, got, ok)
		}
	}
	MustContain(t, h.Run("alice", "admin stats"), "• "+bot.T(bot.English, "digest.charter_cancelled")+": 1")
}
