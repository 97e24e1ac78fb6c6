package bot_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
)

// lastTo returns the last message sent to user since the last Take, and
// takes them all.
func lastTo(t *testing.T, h *bottest.Harness, user string) bot.Message {
	t.Helper()
	var got []bot.Message
	for _, s := range h.Platform.Take() {
		for _, m := range s.To {
			if m.User == user {
				got = append(got, s.Message)
			}
		}
	}
	if len(got) == 0 {
		t.Fatalf("%s got no message, want one", user)
	}
	return got[len(got)-1]
}

// TestProgramKickoffTellsUnmatched: the held reply promises a message at
// the kick-off; a held request that the kick-off leaves waiting gets it,
// once, in its member's language, with the reason it waits, and with the
// "Did you mean …?" suggestion and its button when nobody offers its
// topic.
func TestProgramKickoffTellsUnmatched(t *testing.T) {
	t.Run("NoPairs", func(t *testing.T) {
		h := mustProgramHarness(t)
		h.Run("bob", "offer kubernetes languages:en,fr program:mentorat-2027")
		h.Run("jules", "lang fr")
		r := h.Run("jules", "request kubernetess program:mentorat-2027")
		MustContain(t, r, "Les mentors seront proposés à partir du lancement du programme, le 10 novembre 2026\u202f: je vous écrirai dès qu'un mentor vous sera proposé, ou avec la raison pour laquelle aucun ne peut encore la prendre.")
		h.Platform.Take()
		h.At(10, 0, 1)
		msg := lastTo(t, h.Harness, "jules")
		want := "«\u202fMentorat 2027\u202f» a commencé, mais aucun mentor ne peut encore prendre votre demande sur «\u202fkubernetess\u202f».\n" +
			"Personne ne propose «\u202fkubernetess\u202f». Vouliez-vous dire «\u202fkubernetes\u202f» (1 mentor)\u202f?\n" +
			"Elle garde sa place dans la file d'attente\u202f: je la proposerai dès qu'un mentor pourra la prendre."
		if msg.Text != want {
			t.Fatalf("got %q, want %q", msg.Text, want)
		}
		if len(msg.Buttons) != 1 || msg.Buttons[0].ActionID != bot.ActionRequestTopic {
			t.Fatalf("got buttons %+v, want the suggestion's", msg.Buttons)
		}
		// The button, after the kick-off, proposes the corrected request.
		r = h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("jules"), ActionID: msg.Buttons[0].ActionID, Value: msg.Buttons[0].Value})
		MustContain(t, r, "Votre demande porte désormais sur «\u202fkubernetes\u202f».")
		MustInbox(t, h.Harness, "bob: Mentoring request: kubernetes | Jules would like your help on “kubernetes”.")
		h.At(12, 0, 0)
		for _, line := range inbox(h.Harness) {
			if strings.HasPrefix(line, "jules:") {
				t.Errorf("got %q, want jules told once", line)
			}
		}
	})
	t.Run("SentRound", func(t *testing.T) {
		h := mustProgramHarness(t)
		h.Run("bob", "offer go capacity:1 program:mentorat-2027")
		h.Run("ann", "request go program:mentorat-2027")
		h.Clock.Advance(1) // carl waits less: ann first
		h.Run("carl", "request go program:mentorat-2027")
		h.Platform.Take()
		h.At(10, 0, 1)
		post := mustPost(t, h)
		MustInbox(t, h.Harness) // nothing before a manager answers
		send := post.Buttons[0]
		MustContain(t, h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("alice"), ActionID: send.ActionID, Value: send.Value}), "Sent 1 proposal")
		h.Tick()
		got := inbox(h.Harness)
		want := "carl: “Mentorat 2027” has started, but no mentor can take your request on “go” yet."
		if !slices.Contains(got, want) {
			t.Fatalf("got messages:\n%s\nwant %q", strings.Join(got, "\n"), want)
		}
		for _, line := range got {
			if strings.HasPrefix(line, "ann: “Mentorat 2027” has started") {
				t.Errorf("got %q, want ann told of her proposal only", line)
			}
		}
		h.At(12, 0, 0)
		for _, line := range inbox(h.Harness) {
			if strings.HasPrefix(line, "carl:") || strings.HasPrefix(line, "ann:") {
				t.Errorf("got %q, want them told once: the grace's job is the same job", line)
			}
		}
	})
	t.Run("Unanswered", func(t *testing.T) {
		h := mustProgramHarness(t)
		h.Run("bob", "offer go capacity:1 program:mentorat-2027")
		h.Run("ann", "request go program:mentorat-2027")
		h.Clock.Advance(1)
		h.Run("carl", "request go program:mentorat-2027")
		h.Platform.Take()
		h.At(10, 0, 1)
		mustPost(t, h)
		MustInbox(t, h.Harness)
		h.At(11, 0, 1) // a day later, nobody answered: released
		got := strings.Join(inbox(h.Harness), "\n")
		if !strings.Contains(got, "bob: Mentoring request: go | Ann would like your help on “go”.") ||
			!strings.Contains(got, "carl: “Mentorat 2027” has started, but no mentor can take your request on “go” yet.") {
			t.Fatalf("got messages:\n%s\nwant ann proposed to bob, and carl told why he waits", got)
		}
	})
}

// TestAnnounceProgramCommand: a program's call for mentors gives the
// command with the program's option, in the reader's language, since an
// offer without it joins the current program, not this one.
func TestAnnounceProgramCommand(t *testing.T) {
	h := mustProgramHarness(t)
	h.Run("alice", "admin announce #general lang:both program:mentorat-2027")
	var text string
	for _, p := range h.Posting.Posts() {
		if p.Channel == "general" || p.Channel == "#general" {
			text = p.Message.Text
		}
	}
	for _, want := range []string{
		"type `/mentor offer`, your topics and `program:mentorat-2027`, for example `/mentor offer go, career change program:mentorat-2027`.",
		"tapez `/mentor propose` suivi de vos sujets et de `programme:mentorat-2027`, par exemple `/mentor propose go, reconversion programme:mentorat-2027`.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("got call %q, want %q", text, want)
		}
	}
	for _, bad := range []string{"`/mentor offer` and your topics.", "`/mentor offer` suivi de vos sujets."} {
		if strings.Contains(text, bad) {
			t.Errorf("got call %q, want no %q", text, bad)
		}
	}
}

// TestFairnessLeavesHeldOut: a request held for its program's kick-off
// is not blamed on the matching for the wait before it: it is counted
// apart when filed, and in the shares from its kick-off (EventReleased),
// its 7 days running from then.
func TestFairnessLeavesHeldOut(t *testing.T) {
	h := mustProgramHarness(t)
	h.Run("ann", "request go program:mentorat-2027")
	h.Run("dan", "request rust")
	for day := 3; day <= 30; day++ { // a day at a time, as ticks come
		h.At(day, 9, 0)
	}
	r, err := h.Bot.Report(context.Background(), h.Tenant, h.Clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Fairness.All; got != (bot.FairGroup{Dim: "all", Asked: 2}) {
		t.Errorf("got all %+v, want dan's request and ann's from the kick-off", got)
	}
	if r.Fairness.Held != 1 {
		t.Errorf("got held %d, want 1", r.Fairness.Held)
	}
	msg, _, err := h.Bot.Digest(context.Background(), h.Tenant, h.Clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	MustLines(t, msg.Text, "• All requests: 0 of 2 (0%)", "• Of which counted from their program's kick-off, not from their filing: 1",
		"• Requests filed for a program that had not started (such a request counts from its program's kick-off, not from its filing): 1")
	h.Run("alice", "lang fr")
	MustLines(t, h.Run("alice", "admin stats").Message.Text, bot.T(bot.French, "digest.item", "label", bot.T(bot.French, "fair.held"), "value", "1"))
}

// TestAdminPairCorrectedTopic: a manager's pair on a topic that only
// corrects a typo of the mentee's waiting request pairs that request, on
// the corrected topic, keeping its kind and program; the reply names
// them. Nothing is left waiting on the typo.
func TestAdminPairCorrectedTopic(t *testing.T) {
	h := mustProgramHarness(t)
	ctx := context.Background()
	h.Run("bob", "offer kubernetes program:mentorat-2027")
	h.Run("jules", "request kubernetess program:mentorat-2027")
	open, err := h.Store.OpenRequest(ctx, h.Tenant.Member("jules"))
	if err != nil {
		t.Fatal(err)
	}
	h.Platform.Take()
	r := h.Run("alice", "admin pair @bob @jules kubernetes")
	MustContain(t, r, "Done: Bob will mentor Jules on “kubernetes”. It is one-to-one mentoring in the program “Mentorat 2027”.")
	MustContain(t, r, "Jules's request on “kubernetess” is now on “kubernetes”, with its kind and program.")
	p := mustOnlyPair(t, h.Harness, "jules")
	if p.Kind != "one-to-one" || p.Request != open.ID || p.Topic != "kubernetes" {
		t.Errorf("got pair %s on %q of request %s, want one-to-one on “kubernetes” of %s", p.Kind, p.Topic, p.Request, open.ID)
	}
	if req, err := h.Store.GetRequest(ctx, h.Tenant, p.Request); err != nil || req.Program != "mentorat-2027" || req.Topic != "kubernetes" {
		t.Errorf("got request %+v (%v), want in mentorat-2027 on “kubernetes”", req, err)
	}
	if _, err := h.Store.OpenRequest(ctx, h.Tenant.Member("jules")); bot.ErrorCode(err) != bot.ENOTFOUND {
		t.Errorf("got open request (%v), want none left on the typo", err)
	}
	got := strings.Join(inbox(h.Harness), "\n")
	if !strings.Contains(got, "jules: Good news: a program manager found you a mentor, Bob, on “kubernetes”.") {
		t.Errorf("got messages:\n%s\nwant jules told", got)
	}
	// A genuinely different topic keeps the documented behaviour: a
	// request of its own, the waiting one left as it is.
	h.Run("ann", "request rust program:mentorat-2027")
	r = h.Run("alice", "admin pair @bob @ann go confirm:yes")
	MustContain(t, r, "Ann's request on “rust” still waits, as it was.")
}

// TestRematchKeepsProgram: a new match after a pair of a program ended
// is a request of that program and of the pair's kind: the program's
// mentors get it, it is filed under the program, counted, and withdrawn
// at the program's end.
func TestRematchKeepsProgram(t *testing.T) {
	h := MustAdminHarness(t)
	ctx := context.Background()
	h.Run("alice", "admin digest-channel #managers")
	h.Run("alice", "admin program create Promo kind:one-to-one start:2026-11-01 end:2026-11-20")
	h.Run("bob", "offer go program:promo")
	h.Run("ann", "request go program:promo")
	h.Click("bob", "bob", bot.ActionProposalAccept)
	h.Click("bob", "bob", bot.ActionCharterAccept)
	h.Click("ann", "ann", bot.ActionCharterAccept)
	h.Run("carl", "offer go program:default") // not for the program's request
	endedBy(h.Harness, "ann")
	r := h.Click("ann", "ann", bot.ActionNewMatchYes)
	open, err := h.Store.OpenRequest(ctx, h.Tenant.Member("ann"))
	if err != nil {
		t.Fatalf("got no open request (%v) after %q", err, r.Message.Text)
	}
	if open.Program != "promo" || open.Kind != "one-to-one" {
		t.Errorf("got request in %q of kind %s, want in promo, one-to-one", open.Program, open.Kind)
	}
	MustContain(t, r, "so it waits in the queue")
	ids, err := h.Store.ProgramRequests(ctx, h.Tenant, "promo")
	if err != nil || !slices.Contains(ids, open.ID) {
		t.Errorf("got program requests %v (%v), want %s among them", ids, err, open.ID)
	}
	MustInbox(t, h.Harness) // carl is not proposed
	h.Run("eve", "offer go program:promo")
	MustInbox(t, h.Harness, "eve: Mentoring request: go | Ann would like your help on “go”.",
		"ann: Good news: a mentor who fits your request on “go” can take it now, and I've asked them. I'll tell you as soon as they answer.")
	h.Click("eve", "eve", bot.ActionProposalDecline)
	h.Platform.Take()
	h.At(16, 9, 0)
	rep, err := h.Bot.Report(ctx, h.Tenant, h.Clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	if got := rep.Fairness.All; got != (bot.FairGroup{Dim: "all", Asked: 2, Matched: 1}) {
		t.Errorf("got fairness %+v, want ann's two requests, the first matched", got)
	}
	h.Platform.Take()
	h.At(21, 0, 1)
	got := strings.Join(inbox(h.Harness), "\n")
	if !strings.Contains(got, "ann: The program “Promo” has ended before a mentor could be found for your request on “go”: it is withdrawn.") {
		t.Errorf("got messages:\n%s\nwant ann's new request withdrawn at the end", got)
	}
}

// TestProgramCreateSaysReinvited: the reply to a program's creation says
// how many past mentors are re-invited, 0 included, in both languages.
func TestProgramCreateSaysReinvited(t *testing.T) {
	h := MustAdminHarness(t)
	if r := h.Run("alice", `admin program create "Mentorat 2027" start:2026-11-10 end:2026-11-20`); strings.Contains(r.Message.Text, "re-invite") {
		t.Fatalf("got %q, want no line on re-invitations in a new workspace", r.Message.Text)
	}
	h.Run("bob", "offer go")
	h.Run("ann", "request go")
	h.Click("bob", "bob", bot.ActionProposalAccept)
	h.Click("bob", "bob", bot.ActionCharterAccept)
	h.Click("ann", "ann", bot.ActionCharterAccept)
	mustSayMet(t, h.Harness, "ann")
	clickIn(h.Harness, "bob", h.Run("bob", "end"), bot.ActionEndConfirm) // a past mentor once the pair (which met) has ended
	MustContain(t, h.Run("alice", `admin program create "Mentorat 2028" start:2027-01-10 end:2027-06-20`),
		"I am re-inviting 1 mentor of earlier pairs to “Mentorat 2028”, by a personal message each. I will show you the progress in a direct message.")
	h.Run("alice", "lang fr")
	MustContain(t, h.Run("alice", `admin program créer "Mentorat 2029" début:2027-02-10 fin:2027-06-20`),
		"Je réinvite 1 mentor des binômes précédents à rejoindre «\u202fMentorat 2029\u202f», chacun par un message personnel. Je vous montre l'avancement dans un message privé.")
	h.Run("bob", "offer program:mentorat-2029")
	MustContain(t, h.Run("alice", `admin program créer "Mentorat 2030" début:2027-03-10 fin:2027-06-20`),
		"Je réinvite 1 mentor des binômes précédents à rejoindre «\u202fMentorat 2030\u202f»")
}
