package bot_test

import (
	"context"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
)

// mustKubernetesMentors has four members offer kubernetes, one more offer
// it paused, and one offer go.
func mustKubernetesMentors(h *bottest.Harness) {
	for _, m := range []string{"m1", "m2", "m3", "m4", "m5"} {
		h.Run(m, "offer kubernetes")
	}
	h.Run("m5", "pause")
	h.Run("m6", "offer go")
	h.Platform.Take()
}

// TestRequestTypoSuggestion: a request on a topic nobody offers, one edit
// from an offered one, waits and gets a suggestion with a button; only
// the mentee may use it, and it changes the request, which is then
// proposed. Nothing is merged without the click.
func TestRequestTypoSuggestion(t *testing.T) {
	h := MustHarness(t)
	mustKubernetesMentors(h)
	r := h.Run("ann", "request kubernete")
	MustLines(t, r.Message.Text,
		"Your request on “kubernete” is saved, and waits in the queue for a mentor who offers this topic.",
		"Nobody offers “kubernete”. Did you mean “kubernetes” (4 mentors)?")
	if len(r.Message.Buttons) != 1 || r.Message.Buttons[0].Label != "Change to “kubernetes”" || r.Message.Buttons[0].ActionID != bot.ActionRequestTopic {
		t.Fatalf("got buttons %+v, want one to change the topic", r.Message.Buttons)
	}
	MustInbox(t, h) // nobody was asked
	open, err := h.Store.OpenRequest(context.Background(), h.Tenant.Member("ann"))
	if err != nil || open.Topic != "kubernete" {
		t.Fatalf("got %+v, %v; want the request kept as typed until ann clicks", open, err)
	}
	click := func(by string) bot.Reply {
		b := r.Message.Buttons[0]
		return h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member(by), ActionID: b.ActionID, Value: b.Value})
	}

	t.Run("EFORBIDDEN", func(t *testing.T) {
		if got := click("bob"); got.Message.Text != "This button is meant for someone else, so nothing was changed." || got.Replace {
			t.Fatalf("got %+v, want the click refused", got)
		}
		if got, _ := h.Store.OpenRequest(context.Background(), h.Tenant.Member("ann")); got.Topic != "kubernete" {
			t.Fatalf("got topic %q, want it unchanged", got.Topic)
		}
	})
	t.Run("OK", func(t *testing.T) {
		got := click("ann")
		MustLines(t, got.Message.Text,
			"Your request is now on “kubernetes”.",
			"Got it: I've asked a mentor who fits your request on “kubernetes”. I'll tell you as soon as they answer.")
		if !got.Replace {
			t.Errorf("got Replace false, want the suggestion replaced")
		}
		if inbox := inbox(h); len(inbox) != 1 {
			t.Fatalf("got %q, want one mentor asked", inbox)
		}
	})
	t.Run("ESTALE", func(t *testing.T) {
		if got := click("ann"); got.Message.Text != "Your request is already on “kubernetes”: nothing more to change." {
			t.Fatalf("got %q", got.Message.Text)
		}
	})
}

// TestRequestTypoSuggestionFrench: the same in French, with French
// typography; one mentor is written in the singular.
func TestRequestTypoSuggestionFrench(t *testing.T) {
	h := MustHarness(t)
	h.Run("m1", "offer Développement web languages:fr,en")
	h.Run("ann", "lang fr")
	h.Platform.Take()
	r := h.Run("ann", "request developement web")
	MustLines(t, r.Message.Text,
		"Personne ne propose «\u202fdevelopement web\u202f». Vouliez-vous dire «\u202fDéveloppement web\u202f» (1 mentor)\u202f?")
	if len(r.Message.Buttons) != 1 || r.Message.Buttons[0].Label != "Passer à «\u202fDéveloppement web\u202f»" {
		t.Fatalf("got buttons %+v", r.Message.Buttons)
	}
	got := h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("ann"), ActionID: r.Message.Buttons[0].ActionID, Value: r.Message.Buttons[0].Value})
	MustLines(t, got.Message.Text, "Votre demande porte désormais sur «\u202fDéveloppement web\u202f».")
	MustInbox(t, h, "m1: Mentoring request: Développement web | Ann would like your help on “Développement web”.")
}

// TestRequestNoSuggestion: no suggestion when somebody offers the topic
// (all busy), when nothing is close, or for a word of two letters.
func TestRequestNoSuggestion(t *testing.T) {
	for _, tc := range []struct{ name, offer, request string }{
		{"OfferedButPaused", "kubernetes", "kubernetes"},
		{"TooFar", "kubernetes", "kbrnts"},
		{"TwoLetters", "go", "gp"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := MustHarness(t)
			h.Run("m1", "offer "+tc.offer)
			h.Run("m1", "pause")
			r := h.Run("ann", "request "+tc.request)
			if len(r.Message.Buttons) != 0 {
				t.Fatalf("got buttons %+v, want no suggestion", r.Message.Buttons)
			}
			MustLines(t, r.Message.Text, bot.T(bot.English, "request.waiting", "topic", tc.request))
		})
	}
}

// TestRequestSuggestionAcrossLanguages: a topic close to the request whose
// only mentor shares no language with the request is suggested all the
// same, saying which language that mentor speaks (the corrected request
// is then asked to widen its languages); one who shares it is counted as
// usual.
func TestRequestSuggestionAcrossLanguages(t *testing.T) {
	h := MustHarness(t)
	h.Run("m1", "offer kubernetes languages:fr")
	r := h.Run("ann", "request kubernete language:en")
	MustContain(t, r, "Did you mean “kubernetes”? 1 French-speaking mentor offers it.")
	if len(r.Message.Buttons) != 1 {
		t.Fatalf("got buttons %+v, want the suggestion's", r.Message.Buttons)
	}
	r = h.Run("bob", "request kubernete language:fr")
	MustContain(t, r, "Did you mean “kubernetes” (1 mentor)?")
}
