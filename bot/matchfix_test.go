package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// TestOfferSpellingsOfOneTopicOnce: an offer that names one topic in two
// spellings (".NET" and "dotnet", "Node.js" and "nodejs") keeps it once,
// as first typed, as add: already did; in English and French.
func TestOfferSpellingsOfOneTopicOnce(t *testing.T) {
	h := MustHarness(t)
	h.Run("fay", "lang fr")
	MustContain(t, h.Run("carol", "offer dotnet, .NET, Node.js, nodejs"), "You are now a mentor for: dotnet and Node.js.")
	MustContain(t, h.Run("carol", "offer add:DotNet, node"), "Your offer is updated: dotnet and Node.js.")
	MustContain(t, h.Run("fay", "propose Réseaux, reseau, APIs, api"), "Vous êtes maintenant mentor pour\u202f: Réseaux et APIs.")
}

// TestEndAfterMeetingFinishes: a member who ends a pair that met can say
// it is finished. The pair is completed (not cancelled), both get the
// survey at once, the other member is told who closed it, and the two
// are not barred from meeting again: with no other mentor for the topic,
// the mentee's next request goes to the same mentor. "It's not working
// out" stays: it bars them. In English and French.
func TestEndAfterMeetingFinishes(t *testing.T) {
	for _, tc := range []struct {
		lang                                 bot.Lang
		done, notWorking, told, closed, over string
	}{
		{bot.English, "We've finished", "It's not working out",
			"Done: your pair with Bob on “go” is closed. Thank you! I've sent you both a short survey on how it went.",
			"Claire closed your pair on “go”, as you have finished. Thank you! A short survey on how it went follows.",
			"This pair has already ended, so nothing was changed."},
		{bot.French, "Nous avons terminé", "Ça ne se passe pas bien",
			"C'est fait\u202f: votre binôme avec Bob sur «\u202fgo\u202f» est clôturé. Merci\u202f! Je vous ai envoyé un court questionnaire sur son déroulement, à vous et à Bob.",
			"Claire a clôturé votre binôme sur «\u202fgo\u202f», car vous avez terminé. Merci\u202f! Un court questionnaire sur son déroulement suit.",
			"Ce binôme est déjà terminé\u202f: rien n'a été modifié."},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := flashAtCheckin(t, tc.lang)
			h.Click("claire", "claire", bot.ActionCheckinYes)
			h.Platform.Take()
			ask := h.Run("claire", "end")
			var labels []string
			for _, b := range ask.Message.Buttons {
				labels = append(labels, b.Label)
			}
			if len(labels) != 3 || labels[0] != tc.done || labels[1] != tc.notWorking {
				t.Fatalf("got buttons %q, want %q, %q and keep", labels, tc.done, tc.notWorking)
			}
			r := h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("claire"), ActionID: ask.Message.Buttons[0].ActionID, Value: ask.Message.Buttons[0].Value})
			MustContain(t, r, tc.told)
			pair := mustOnlyPair(t, h, "bob")
			if pair.State != bot.PairCompleted {
				t.Fatalf("got pair %s, want completed", pair.State)
			}
			var toBob []string
			surveys := map[string]int{}
			for _, s := range h.Platform.Take() {
				if s.To[0].User == "bob" {
					toBob = append(toBob, s.Message.Text)
				}
				for _, b := range s.Message.Buttons {
					if b.ActionID == bot.ActionSurveyAnswer {
						surveys[s.To[0].User]++
						break
					}
				}
			}
			if len(toBob) == 0 || toBob[0] != tc.closed {
				t.Errorf("got to Bob %q, want first %q", toBob, tc.closed)
			}
			if surveys["bob"] != 1 || surveys["claire"] != 1 {
				t.Errorf("got surveys %v, want one to each", surveys)
			}
			// A second click: the pair is over.
			r = h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("claire"), ActionID: ask.Message.Buttons[0].ActionID, Value: ask.Message.Buttons[0].Value})
			MustContain(t, r, tc.over)
			// Not barred: Bob, the only mentor of go, is proposed again.
			h.Run("claire", "request go kind:flash")
			proposed := false
			for _, s := range h.Platform.Take() {
				for _, b := range s.Message.Buttons {
					proposed = proposed || (s.To[0].User == "bob" && b.ActionID == bot.ActionProposalAccept)
				}
			}
			if !proposed {
				t.Errorf("got no proposal to Bob, want Claire's new request proposed to him")
			}
		})
	}
}

// TestEscalationWaitsForAProposal: a request proposed to a mentor in the
// tick its escalation falls due (a flash session's end freed the slot) is
// not reported to the managers as waiting, with a reason that is no
// longer true. If the proposal expires, the request waits again and is
// reported then, once.
func TestEscalationWaitsForAProposal(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("alice", "admin digest-channel #managers")
	mustOfficial(h.Harness, "bob", "offer python capacity:1 kinds:flash", "dan", "request python kind:flash")
	mustSayMet(t, h.Harness, "dan") // their session's survey, at day 7, frees the slot
	h.Clock.Advance(time.Minute)    // as in a shell: Gus asks just after the introduction
	MustContain(t, h.Run("gus", "request python kind:flash"), "no free slot")
	h.Posting.Posts()
	escalations := func() int {
		n := 0
		for _, p := range h.Posting.Posts() {
			if p.Message.Title == "A request is waiting for a mentor" && strings.HasPrefix(p.Message.Text, "Gus's") {
				n++
			}
		}
		return n
	}
	MustTick(t, h.Harness, 7*day+time.Hour)
	var proposed bool
	for _, s := range h.Platform.Take() {
		proposed = proposed || (s.To[0].User == "gus" && strings.Contains(s.Message.Text, "I've asked them"))
	}
	if !proposed {
		t.Fatal("got Gus's request not proposed in the tick, want the freed slot to serve it (the scenario)")
	}
	if n := escalations(); n != 0 {
		t.Fatalf("got %d escalations of Gus's request while it is proposed to Bob, want none", n)
	}
	MustTick(t, h.Harness, 3*day) // Bob never answers: the proposal expires
	if n := escalations(); n != 1 {
		t.Fatalf("got %d escalations once the proposal expired, want 1", n)
	}
	MustTick(t, h.Harness, 3*day)
	if n := escalations(); n != 0 {
		t.Fatalf("got %d more escalations, want none", n)
	}
}

// TestRequestOfSeveralTopics: a request names one topic. "go, rust" was
// taken as one topic that no mentor can offer (offers split at commas),
// and waited for nothing; it is refused, saying how to ask, in the
// member's language.
func TestRequestOfSeveralTopics(t *testing.T) {
	h := MustHarness(t)
	h.Run("fay", "lang fr")
	h.Run("ida", "offer go")
	MustContain(t, h.Run("qui", "request go, rust"), "A request is on one topic, and you gave 2: “go” and “rust”. Ask first for the one you need most, for example `/mentor request go`; you can ask for the next once a mentor is found for this one.")
	MustContain(t, h.Run("fay", "demande réseaux; sécurité"), "Une demande porte sur un seul sujet, et vous en avez donné 2\u202f: «\u202fréseaux\u202f» et «\u202fsécurité\u202f». Demandez d'abord celui qui vous importe le plus, par exemple `/mentor demande réseaux`\u202f;")
	MustContain(t, h.Run("qui", "request dotnet, .NET"), "“dotnet”")
	MustContain(t, h.Run("qui", "cancel"), "dotnet")
	MustContain(t, h.Run("qui", "request rust,"), "Your request on “rust” is saved")
	MustContain(t, h.Run("qui", "cancel"), "rust")
	MustContain(t, h.Run("qui", "status"), "No open request")
	MustContain(t, h.Run("qui", "request go"), "I've asked a mentor")
}

// TestReinviteKeepsAPausedOfferInItsProgram: a mentor whose offer was
// paused at their program's end ("so that no request surprises you")
// says "Yes, same topics" to the next program: the offer joins that
// program, and only it. It took the default program back too, and a
// request outside programs went to the mentor, who never resumed.
func TestReinviteKeepsAPausedOfferInItsProgram(t *testing.T) {
	h := mustProgramHarness(t)
	h.Run("carol", "offer design program:mentorat-2027")
	h.Run("dan", "request design kind:one-to-one program:mentorat-2027")
	h.At(10, 0, 1)
	MustContain(t, mustSendKickoff(t, h), "Sent 1 proposal")
	h.At(10, 9, 0)
	h.Click("carol", "carol", bot.ActionProposalAccept)
	h.Click("carol", "carol", bot.ActionCharterAccept)
	h.Click("dan", "dan", bot.ActionCharterAccept)
	mustSayMet(t, h.Harness, "dan") // a pair that met: Carol is a past mentor
	h.At(21, 0, 1)                  // the program's end pauses Carol's offer
	MustContain(t, h.Run("carol", "status"), "paused")
	h.Platform.Take()
	h.Run("alice", `admin program create "Printemps 2027" start:2027-03-01 end:2027-06-30`)
	MustTick(t, h.Harness, time.Minute)
	var yes *bot.Button
	for _, s := range h.Platform.Take() {
		if s.To[0].User == "carol" && strings.HasPrefix(s.Message.Title, "Mentor again in Printemps 2027") {
			yes = &s.Message.Buttons[0]
		}
	}
	if yes == nil {
		t.Fatal("got no re-invitation to Carol")
	}
	r := h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("carol"), ActionID: yes.ActionID, Value: yes.Value})
	if f := r.Message.Fields; len(f) == 0 || f[len(f)-1].Value != "Printemps 2027" {
		t.Errorf("got %+v, want Carol's offer in Printemps 2027 alone", r.Message)
	}
	if r := h.Run("gus", "request design"); strings.Contains(r.Message.Text, "I've asked a mentor") {
		t.Errorf("got %q, want a request outside programs kept from Carol, who said yes to Printemps 2027 only", r.Message.Text)
	}
}

// TestHeldRequestSuggestsTheTopic: a request held for its program's
// kick-off, on a topic nobody in the program offers as typed, gets the
// "Did you mean" and its button when it is filed, not after the round
// gave the mentor away. The button corrects the request and leaves it
// held for the round: nothing is proposed before the kick-off.
func TestHeldRequestSuggestsTheTopic(t *testing.T) {
	h := mustProgramHarness(t)
	h.Run("fay", "lang fr")
	h.Run("bob", "offer kubernetes program:mentorat-2027")
	h.Platform.Take()
	r := h.Run("eve", "request kubernete kind:one-to-one program:mentorat-2027")
	MustContain(t, r, "Mentors are proposed from the program's kick-off")
	MustContain(t, r, "Nobody offers “kubernete”. Did you mean “kubernetes” (1 mentor)?")
	if len(r.Message.Buttons) != 1 {
		t.Fatalf("got buttons %+v, want the one that changes the request", r.Message.Buttons)
	}
	MustContain(t, h.Run("fay", "demande kubernete type:individuel programme:mentorat-2027"), "Vouliez-vous dire «\u202fkubernetes\u202f»")
	if r := h.Run("gus", "request kubernetes kind:one-to-one program:mentorat-2027"); len(r.Message.Buttons) != 0 || strings.Contains(r.Message.Text, "Did you mean") {
		t.Errorf("got %+v, want no suggestion for a topic offered as typed", r.Message)
	}
	b := r.Message.Buttons[0]
	c := h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("eve"), ActionID: b.ActionID, Value: b.Value})
	MustContain(t, c, "“kubernetes”")
	MustContain(t, c, "kick-off")
	// A double click: the change is made already, and said so.
	again := h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("eve"), ActionID: b.ActionID, Value: b.Value})
	MustContain(t, again, "already")
	for _, s := range h.Platform.Take() {
		if s.To[0].User == "bob" {
			t.Errorf("got %q sent to Bob, want nothing proposed before the kick-off", s.Message.Text)
		}
	}
}

// TestEscalationAfterAPauseEndsInTheSameTick: a tick that catches up runs
// a mentor's pause end and a request's escalation together, and matches
// the resumed offers only after its jobs. The escalation proposes the
// request first, so the managers are not told it waits because the
// mentor's offer "is paused for now"; it is proposed to the mentor.
func TestEscalationAfterAPauseEndsInTheSameTick(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("alice", "admin digest-channel #managers")
	h.Run("bob", "offer rust")
	MustContain(t, h.Run("bob", "pause for:5d"), "paused")
	MustContain(t, h.Run("dan", "request rust"), "paused")
	h.Posting.Posts()
	MustTick(t, h.Harness, 8*day)
	for _, p := range h.Posting.Posts() {
		if p.Message.Title == "A request is waiting for a mentor" {
			t.Errorf("got %q posted, want no alert for a request proposed in the same tick", p.Message.Text)
		}
	}
	MustContain(t, h.Run("dan", "status"), "proposed to a mentor")
}

// TestAdminNamesOnlyMembers: a manager's word that names nobody in the
// workspace (the directory does not know it) is refused, in pair and in
// managers add, in the manager's language. It paired a mentee with
// nobody ("Good news: … found you a mentor, zqxmarker") and made nobody
// a manager.
func TestAdminNamesOnlyMembers(t *testing.T) {
	h := MustAdminHarness(t)
	h.Platform.Gone["zqxmarker"] = true
	h.Run("ann", "request go")
	MustContain(t, h.Run("alice", "admin pair mentor:zqxmarker mentee:ann topic:go"), "I can't find “zqxmarker” in this workspace")
	MustContain(t, h.Run("alice", "admin pair mentor:bob mentee:zqxmarker topic:go"), "I can't find “zqxmarker” in this workspace")
	MustContain(t, h.Run("alice", "admin managers add zqxmarker"), "I can't find “zqxmarker” in this workspace")
	if r := h.Run("alice", "admin managers list"); strings.Contains(r.Message.Text, "zqxmarker") || strings.Contains(r.Message.Text, "Zqxmarker") {
		t.Errorf("got %q, want nobody added", r.Message.Text)
	}
	MustContain(t, h.Run("ann", "status"), "waiting for a mentor")
	h.Run("alice", "lang fr")
	MustContain(t, h.Run("alice", "admin binôme mentor:zqxmarker mentoré:ann sujet:go"), "Je ne trouve pas «\u202fzqxmarker\u202f» dans cet espace de travail")
	// A member the directory knows is paired as before.
	MustContain(t, h.Run("alice", "admin pair mentor:bob mentee:ann topic:go"), "Bob")
}

// TestInvisibleCommandIsHelp: a command of only invisible characters (a
// zero-width space) is an empty command, which shows the help, as the
// docs say; it was "I don't know the command “\u200b”".
func TestInvisibleCommandIsHelp(t *testing.T) {
	h := MustHarness(t)
	for _, text := range []string{"\u200b", " \u200b\u2060 "} {
		if r := h.Run("bob", text); r.Message.Title != "mentorbot: how to use /mentor" {
			t.Errorf("%q: got %q %q, want the help", text, r.Message.Title, r.Message.Text)
		}
	}
}
