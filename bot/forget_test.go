package bot_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// forgetHarness is a harness on backend b, with the store itself for the
// scan, and a forgotten-to-be member whose user ID and name (the fake
// platform's: the ID capitalised) appear nowhere else in that store.
func forgetHarness(t *testing.T, b storetest.Backend) (h *bottest.Harness, st bot.Store, user, name string) {
	st = b.Open(t)
	tn := storetest.Tenant(t, "test")
	tn.Platform = "test-" + tn.Workspace
	h = bottest.New(t, st, tn, bot.Config{})
	buf := make([]byte, 6)
	rand.Read(buf)
	user = "ada" + hex.EncodeToString(buf)
	return h, st, user, "A" + user[1:]
}

// mustHistory gives ada everything a member can leave behind: a cancelled
// request, a finished flash pair with a survey and a comment, an active
// pair with a check-in answer, an offer with a declined and a pending
// proposal, a manager's seat and the charter log.
func mustHistory(t *testing.T, h *bottest.Harness, ada string) {
	t.Helper()
	h.Run(ada, "request python")
	h.Run(ada, "cancel")
	h.Run("erin", "offer sql kinds:flash")
	h.Run(ada, "request sql kind:flash goal:learn joins with Ada's data")
	h.Click("erin", "erin", bot.ActionProposalAccept)
	h.Click("erin", "erin", bot.ActionCharterAccept)
	h.Click(ada, ada, bot.ActionCharterAccept)
	MustTick(t, h, 3*day)
	h.Click(ada, ada, bot.ActionCheckinYes)
	MustTick(t, h, time.Minute)
	r := h.Click(ada, ada, "4")
	r = clickIn(h, ada, r, bot.ActionSurveyAnswer)
	clickIn(h, ada, r, bot.ActionSurveyAnswer)
	MustContain(t, h.Run(ada, "comment Erin was great"), "comment")
	// Testimonials: hers, and Erin's, which names her.
	clickIn(h, ada, h.Run(ada, "testimonial Erin made joins easy."), "Yes, with my first name")
	clickIn(h, "erin", h.Click("erin", "erin", "5"), bot.ActionSurveyAnswer)
	name := strings.ToUpper(ada[:1]) + ada[1:]
	clickIn(h, "erin", h.Run("erin", "testimonial "+name+" asked the best questions."), "Yes, anonymously")

	mustOfficial(h, "bob", "offer go", ada, "request go kind:one-to-one")
	MustTick(t, h, 3*day)
	h.Click(ada, ada, bot.ActionCheckinYes)

	h.Run(ada, "offer rust")
	h.Run("carol", "request rust")
	h.Click(ada, ada, bot.ActionProposalDecline)
	h.Run("dave", "request rust")
	if err := h.Store.AddManager(context.Background(), h.Tenant.Member(ada)); err != nil {
		t.Fatal(err)
	}
	// A manager's pair waiting for her confirmation (a draft): Bob has no
	// free place, so she is asked first.
	h.Run(ada, "request haskell")
	h.Run("bob", "offer capacity:1")
	MustContain(t, h.Run(ada, "admin pair @bob @gus go"), "")
	inbox(h)
}

// placesOfMember are where the member's history leaves them in the
// store of backend b: Redis keys, or the fields of inmem.Store.Dump. In
// Redis, check-in and survey answers sit in the pair's hash under a role,
// not the member's ID (store/followup.go): the erasure of the role's
// answers is a contract test (storetest's Erase).
func placesOfMember(b storetest.Backend) []string {
	if b.Redis {
		return []string{":member:", ":offer:", ":req:", ":prop:", ":pair:", ":managers", ":draft:", ":mark:", ":prof", ":tk:", ":offers", ":load", ":people:", ":declined", ":quote:"}
	}
	return []string{" members ", " offers ", " requests ", " proposals ", " pairs ", " surveys ", " history ", " charters:", " managers ", " drafts ", " sent ", " offerKeys ", " load ", " people ", " declined ", " checkins ", " quotes "}
}

// TestForget: /mentor forget asks first; "Yes, erase everything" erases
// every trace of the member: a scan of every Redis key and value finds
// neither their user ID nor their name. Bob, whose pair with them was in
// progress, is told and asked the new-match question, which still works;
// the counters keep their numbers.
func TestForget(t *testing.T) {
	for _, b := range storetest.Backends() {
		t.Run(b.Name, func(t *testing.T) {
			h, st, ada, name := forgetHarness(t, b)
			ctx := context.Background()
			MustContain(t, h.Run(ada, "forget"), "I keep nothing about you")
			mustHistory(t, h, ada)
			before := strings.Join(storetest.Mentions(t, st, ada, name), "\n")
			for _, kind := range placesOfMember(b) {
				if !strings.Contains(before, kind) {
					t.Errorf("got no mention of the member in %s keys before forget, want the scan to find them:\n%s", kind, before)
				}
			}
			if indexed, _ := h.Store.WaitingFor(ctx, h.Tenant, []string{"haskell"}); len(indexed) != 1 {
				t.Fatalf("got %d requests under haskell before forget, want the member's", len(indexed))
			}
			stats, err := h.Store.Stats(ctx, h.Tenant, []string{bot.AllTime})
			if err != nil {
				t.Fatal(err)
			}

			r := h.Run(ada, "forget")
			if r.Message.Title != "Erase all your data?" || len(r.Message.Buttons) != 2 {
				t.Fatalf("got %q with %d buttons, want the confirmation", r.Message.Title, len(r.Message.Buttons))
			}
			MustContain(t, clickIn(h, "bob", r, bot.ActionForgetConfirm), "This button is meant for someone else")
			MustContain(t, clickIn(h, ada, r, bot.ActionForgetKeep), "nothing was erased")
			MustContain(t, clickIn(h, ada, r, bot.ActionForgetConfirm), "everything I kept about you is erased")
			MustInbox(t, h,
				"bob: Your pair on “go” has ended | Your mentee has left the program, so your pair on “go” has ended. Thank you for the time you gave. Would you like to mentor someone else?",
				"dave: No mentor is available for “rust” right now. Your request stays in the queue and I'll propose it as soon as someone fits.")

			if hits := storetest.Mentions(t, st, ada, name); len(hits) > 0 {
				t.Fatalf("got the member still in the store after forget:\n  %s", strings.Join(hits, "\n  "))
			}
			waiting, _ := h.Store.Waiting(ctx, h.Tenant)
			indexed, _ := h.Store.WaitingFor(ctx, h.Tenant, []string{"haskell"})
			if len(indexed) != 0 || len(waiting) != 2 { // carol's and dave's
				t.Errorf("got %d waiting, %d under haskell, want the member's request out of the queue and its index", len(waiting), len(indexed))
			}
			after, err := h.Store.Stats(ctx, h.Tenant, []string{bot.AllTime})
			if err != nil {
				t.Fatal(err)
			}
			for k, n := range stats[0].Counts {
				want := n
				if k == bot.EventEnded {
					want++ // the pair with Bob
				}
				if got := after[0].Counts[k]; got != want {
					t.Errorf("got %s = %d after forget, want %d", k, got, want)
				}
			}
			MustContain(t, h.Click("bob", "bob", bot.ActionNewMatchYes), "You'll receive new requests that fit")
			MustContain(t, h.Run(ada, "status"), "No pairs yet.")
			MustContain(t, h.Run("bob", "status"), "Mentor of a former member on “go”: ended")
		})
	}
}

// TestForgetWithoutRecord: a member the bot never recorded, but whom a
// manager added as a manager, still has something to erase.
func TestForgetWithoutRecord(t *testing.T) {
	h := MustHarness(t)
	ctx := context.Background()
	zoe := h.Tenant.Member("zoe")
	if err := h.Store.AddManager(ctx, zoe); err != nil {
		t.Fatal(err)
	}
	r := h.Run("zoe", "forget")
	MustContain(t, clickIn(h, "zoe", r, bot.ActionForgetConfirm), "everything I kept about you is erased")
	if ok, err := h.Store.IsManager(ctx, zoe); ok || err != nil {
		t.Fatalf("got manager %v (%v), want the seat erased", ok, err)
	}
	MustContain(t, h.Run("zoe", "forget"), "I keep nothing about you")
}

// TestForgetTwiceInFrench: a double click on « Oui, tout effacer » answers
// in French both times, though the member's language was erased with
// their record at the first click, the second saying it is already done;
// so does « Non, garder mes données » clicked after it, which must not
// claim that nothing was erased.
func TestForgetTwiceInFrench(t *testing.T) {
	h := MustHarness(t)
	h.Run("zoe", "lang fr")
	h.Run("zoe", "offer go")
	r := h.Run("zoe", "forget")
	MustContain(t, clickIn(h, "zoe", r, bot.ActionForgetConfirm), "tout ce que je conservais sur vous est effacé")
	second := clickIn(h, "zoe", r, bot.ActionForgetConfirm)
	MustContain(t, second, "Vos données sont déjà effacées")
	if second.Lang != bot.French {
		t.Errorf("got the second click's reply in %q, want fr", second.Lang)
	}
	kept := clickIn(h, "zoe", r, bot.ActionForgetKeep)
	if kept.Lang != bot.French || strings.Contains(kept.Message.Text, "rien n'a été effacé") {
		t.Errorf("got %q (%s) after the erasure, want a true sentence in French", kept.Message.Text, kept.Lang)
	}
}

// TestForgetTellsMentorOfProposal: a member who erases their data with a
// proposal pending withdraws it as /mentor cancel does: the mentor is
// told at once, in their language, with the cancel's notice (the topic,
// nothing of the member), and their place is free again.
func TestForgetTellsMentorOfProposal(t *testing.T) {
	for _, b := range storetest.Backends() {
		t.Run(b.Name, func(t *testing.T) {
			h := MustHarnessOn(t, b)
			h.Run("carol", "lang fr")
			h.Run("carol", "offer go capacity:1 languages:en,fr")
			h.Run("dan", "request go")
			MustInbox(t, h, "carol: Demande de mentorat\u202f: go | Dan aimerait votre aide sur «\u202fgo\u202f».")
			MustContain(t, clickIn(h, "dan", h.Run("dan", "forget"), bot.ActionForgetConfirm), "everything I kept about you is erased")
			MustInbox(t, h, "carol: "+bot.T(bot.French, "proposal.withdrawn", "topic", "go"))
			h.Run("erin", "request go")
			MustInbox(t, h, "carol: Demande de mentorat\u202f: go | Erin aimerait votre aide sur «\u202fgo\u202f».")

			// Carol's platform cannot take it now: the notice is kept, and sent
			// again, as the cancel's is.
			forget := h.Run("erin", "forget")
			h.Platform.Fail = bot.Errorf(bot.EUNAVAILABLE, "err.unavailable")
			MustContain(t, clickIn(h, "erin", forget, bot.ActionForgetConfirm), "everything I kept about you is erased")
			h.Platform.Fail = nil
			MustInbox(t, h)
			MustTick(t, h, 2*time.Minute)
			MustInbox(t, h, "carol: "+bot.T(bot.French, "proposal.withdrawn", "topic", "go"))
		})
	}
}
