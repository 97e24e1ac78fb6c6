package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestRequestBroaderSuggestion: a request on a topic nobody offers, whose
// mentors offer a broader topic (its words all among the request's),
// waits and is told of it, with a button that changes the request; the
// matcher never proposes them on its own ("networks" is no mentor for
// "social networks"), and nothing changes without the click.
func TestRequestBroaderSuggestion(t *testing.T) {
	h := MustHarness(t)
	mustKubernetesMentors(h) // four of them free, one paused
	r := h.Run("ann", "request kubernetes operators")
	MustLines(t, r.Message.Text,
		"Your request on “kubernetes operators” is saved, and waits in the queue for a mentor who offers this topic.",
		"Nobody offers “kubernetes operators” yet. 4 mentors offer “kubernetes”: ask them instead?")
	if len(r.Message.Buttons) != 1 || r.Message.Buttons[0].Label != "Change to “kubernetes”" || r.Message.Buttons[0].ActionID != bot.ActionRequestTopic {
		t.Fatalf("got buttons %+v, want one to change the topic", r.Message.Buttons)
	}
	MustInbox(t, h) // nobody was asked
	if open, err := h.Store.OpenRequest(context.Background(), h.Tenant.Member("ann")); err != nil || open.Topic != "kubernetes operators" {
		t.Fatalf("got %+v, %v; want the request kept as typed until ann clicks", open, err)
	}
	b := r.Message.Buttons[0]
	got := h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("ann"), ActionID: b.ActionID, Value: b.Value})
	MustLines(t, got.Message.Text,
		"Your request is now on “kubernetes”.",
		"Got it: I've asked a mentor who fits your request on “kubernetes”. I'll tell you as soon as they answer.")
	if inbox := inbox(h); len(inbox) != 1 {
		t.Fatalf("got %q, want one mentor asked", inbox)
	}
}

// TestRequestBroaderSuggestionFrench: the same in French, with French
// typography; one mentor is written in the singular, and the mentors of
// « réseaux » are offered for « réseaux sociaux » only this way.
func TestRequestBroaderSuggestionFrench(t *testing.T) {
	h := MustHarness(t)
	h.Run("m1", "offer réseaux languages:fr,en")
	h.Run("ann", "lang fr")
	h.Platform.Take()
	r := h.Run("ann", "request réseaux sociaux")
	MustLines(t, r.Message.Text,
		"Personne ne propose encore «\u202fréseaux sociaux\u202f». 1 mentor propose «\u202fréseaux\u202f»\u202f: voulez-vous plutôt lui adresser votre demande\u202f?")
	if len(r.Message.Buttons) != 1 || r.Message.Buttons[0].Label != "Passer à «\u202fréseaux\u202f»" {
		t.Fatalf("got buttons %+v", r.Message.Buttons)
	}
	MustInbox(t, h)
	h.Run("m2", "offer réseaux")
	h.Platform.Take()
	r = h.Run("bob", "request réseaux sociaux")
	MustLines(t, r.Message.Text,
		"Nobody offers “réseaux sociaux” yet. 2 mentors offer “réseaux”: ask them instead?")
	h.Run("carl", "lang fr")
	r = h.Run("carl", "request big data")
	MustLines(t, r.Message.Text, "Personne ne propose encore «\u202fbig data\u202f».")
}

// TestRequestBroaderSuggestionRules: the typo suggestion comes first; only
// the mentors who could take the request are counted (its program, its
// kind), and none is no suggestion; mentors who share none of the
// request's languages are said with theirs, as the typo suggestion does.
func TestRequestBroaderSuggestionRules(t *testing.T) {
	t.Run("TypoFirst", func(t *testing.T) {
		h := MustHarness(t)
		h.Run("m1", "offer kubernetes")
		h.Run("m2", "offer kubernetes operator")
		r := h.Run("ann", "request kubernetes opertor")
		MustContain(t, r, "Nobody offers “kubernetes opertor”. Did you mean “kubernetes operator” (1 mentor)?")
		if strings.Contains(r.Message.Text, "instead") {
			t.Fatalf("got %q, want the typo suggestion alone", r.Message.Text)
		}
	})
	t.Run("OnlyThoseWhoCouldTakeIt", func(t *testing.T) {
		h := MustHarness(t)
		h.Run("m1", "offer kubernetes kinds:peer")
		h.Run("m2", "offer kubernetes kinds:flash,one-to-one")
		r := h.Run("ann", "request kubernetes operators kind:flash")
		MustContain(t, r, "Nobody offers “kubernetes operators” yet. 1 mentor offers “kubernetes”: ask them instead?")
		r = h.Run("bob", "request kubernetes operators kind:peer")
		MustContain(t, r, "Nobody offers “kubernetes operators” yet. 1 mentor offers “kubernetes”: ask them instead?")
		r = h.Run("carl", "request kubernetes operators kind:reverse")
		if len(r.Message.Buttons) != 0 || strings.Contains(r.Message.Text, "instead") {
			t.Fatalf("got %q with buttons %+v, want no suggestion", r.Message.Text, r.Message.Buttons)
		}
	})
	t.Run("OtherLanguages", func(t *testing.T) {
		h := MustHarness(t)
		h.Run("m1", "offer data languages:fr")
		r := h.Run("ann", "request big data language:en")
		MustContain(t, r, "Nobody offers “big data” yet. 1 French-speaking mentor offers “data”: ask them instead?")
		if len(r.Message.Buttons) != 1 {
			t.Fatalf("got buttons %+v, want the suggestion's", r.Message.Buttons)
		}
	})
}

// TestRoundPreviewBroaderTopic: the managers' round preview, saying that
// nobody offers a request's topic, says which broader topic its mentors
// offer.
func TestRoundPreviewBroaderTopic(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("m1", "offer go")
	h.Run("m2", "offer networks")
	h.Run("m3", "offer networks")
	h.Run("dan", "request social networks")
	h.Run("erin", "request rust")
	MustContain(t, h.Run("alice", "admin match"),
		"Dan, “social networks”, less than a day: Nobody offers “social networks” yet; 2 mentors offer “networks”, a broader topic.")
	h.Run("alice", "lang fr")
	MustContain(t, h.Run("alice", "admin match"),
		"Dan, «\u202fsocial networks\u202f», moins d'un jour\u202f: personne ne propose encore «\u202fsocial networks\u202f»\u202f; 2 mentors proposent «\u202fnetworks\u202f», un sujet plus large.")
}

// TestKickoffBroaderTopic: a held request whose topic nobody offers is
// told at its program's kick-off of the broader topic the program's
// mentors offer, with the button, as the reply to a request does.
func TestKickoffBroaderTopic(t *testing.T) {
	h := mustProgramHarness(t) // starts on 10 November; today is 2 November
	h.Run("bob", "offer kubernetes program:mentorat-2027")
	h.Run("dan", "request kubernetes operators program:mentorat-2027")
	h.Platform.Take()
	h.At(11, 1, 0) // released by kickoffGrace
	var got []bot.Message
	for _, s := range h.Platform.Take() {
		for _, m := range s.To {
			if m.User == "dan" {
				got = append(got, s.Message)
			}
		}
	}
	if len(got) != 1 {
		t.Fatalf("got %d messages to dan, want one", len(got))
	}
	MustLines(t, got[0].Text,
		"“Mentorat 2027” has started, but no mentor can take your request on “kubernetes operators” yet.",
		"Nobody offers “kubernetes operators” yet. 1 mentor offers “kubernetes”: ask them instead?",
		"It keeps its place in the queue: I'll propose it as soon as a mentor can take it.")
	if b := got[0].Buttons; len(b) != 1 || b[0].Label != "Change to “kubernetes”" {
		t.Fatalf("got buttons %+v, want the one that changes the topic", b)
	}
}
