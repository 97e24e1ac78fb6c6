package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// mustReinvited returns a harness where bob (English) and carol (French)
// mentored ann and dan, and the program "Spring" was just created: each
// got their re-invitation, returned by user.
func mustReinvited(t *testing.T) (*adminHarness, map[string]bot.Message) {
	t.Helper()
	h := MustAdminHarness(t)
	h.Run("carol", "lang fr")
	mustOfficial(h.Harness, "bob", "offer go", "ann", "request go kind:one-to-one")
	mustOfficial(h.Harness, "carol", "offer design languages:fr,en", "dan", "request design kind:one-to-one")
	for _, u := range []string{"bob", "carol"} { // past mentors once their pairs (which met) have ended
		mustSayMet(t, h.Harness, u)
		clickIn(h.Harness, u, h.Run(u, "end"), bot.ActionEndConfirm)
	}
	h.Platform.Take()
	h.Run("alice", `admin program create "Spring" start:2027-03-01 end:2027-06-30`)
	MustTick(t, h.Harness, time.Minute)
	got := map[string]bot.Message{}
	for _, s := range h.Platform.Take() {
		if len(s.Message.Buttons) == 4 && s.Message.Buttons[3].ActionID == bot.ActionCampaignOptOut {
			got[s.To[0].User] = s.Message
		}
	}
	if len(got) != 2 {
		t.Fatalf("got re-invitations %v, want bob's and carol's", got)
	}
	return h, got
}

// TestReinviteAnsweredOnce: the first click on a re-invitation replaces
// the message with its outcome (its buttons gone); a second click on any
// of its buttons changes nothing and says it was answered, to the
// clicker alone, in their language. So does "No more messages like this".
func TestReinviteAnsweredOnce(t *testing.T) {
	ctx := context.Background()
	click := func(h *adminHarness, by string, b bot.Button) bot.Reply {
		return h.Bot.HandleAction(ctx, bot.Action{Member: h.Tenant.Member(by), ActionID: b.ActionID, Value: b.Value})
	}
	t.Run("Yes", func(t *testing.T) {
		h, msgs := mustReinvited(t)
		bob := msgs["bob"]
		r := click(h, "bob", bob.Buttons[0])
		if !r.Replace || !strings.HasPrefix(r.Message.Text, "Thank you: you are a mentor in “Spring”.\nYour offer is updated: go.") || len(r.Message.Buttons) != 0 {
			t.Fatalf("got %+v, want the outcome in place of the invitation", r)
		}
		for _, b := range bob.Buttons[:3] {
			r := click(h, "bob", b)
			if r.Replace || r.Message.Text != "You already answered this invitation to “Spring”: nothing changed. `/mentor status` shows your offer and its programs; `/mentor offer program:spring` puts it in “Spring” if it is not there yet." || r.Form != nil {
				t.Fatalf("%s again: got %+v, want it said answered, to bob alone", b.Label, r)
			}
		}
		MustContain(t, h.Run("bob", "status"), "Spring")
		MustInbox(t, h.Harness)
	})
	t.Run("NotThisTime", func(t *testing.T) {
		h, msgs := mustReinvited(t)
		carol := msgs["carol"]
		r := click(h, "carol", carol.Buttons[2])
		if !r.Replace {
			t.Fatalf("got %+v, want the invitation replaced", r)
		}
		MustContain(t, r, "Merci de me l'avoir dit. Votre offre reste telle quelle")
		r = click(h, "carol", carol.Buttons[0]) // "Oui, mêmes sujets", on a copy
		if r.Replace || r.Message.Text != "Vous avez déjà répondu à cette invitation à rejoindre «\u202fSpring\u202f»\u202f: rien n'a changé. `/mentor statut` montre votre offre et ses programmes\u202f; `/mentor propose programme:spring` la place dans «\u202fSpring\u202f» si elle n'y est pas encore." {
			t.Fatalf("got %+v, want it said answered", r)
		}
		if s := h.Run("carol", "status").Message.Text; strings.Contains(s, "Spring") {
			t.Errorf("got %q, want carol's offer out of Spring: she said not this time", s)
		}
		// The way the answer offers is still open.
		h.Run("carol", "offer programme:spring")
		MustContain(t, h.Run("carol", "status"), "Spring")
	})
	t.Run("ChangeTopics", func(t *testing.T) {
		h, msgs := mustReinvited(t)
		bob := msgs["bob"]
		r := click(h, "bob", bob.Buttons[1])
		if !r.Replace || r.Form == nil {
			t.Fatalf("got %+v, want the outcome in place of the invitation, and the offer form", r)
		}
		if r = click(h, "bob", bob.Buttons[1]); r.Replace || r.Form != nil || !strings.HasPrefix(r.Message.Text, "You already answered") {
			t.Fatalf("got %+v, want it said answered", r)
		}
	})
	t.Run("OptOut", func(t *testing.T) {
		h, msgs := mustReinvited(t)
		bob := msgs["bob"]
		if r := click(h, "bob", bob.Buttons[3]); !r.Replace || !strings.HasPrefix(r.Message.Text, "Done: you will get no more messages") {
			t.Fatalf("got %+v, want the outcome in place of the invitation", r)
		}
		if r := click(h, "bob", bob.Buttons[3]); r.Replace || !strings.HasPrefix(r.Message.Text, "You already asked for no more messages sent to every member: nothing changed.") {
			t.Fatalf("got %+v, want it said already done, to bob alone", r)
		}
		h.Run("carol", "lang fr")
		click(h, "carol", msgs["carol"].Buttons[3])
		MustContain(t, click(h, "carol", msgs["carol"].Buttons[3]), "Vous avez déjà demandé à ne plus recevoir les messages envoyés à tous les membres\u202f: rien n'a changé.")
	})
	t.Run("GiveBack", func(t *testing.T) {
		// Eve has no offer: Yes opens the offer form and answers nothing
		// yet (a second Yes opens it again); the offer she makes joins
		// the program, and then the invitation is answered.
		h := mustWentWell(t, "request go kind:one-to-one program:mentorat-2027 years:8")
		h.Run("alice", "admin invite-mentors program:mentorat-2028")
		MustTick(t, h.Harness, time.Minute)
		m := mustSent(t, h, "eve")
		for range 2 {
			if r := click(h, "eve", m.Buttons[0]); r.Replace || r.Form == nil {
				t.Fatalf("got %+v, want the offer form, the invitation kept", r)
			}
		}
		h.Run("eve", "offer go program:mentorat-2028")
		if r := click(h, "eve", m.Buttons[0]); !r.Replace || !strings.HasPrefix(r.Message.Text, "Thank you: your offer is in “Mentorat 2028”.") {
			t.Fatalf("got %+v, want the outcome in place of the invitation", r)
		}
		r := click(h, "eve", m.Buttons[1])
		if r.Replace || r.Message.Text != "You already answered this invitation to mentor in “Mentorat 2028”: nothing changed. `/mentor offer program:mentorat-2028` makes you a mentor there at any time." {
			t.Fatalf("got %+v, want it said answered", r)
		}
	})
}
