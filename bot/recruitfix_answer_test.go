package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// reinvitation returns the re-invitation to name that user received
// among what was sent since the last take.
func reinvitation(t *testing.T, h *adminHarness, user, name string) bot.Message {
	t.Helper()
	for _, s := range h.Platform.Take() {
		if s.To[0].User == user && s.Message.Title == "Mentor again in "+name+"?" {
			return s.Message
		}
	}
	t.Fatalf("%s got no re-invitation to %s", user, name)
	return bot.Message{}
}

// TestReinviteYesWhenInAlready: a "Yes" on a re-invitation from a mentor
// who joined the program since (by /mentor offer program:) says they
// mentor in it already and changes nothing: the offer is not run again
// (no "updated" reply, no new date), and the message is answered. "Change
// my topics" opens the form, without running the offer either.
func TestReinviteYesWhenInAlready(t *testing.T) {
	h := runReportedProgram(t)
	ctx := context.Background()
	h.Run("alice", `admin program create "Printemps 2027" start:2027-03-01 end:2027-06-30`)
	MustTick(t, h.Harness, time.Minute)
	sent := h.Platform.Take()
	var bob, carol bot.Message
	for _, s := range sent {
		if s.Message.Title == "Mentor again in Printemps 2027?" {
			switch s.To[0].User {
			case "bob":
				bob = s.Message
			case "carol":
				carol = s.Message
			}
		}
	}
	if len(bob.Buttons) < 2 || len(carol.Buttons) < 2 {
		t.Fatalf("got %v, want bob and carol re-invited", inboxOf(sent))
	}
	// Their offers, paused at the end of Mentorat 2027, resumed and put
	// in Printemps 2027 by hand.
	for _, m := range []string{"bob", "carol"} {
		h.Run(m, "resume")
		h.Run(m, "offer program:printemps-2027")
		if s := h.Run(m, "status").Message.Text; strings.Contains(s, "paused") || !strings.Contains(s, "Printemps 2027") {
			t.Fatalf("got %s's status %q, want an offer in Printemps 2027, not paused", m, s)
		}
	}
	before, err := h.Store.GetOffer(ctx, h.Tenant.Member("bob"))
	if err != nil {
		t.Fatal(err)
	}
	MustTick(t, h.Harness, time.Hour)
	h.Platform.Take()

	r := h.Bot.HandleAction(ctx, bot.Action{Member: h.Tenant.Member("bob"), ActionID: bob.Buttons[0].ActionID, Value: bob.Buttons[0].Value})
	if r.Message.Text != "You already mentor in “Printemps 2027”: nothing changed. `/mentor status` shows your offer and its programs." || !r.Replace {
		t.Errorf("got %+v, want bob told he mentors in Printemps 2027 already, the invitation answered", r)
	}
	after, err := h.Store.GetOffer(ctx, h.Tenant.Member("bob"))
	if err != nil {
		t.Fatal(err)
	}
	if !after.Updated.Equal(before.Updated) || strings.Join(after.Topics, ",") != strings.Join(before.Topics, ",") {
		t.Errorf("got bob's offer updated at %v (was %v), want it untouched", after.Updated, before.Updated)
	}
	MustInbox(t, h.Harness)
	MustContain(t, h.Bot.HandleAction(ctx, bot.Action{Member: h.Tenant.Member("bob"), ActionID: bob.Buttons[0].ActionID, Value: bob.Buttons[0].Value}),
		"You already answered this invitation to “Printemps 2027”")

	h.Run("carol", "lang fr")
	r = h.Bot.HandleAction(ctx, bot.Action{Member: h.Tenant.Member("carol"), ActionID: carol.Buttons[1].ActionID, Value: carol.Buttons[1].Value})
	if r.Form == nil || r.Form.Command != "offer" || r.Form.Fixed["program"] != "" {
		t.Fatalf("got %+v, want the offer form to change carol's topics", r)
	}
	if r.Message.Text != "Vous êtes déjà mentor dans «\u202fPrintemps 2027\u202f»\u202f: modifiez vos sujets dans le formulaire\u202f; votre offre reste dans «\u202fPrintemps 2027\u202f»." {
		t.Errorf("got %q", r.Message.Text)
	}
	if o, _ := h.Store.GetOffer(ctx, h.Tenant.Member("carol")); o.Updated.After(before.Updated) {
		t.Errorf("got carol's offer updated at %v, want it untouched", o.Updated)
	}
}

// TestGiveBackYesWhenInAlready: a "Yes, I'll mentor" from a member who
// offers in the program already (by the form a first Yes opened, or by
// hand) thanks them, says their offer was there already, and runs no
// offer.
func TestGiveBackYesWhenInAlready(t *testing.T) {
	h := mustWentWell(t, "request go kind:one-to-one program:mentorat-2027 years:8")
	ctx := context.Background()
	h.Run("alice", "admin invite-mentors program:mentorat-2028")
	MustTick(t, h.Harness, time.Minute)
	m := mustSent(t, h, "eve")
	h.Run("eve", "offer career change program:mentorat-2028")
	before, err := h.Store.GetOffer(ctx, h.Tenant.Member("eve"))
	if err != nil {
		t.Fatal(err)
	}
	MustTick(t, h.Harness, time.Hour)
	h.Run("eve", "lang fr")
	r := h.Bot.HandleAction(ctx, bot.Action{Member: h.Tenant.Member("eve"), ActionID: m.Buttons[0].ActionID, Value: m.Buttons[0].Value})
	if r.Message.Text != "Merci\u202f: votre offre fait partie de «\u202fMentorat 2028\u202f». Elle en faisait déjà partie\u202f: rien n'a changé." || !r.Replace {
		t.Errorf("got %q", r.Message.Text)
	}
	if o, _ := h.Store.GetOffer(ctx, h.Tenant.Member("eve")); !o.Updated.Equal(before.Updated) {
		t.Errorf("got eve's offer updated at %v (was %v), want it untouched", o.Updated, before.Updated)
	}
}
