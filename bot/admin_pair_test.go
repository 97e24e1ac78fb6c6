package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

func TestAdminPair(t *testing.T) {
	ctx := context.Background()
	t.Run("OKNewRequest", func(t *testing.T) {
		h := MustAdminHarness(t)
		h.Run("mia", "offer go capacity:1")
		r := h.Run("alice", "admin pair @mia @ann go kind:one-to-one")
		if r.Message.Text != "Done: Mia will mentor Ann on “go”. Both are asked to accept the charter first; then I introduce them." {
			t.Fatalf("got %q", r.Message.Text)
		}
		MustInbox(t, h.Harness,
			"mia: A program manager asked you to mentor Ann on “go”. One last step: the program charter.",
			"ann: Good news: a program manager found you a mentor, Mia, on “go”. One last step: the program charter.",
			"mia: The mentoring charter | Before your pair on “go” becomes official, please read and accept the program's charter:",
			"ann: The mentoring charter | Before your pair on “go” becomes official, please read and accept the program's charter:")
		h.Click("mia", "mia", bot.ActionCharterAccept)
		h.Click("ann", "ann", bot.ActionCharterAccept)
		MustInbox(t, h.Harness, "mia+ann: Introduction: go | Ann, meet Mia: your mentor on “go”, for one-to-one mentoring. You have both accepted the charter: welcome to the program!")
		pairs, _ := h.Store.PairsOf(ctx, h.Tenant.Member("ann"))
		if len(pairs) != 1 || pairs[0].State != bot.PairActive || pairs[0].Kind != "one-to-one" || len(pairs[0].Reasons) == 0 {
			t.Fatalf("got %+v, want one active one-to-one pair with its reasons", pairs)
		}
		st, _ := h.Store.Stats(ctx, h.Tenant, []string{"2026-W45"})
		if c := st[0].Counts; c[bot.EventPaired] != 1 || c[bot.EventAccepted] != 0 || c[bot.EventRequest] != 0 {
			t.Fatalf("got %v, want the pair counted as a manager's, no accepted proposal and no member request", c)
		}
		MustLines(t, h.Run("alice", "admin stats").Message.Text,
			"This week so far (since Monday 2 November 2026, 2026-W45)",
			"• Pairs formed: 1",
			"• Of which formed by managers: 1",
			"• Proposals: 0 accepted, 0 declined, 0 expired")
	})
	t.Run("OKWaitingRequestBeyondCapacity", func(t *testing.T) {
		h := MustAdminHarness(t)
		h.Run("mia", "offer go capacity:1")
		h.Run("bob", "request go")
		h.Click("mia", "mia", bot.ActionProposalAccept) // mia is full
		h.Run("ann", "request kubernetes goal:first cluster")
		MustContain(t, h.Run("alice", "admin pair mia ann"), "• Mia has no free slot: 1 of 1 taken by pairs and open proposals, so this pair goes beyond their capacity\n")
		r := h.Run("alice", "admin pair mia ann confirm:yes")
		if !strings.HasPrefix(r.Message.Text, "Done: Mia will mentor Ann on “kubernetes”.") {
			t.Fatalf("got %q", r.Message.Text)
		}
		if w, _ := h.Store.Waiting(ctx, h.Tenant); len(w) != 0 {
			t.Fatalf("got %d waiting, want ann's request paired", len(w))
		}
		pairs, _ := h.Store.PairsOf(ctx, h.Tenant.Member("ann"))
		if o, _ := h.Store.GetOffer(ctx, h.Tenant.Member("mia")); o.Active != 2 || len(pairs) != 1 || pairs[0].Goal != "first cluster" {
			t.Fatalf("got active %d and pairs %+v, want 2 slots taken and ann's goal kept", o.Active, pairs)
		}
	})
	for name, tc := range map[string]struct{ text, want string }{
		"ErrSelf":          {"admin pair @mia @mia go", "The mentor and the mentee must be two different members."},
		"ErrBadMentor":     {"admin pair @m/a @ann go", "I can't read “@m/a” as a member: mention them, or give their user ID."},
		"ErrNoMentee":      {"admin pair @mia", "Please give the mentee. For example: `/mentor admin pair @mentor @mentee kubernetes`"},
		"ErrTopicRequired": {"admin pair @mia @zoe", "Please give the topic. For example: `/mentor admin pair @mentor @mentee kubernetes`"},
		"ErrProposed":      {"admin pair @max @cat", "Cat's request on “go” is with a mentor right now. Wait for their answer, or ask Cat to withdraw it with `/mentor cancel`."},
	} {
		t.Run(name, func(t *testing.T) {
			h := MustAdminHarness(t)
			h.Run("mia", "offer go")
			h.Run("cat", "request go")
			h.Platform.Take()
			if r := h.Run("alice", tc.text); r.Message.Text != tc.want {
				t.Fatalf("got %q, want %q", r.Message.Text, tc.want)
			}
			if sent := h.Platform.Take(); len(sent) != 0 {
				t.Fatalf("got %d messages sent, want none", len(sent))
			}
			if _, err := h.Store.GetMember(ctx, h.Tenant.Member("zoe")); bot.ErrorCode(err) != bot.ENOTFOUND {
				t.Fatalf("got %v, want zoe not recorded", err)
			}
		})
	}
}

// TestAdminPairConfirmButton: where the matcher would not pair them, the
// manager is told why and asked with a button that only they can use,
// once; a reason that appears meanwhile asks again; Cancel pairs nothing.
func TestAdminPairConfirmButton(t *testing.T) {
	ctx := context.Background()
	h := MustAdminHarness(t)
	h.Run("alice", "admin managers add @carl")
	h.Run("mia", "offer go, kubernetes capacity:1")
	h.Run("bob", "request go")
	h.Click("mia", "mia", bot.ActionProposalAccept) // mia is full
	h.Run("ann", "request kubernetes")
	pairsOf := func(user string) int {
		t.Helper()
		pairs, err := h.Store.PairsOf(ctx, h.Tenant.Member(user))
		if err != nil {
			t.Fatal(err)
		}
		return len(pairs)
	}
	ask := h.Run("alice", "admin pair @mia @ann")
	want := "The matcher would not pair Mia with Ann on its own:\n" +
		"• Mia has no free slot: 1 of 1 taken by pairs and open proposals, so this pair goes beyond their capacity\n\n" +
		"Pair them anyway on “kubernetes”? Nothing changes until you click."
	if ask.Message.Text != want || len(ask.Message.Buttons) != 2 {
		t.Fatalf("got %+v, want %q with two buttons", ask.Message, want)
	}
	t.Run("ErrOtherManager", func(t *testing.T) {
		if r := h.ClickReply("carl", ask, "Pair them anyway"); r.Message.Text != "This button is meant for someone else, so nothing was changed." {
			t.Fatalf("got %q", r.Message.Text)
		}
		if r := h.ClickReply("zoe", ask, "Pair them anyway"); r.Message.Text != "Sorry, only the program's managers can do that." {
			t.Fatalf("got %q", r.Message.Text)
		}
		if n := pairsOf("ann"); n != 0 {
			t.Fatalf("got %d pairs, want none", n)
		}
	})
	t.Run("OKOnce", func(t *testing.T) {
		r := h.ClickReply("alice", ask, "Pair them anyway")
		if !r.Replace || !strings.HasPrefix(r.Message.Text, "Done: Mia will mentor Ann on “kubernetes”.") {
			t.Fatalf("got %+v, want the pair formed in place of the question", r)
		}
		r = h.ClickReply("alice", ask, "Pair them anyway")
		if r.Message.Text != "You have already answered this question, so nothing more was changed." {
			t.Fatalf("got %q", r.Message.Text)
		}
		if r := h.ClickReply("alice", ask, "Cancel"); r.Message.Text != "You have already answered this question, so nothing more was changed." {
			t.Fatalf("got %q", r.Message.Text)
		}
		if n := pairsOf("ann"); n != 1 {
			t.Fatalf("got %d pairs, want one", n)
		}
	})
	t.Run("ErrSamePairAgain", func(t *testing.T) {
		for _, text := range []string{"admin pair @mia @ann kubernetes", "admin pair @mia @ann Kubernetes confirm:yes"} {
			if r := h.Run("alice", text); r.Message.Text != "Mia and Ann already have a pair on “kubernetes”, waiting for the charter, so nothing was changed." {
				t.Fatalf("got %q", r.Message.Text)
			}
		}
		if n := pairsOf("ann"); n != 1 {
			t.Fatalf("got %d pairs, want still one", n)
		}
	})
	t.Run("NewReasonAsksAgain", func(t *testing.T) {
		h.Run("cat", "request go")
		ask := h.Run("alice", "admin pair @mia @cat")
		h.Run("mia", "pause")
		r := h.ClickReply("alice", ask, "Pair them anyway")
		if !strings.Contains(r.Message.Text, "• Mia has paused their offer\n") || len(r.Message.Buttons) != 2 || !r.Replace {
			t.Fatalf("got %+v, want the question asked again with the new reason", r)
		}
		if n := pairsOf("cat"); n != 0 {
			t.Fatalf("got %d pairs, want none", n)
		}
		if r := h.ClickReply("alice", r, "Cancel"); r.Message.Text != "Cancelled: nothing was paired." {
			t.Fatalf("got %q", r.Message.Text)
		}
		if n := pairsOf("cat"); n != 0 {
			t.Fatalf("got %d pairs, want none after Cancel", n)
		}
	})
	t.Run("FrenchOK", func(t *testing.T) {
		h.Run("alice", "lang fr")
		r := h.Run("alice", "admin pair @mia @cat")
		want := "La mise en relation automatique n'associerait pas d'elle-même Mia et Cat\u202f:\n" +
			"• Mia a mis son offre en pause\n" +
			"• Mia n'a plus de place libre\u202f: 2 sur 1, entre binômes et propositions en attente\u202f; ce binôme irait au-delà de son nombre de places\n\n" +
			"Les associer quand même sur «\u202fgo\u202f»\u202f? Rien ne change tant que vous n'avez pas cliqué."
		if r.Message.Text != want || r.Message.Buttons[0].Label != "Les associer quand même" || r.Message.Buttons[1].Label != "Annuler" {
			t.Fatalf("got %+v, want %q", r.Message, want)
		}
	})
}

// TestAdminPairMetBefore: a mentor and a mentee who met before are paired
// by a manager only after a confirmation.
func TestAdminPairMetBefore(t *testing.T) {
	ctx := context.Background()
	h := MustAdminHarness(t)
	h.Run("mia", "offer go")
	if err := h.Store.RememberPair(ctx, h.Tenant, "dan", "mia", bot.VerdictMet); err != nil {
		t.Fatal(err)
	}
	r := h.Run("alice", "admin pair @mia @dan go")
	MustContain(t, r, "• Mia and Dan were paired before and met, so it pairs them again only when no other mentor has room\n")
	if r := h.ClickReply("alice", r, "Pair them anyway"); !strings.HasPrefix(r.Message.Text, "Done: Mia will mentor Dan on “go”.") {
		t.Fatalf("got %q", r.Message.Text)
	}
}

// TestAdminPairOtherTopic: a mentor who does not offer the pair's topic
// is named as a reason, and nothing is paired before the manager
// confirms.
func TestAdminPairOtherTopic(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("bob", "offer go languages:en")
	r := h.Run("alice", "admin pair @bob @erin rust")
	MustContain(t, r, "• Bob does not offer “rust” (their topics: go)")
	if len(r.Message.Buttons) != 2 {
		t.Fatalf("got buttons %+v, want Pair them anyway and Cancel", r.Message.Buttons)
	}
	if pairs, _ := h.Store.PairsOf(context.Background(), h.Tenant.Member("erin")); len(pairs) != 0 {
		t.Fatalf("got pairs %+v, want none before the confirmation", pairs)
	}
	h.Run("bob", "lang fr")
	h.Run("alice", "lang fr")
	MustContain(t, h.Run("alice", "admin pair @bob @erin rust"), "• Bob ne propose pas «\u202frust\u202f» (ses sujets\u202f: go)")
}

// TestAdminPairSaysWhoMustAcceptCharter: a manager's pair says truthfully
// what comes before the introduction: a mentor who accepted the charter
// already is not told to accept it, and the manager reads who is asked.
func TestAdminPairSaysWhoMustAcceptCharter(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("mia", "offer go capacity:3")
	h.Run("ann", "request go")
	h.Click("mia", "mia", bot.ActionProposalAccept)
	h.Click("mia", "mia", bot.ActionCharterAccept)
	h.Run("bob", "request python")
	h.Platform.Take()
	MustContain(t, h.Run("alice", "admin pair @mia @bob python confirm:yes"), "Done: Mia will mentor Bob on “python”. Bob is asked to accept the charter first; then I introduce them.")
	got := strings.Join(inbox(h.Harness), "\n")
	for _, want := range []string{
		"mia: A program manager asked you to mentor Bob on “python”. You have accepted the program charter already: I'll introduce you as soon as Bob has too.",
		"bob: Good news: a program manager found you a mentor, Mia, on “python”. One last step: the program charter.",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("got messages:\n%s\nwant %q", got, want)
		}
	}
}

// TestAdminPairSecondQuestion: two questions on the same pair, the topic
// read from the mentee's request; the second, answered after the first
// paired them, says so, rather than asking for a topic.
func TestAdminPairSecondQuestion(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("mia", "offer go, kubernetes capacity:1")
	h.Run("bob", "request go")
	h.Click("mia", "mia", bot.ActionProposalAccept) // mia is full: asked
	h.Run("dee", "request kubernetes")
	first, second := h.Run("alice", "admin pair @mia @dee"), h.Run("alice", "admin pair @mia @dee")
	if r := h.ClickReply("alice", first, "Pair them anyway"); !strings.HasPrefix(r.Message.Text, "Done: Mia will mentor Dee on “kubernetes”.") {
		t.Fatalf("got %q", r.Message.Text)
	}
	if r := h.ClickReply("alice", second, "Pair them anyway"); r.Message.Text != "Mia and Dee already have a pair on “kubernetes”, waiting for the charter, so nothing was changed." {
		t.Fatalf("got %q, want the pair already formed", r.Message.Text)
	}
}

// TestAdminPairCancelAfterConfirmYes: a question cancelled after the same
// pair was formed by "confirm:yes" says they are paired already, not
// that nothing was paired.
func TestAdminPairCancelAfterConfirmYes(t *testing.T) {
	h := MustAdminHarness(t)
	ask := h.Run("alice", "admin pair @ivan @carol sql kind:one-to-one")
	if len(ask.Message.Buttons) != 2 {
		t.Fatalf("got %+v, want a question", ask.Message)
	}
	MustContain(t, h.Run("alice", "admin pair @ivan @carol topic:sql confirm:yes"), "Done: Ivan will mentor Carol on “sql”.")
	r := h.ClickReply("alice", ask, "Cancel")
	if r.Message.Text != "This question is closed, but Ivan and Carol are paired already on “sql”, by another command: nothing was changed. Either of them can end it with `/mentor end`." {
		t.Fatalf("got %q", r.Message.Text)
	}
}

// TestAdminPairOtherRequest: a manager's pair on another topic than the
// mentee's waiting request asks first, naming that request; once
// confirmed, the pair has a request of its own, and the waiting one
// stays as it was, on its topic and with its goal, whatever becomes of
// the pair. The same topic, folded, is no other topic.
func TestAdminPairOtherRequest(t *testing.T) {
	ctx := context.Background()
	h := MustAdminHarness(t)
	carol := h.Tenant.Member("carol")
	h.Run("carol", "request rust goal:learn rust")
	h.Run("bob", "offer go")
	inbox(h.Harness)
	ask := h.Run("alice", "admin pair @bob @carol go")
	MustContain(t, ask, "• Carol's waiting request is on “rust”, not “go”: this pair leaves it waiting, as it is\n")
	if pairs, _ := h.Store.PairsOf(ctx, carol); len(pairs) != 0 {
		t.Fatalf("got pairs %+v, want none before the confirmation", pairs)
	}
	r := h.ClickReply("alice", ask, "Pair them anyway")
	MustContain(t, r, "Done: Bob will mentor Carol on “go”. Both are asked to accept the charter first; then I introduce them. Carol's request on “rust” still waits, as it was.")
	told := func(want string) {
		t.Helper()
		var got []string
		for _, s := range h.Platform.Take() {
			if len(s.To) == 1 && s.To[0] == carol {
				got = append(got, s.Message.Text)
			}
		}
		if !strings.Contains(strings.Join(got, "\n"), want) {
			t.Fatalf("got messages to carol:\n%s\nwant %q", strings.Join(got, "\n"), want)
		}
	}
	told("Good news: a program manager found you a mentor, Bob, on “go”. One last step: the program charter.\nYour request on “rust” still waits for a mentor, as it was.")
	mustWaits := func() {
		t.Helper()
		open, err := h.Store.OpenRequest(ctx, carol)
		if err != nil || open.Topic != "rust" || open.Goal != "learn rust" || open.State != bot.RequestWaiting {
			t.Fatalf("got open request %+v, %v, want “rust” waiting with its goal", open, err)
		}
	}
	mustWaits()
	pairs, _ := h.Store.PairsOf(ctx, carol)
	if len(pairs) != 1 || pairs[0].Topic != "go" || pairs[0].Goal != "" {
		t.Fatalf("got pairs %+v, want one on “go” without the goal of “rust”", pairs)
	}
	// Declined: the pair's own request is withdrawn, the other one still
	// waits, and Carol reads so (it said her request was back in the
	// queue; found in review).
	r = h.Click("carol", "carol", bot.ActionCharterDecline)
	MustContain(t, r, "You declined the charter, so your pair with Bob on “go” is cancelled. Your request on “rust” still waits for a mentor.")
	mustWaits()
	// Bob declines another such pair, and one times out: told the same.
	h.ClickReply("alice", h.Run("alice", "admin pair @bob @carol go"), "Pair them anyway")
	inbox(h.Harness)
	h.Click("bob", "bob", bot.ActionCharterDecline)
	told("Bob did not accept the charter, so your pair on “go” is cancelled. Your request on “rust” still waits for a mentor.")
	h.ClickReply("alice", h.Run("alice", "admin pair @bob @carol go"), "Pair them anyway")
	inbox(h.Harness)
	MustTick(t, h.Harness, 4*24*time.Hour)
	told("The charter for your pair with Bob on “go” wasn't accepted in time, so the pair is cancelled. Your request on “rust” still waits for a mentor.")
	mustWaits()

	// Confirmed by confirm:yes, in French; the introduction shows no goal.
	h.Run("alice", "lang fr")
	h.Run("carol", "lang fr")
	h.Run("dan", "offer go")
	inbox(h.Harness)
	MustContain(t, h.Run("alice", "admin pair @dan @carol go"), "• La demande en attente de Carol porte sur «\u202frust\u202f», pas sur «\u202fgo\u202f»\u202f: ce binôme la laisse en attente, telle quelle\n")
	MustContain(t, h.Run("alice", "admin pair @dan @carol go confirm:yes"), "La demande de Carol sur «\u202frust\u202f» reste en attente, telle quelle.")
	told("Votre demande sur «\u202frust\u202f» reste en attente d'un mentor, telle quelle.")
	h.Click("dan", "dan", bot.ActionCharterAccept)
	h.Click("carol", "carol", bot.ActionCharterAccept)
	intro := false
	for _, s := range h.Platform.Take() {
		intro = intro || s.Together
		if strings.Contains(s.Message.Text, "learn rust") {
			t.Fatalf("got %q, want no goal of “rust”", s.Message.Text)
		}
	}
	if !intro {
		t.Fatal("got no introduction, want one")
	}
	mustWaits()

	// The waiting request's topic, however it is typed, is no other topic.
	h.Run("erin", "request Kubernetes")
	h.Run("mia", "offer kubernetes")
	inbox(h.Harness)
	if r := h.Run("alice", "admin pair @mia @erin KUBERNETES"); strings.Contains(r.Message.Text, "attente de Erin") || strings.Contains(r.Message.Text, "attente d'Erin") {
		t.Fatalf("got %q, want no warning about the request", r.Message.Text)
	}
}

// TestNewMatchWithOtherRequestOpen: a mentee whose manager-made pair on
// another topic ends, while their own request still waits, is told that
// request waits (one open request at a time) when they ask for a new
// match; nothing is recorded, so the button works once it is withdrawn.
// Before, the answer was recorded, then refused as "an open request on
// “rust”", the pair's topic, not the request's (found in review).
func TestNewMatchWithOtherRequestOpen(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("dan", "request go")
	h.Run("alice", "admin pair @bob @dan rust kind:one-to-one confirm:yes")
	h.Click("bob", "bob", bot.ActionCharterAccept)
	h.Click("dan", "dan", bot.ActionCharterAccept)
	h.ClickReply("dan", h.Run("dan", "end"), "Yes, end the pair")
	inbox(h.Harness)
	yes := h.Button("dan", "Yes, please")
	r := h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("dan"), ActionID: yes.ActionID, Value: yes.Value})
	MustContain(t, r, "Your request on “go” is still waiting for a mentor, and you can have one request at a time. For a new match on “rust” instead, withdraw it with `/mentor cancel`, then click again.")
	h.Run("dan", "cancel")
	r = h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("dan"), ActionID: yes.ActionID, Value: yes.Value})
	MustContain(t, r, "Your request on “rust” is saved.")
}
