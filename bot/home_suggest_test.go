package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestStatusSuggestsTopic: a request on a topic nobody offers shows in
// the member's status with the topic that mentors offer instead (a
// broader one, or a typo's fix), as at its filing, and its button, there
// too, changes the request and proposes it.
func TestStatusSuggestsTopic(t *testing.T) {
	for _, tc := range []struct{ lang, want, button string }{
		{"en", "Nobody offers “go concurrency” yet. 1 mentor offers “go”: ask them instead?", "Change to “go”"},
		{"fr", "Personne ne propose encore «\u202fgo concurrency\u202f». 1 mentor propose «\u202fgo\u202f»\u202f: voulez-vous plutôt lui adresser votre demande\u202f?", "Passer à «\u202fgo\u202f»"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			h := MustHarness(t)
			h.Run("bob", "lang "+tc.lang)
			h.Run("carol", "offer go languages:en,fr")
			h.Run("bob", "request go concurrency")
			r := h.Run("bob", "status")
			MustContain(t, r, tc.want)
			if strings.Count(r.Message.Text, "go concurrency") != 2 {
				t.Errorf("got %q, want the request and the suggestion, the waiting reason not said twice", r.Message.Text)
			}
			r = clickIn(h, "bob", r, tc.button)
			open, err := h.Store.OpenRequest(context.Background(), h.Tenant.Member("bob"))
			if err != nil || open.Topic != "go" || open.State != bot.RequestProposed {
				t.Fatalf("got request %+v (%v) after %q, want it on go, proposed", open, err, r.Message.Text)
			}
		})
	}
}

// TestSuggestionOfWithdrawnRequest: the suggestion's button of a request
// since withdrawn says so, whether the member has another request waiting
// or none, rather than "your request is no longer waiting".
func TestSuggestionOfWithdrawnRequest(t *testing.T) {
	for _, tc := range []struct{ lang, want string }{
		{"en", "This button is about a request you withdrew, so nothing was changed."},
		{"fr", "Ce bouton concerne une demande que vous avez retirée\u202f: rien n'a été modifié."},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			h := MustHarness(t)
			h.Run("dan", "lang "+tc.lang)
			h.Run("bob", "offer go")
			r := h.Run("dan", "request golang concurrency")
			h.Run("dan", "cancel")
			MustContain(t, clickIn(h, "dan", r, bot.ActionRequestTopic), tc.want)
			h.Run("dan", "request go (concurrency)")
			MustContain(t, clickIn(h, "dan", r, bot.ActionRequestTopic), tc.want)
		})
	}
}

// TestSuggestionSaysMentorsFull: a suggested topic whose mentors have all
// their places taken is offered saying so, at filing and in the status,
// rather than as if a mentor could take the request at once.
func TestSuggestionSaysMentorsFull(t *testing.T) {
	for _, tc := range []struct{ lang, want string }{
		{"en", "1 mentor offers “go”: ask them instead? This mentor has no free place right now: your request would wait for one."},
		{"fr", "Ce mentor n'a pas de place libre pour l'instant\u202f: votre demande attendrait qu'une place se libère."},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			h := MustHarness(t)
			h.Run("dan", "lang "+tc.lang)
			h.Run("eve", "lang "+tc.lang)
			h.Run("bob", "offer go capacity:1 languages:en,fr")
			if r := h.Run("dan", "request go concurrency"); strings.Contains(r.Message.Text, "free place") || strings.Contains(r.Message.Text, "place libre") {
				t.Fatalf("got %q with a place free, want no word of it", r.Message.Text)
			}
			h.Run("carl", "request go")
			MustContain(t, h.Run("eve", "request go testing"), tc.want)
			MustContain(t, h.Run("dan", "status"), tc.want)
		})
	}
}

// TestSuggestionOfPausedMentors: a typo of a topic that only paused
// mentors offer is pointed out all the same, saying the request would
// wait for them to resume: silent, the request would miss them once they
// are back. The change then waits, and is proposed on their return.
func TestSuggestionOfPausedMentors(t *testing.T) {
	for _, tc := range []struct{ lang, want string }{
		{"en", "Nobody offers “kubernete”. Did you mean “kubernetes” (1 mentor)? This mentor has paused their offer for now: your request would wait until they resume."},
		{"fr", "Vouliez-vous dire «\u202fkubernetes\u202f» (1 mentor)\u202f? Ce mentor a mis son offre en pause pour l'instant\u202f: votre demande attendrait sa reprise."},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			h := MustHarness(t)
			h.Run("ann", "lang "+tc.lang)
			h.Run("bob", "offer kubernetes languages:en,fr")
			h.Run("bob", "pause")
			r := h.Run("ann", "request kubernete")
			MustContain(t, r, tc.want)
			MustContain(t, h.Run("ann", "status"), tc.want)
			if len(r.Message.Buttons) != 1 {
				t.Fatalf("got buttons %+v, want the change offered", r.Message.Buttons)
			}
			h.Platform.Take()
			b := r.Message.Buttons[0]
			h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("ann"), ActionID: b.ActionID, Value: b.Value})
			MustInbox(t, h) // bob is paused: nobody asked yet
			h.Run("bob", "resume")
			if got := inbox(h); len(got) != 2 || !strings.HasPrefix(got[0], "bob: ") {
				t.Fatalf("got %q, want bob asked on his return, and ann told", got)
			}
		})
	}
	t.Run("TwoPaused", func(t *testing.T) {
		h := MustHarness(t)
		h.Run("bob", "offer kubernetes")
		h.Run("cat", "offer kubernetes")
		h.Run("bob", "pause")
		h.Run("cat", "pause")
		MustContain(t, h.Run("ann", "request kubernete"), "(2 mentors)? These mentors have paused their offer for now: your request would wait until one of them resumes.")
		h.Run("dan", "lang fr")
		MustContain(t, h.Run("dan", "request kubernete languages:en"), "Ces mentors ont mis leur offre en pause pour l'instant\u202f: votre demande attendrait que l'un d'eux reprenne.")
	})
}
