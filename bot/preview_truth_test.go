package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestKickoffReleasedByGraceSaysSo: a kick-off round nobody answered by
// the end of the program's first day goes to the usual matching; a click
// on its Send afterwards says the bot released it, not that "the requests
// or offers changed".
func TestKickoffReleasedByGraceSaysSo(t *testing.T) {
	h := mustProgramHarness(t)
	ctx := context.Background()
	h.Run("bob", "offer go program:mentorat-2027")
	h.Run("ann", "request go program:mentorat-2027")
	h.At(10, 0, 1)
	post := mustPost(t, h)
	if len(post.Buttons) != 2 {
		t.Fatalf("got kick-off %+v, want its two buttons", post)
	}
	h.At(11, 1, 0) // the grace is over: the sweep proposes Ann to Bob
	MustInbox(t, h.Harness, "bob: Mentoring request: go | Ann would like your help on “go”.",
		"ann: Good news: a mentor who fits your request on “go” can take it now, and I've asked them. I'll tell you as soon as they answer.")
	send := post.Buttons[0]
	got := h.Bot.HandleAction(ctx, bot.Action{Member: h.Tenant.Member("alice"), ActionID: send.ActionID, Value: send.Value}).Message.Text
	if !strings.HasPrefix(got, "Nobody sent or cancelled the kick-off round by the end of the program's first day, so I released its requests to the usual matching") {
		t.Fatalf("got %q, want the release told as it happened", got)
	}
}

// TestRoundPreviewMetBeforeThirdPerson: a manager's preview says that
// the two of a pair have met, not "you have met", which would speak to
// the manager.
func TestRoundPreviewMetBeforeThirdPerson(t *testing.T) {
	for _, tc := range []struct{ lang, want, not string }{
		{"en", "they have met before: no other mentor could take it", "you have met"},
		{"fr", "binôme déjà formé auparavant\u202f: aucun autre mentor ne pouvait la prendre", "vous avez déjà formé"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			h := mustProgramHarness(t)
			if err := h.Store.RememberPair(context.Background(), h.Tenant, "carol", "bob", bot.VerdictMet); err != nil {
				t.Fatal(err)
			}
			h.Run("bob", "offer go capacity:1 program:mentorat-2027")
			h.Run("carol", "request go program:mentorat-2027") // held for the kick-off
			h.Run("alice", "lang "+tc.lang)
			got := h.Run("alice", "admin match program:mentorat-2027").Message.Text
			if !strings.Contains(got, tc.want) || strings.Contains(got, tc.not) {
				t.Fatalf("got %q, want %q and no %q, which would speak to the manager", got, tc.want, tc.not)
			}
		})
	}
}

// TestRequestLanguageBesideLanguages: language: (this request's) given
// with languages: (what the member speaks) is kept, not dropped: the
// request asks for English, and the French-speaking mentor is not
// proposed as if it had not.
func TestRequestLanguageBesideLanguages(t *testing.T) {
	h := MustHarness(t)
	h.Run("bob", "offer go languages:fr capacity:1")
	h.Platform.Take()
	h.Run("carol", "request go language:en languages:fr")
	if got := h.Platform.To("bob"); len(got) != 0 {
		t.Fatalf("got %+v, want no proposal to Bob: the request asks for English", got)
	}
	r, err := h.Store.OpenRequest(context.Background(), h.Tenant.Member("carol"))
	if err != nil || len(r.Languages) != 1 || r.Languages[0] != bot.English {
		t.Fatalf("got request languages %v (%v), want English only", r.Languages, err)
	}
	if me, _ := h.Store.GetMember(context.Background(), h.Tenant.Member("carol")); len(me.Languages) != 1 || me.Languages[0] != bot.French {
		t.Fatalf("got spoken languages %v, want French", me.Languages)
	}
}

// TestPeerAsFrenchTypeIt: « pair » and « par les pairs », as a French
// speaker names peer mentoring, are read as it, not refused.
func TestPeerAsFrenchTypeIt(t *testing.T) {
	h := MustHarness(t)
	h.Run("carol", "lang fr")
	for i, typed := range []string{"demande go type:pair", "demande go type:\"par les pairs\""} {
		who := []string{"carol", "dan"}[i]
		h.Run(who, "lang fr")
		if r := h.Run(who, typed); strings.Contains(r.Message.Text, "n'est pas une valeur possible") {
			t.Fatalf("%s: got %q, want peer mentoring", typed, r.Message.Text)
		}
		if r, err := h.Store.OpenRequest(context.Background(), h.Tenant.Member(who)); err != nil || r.Kind != "peer" {
			t.Fatalf("%s: got kind %q (%v), want peer", typed, r.Kind, err)
		}
	}
}

// TestStatusRequestLanguageNotYours: a request that asks for English,
// from a French speaker whose only mentor speaks French, waits because
// of the language the request asks for, and the status says so, not
// that the mentor does not speak the member's language.
func TestStatusRequestLanguageNotYours(t *testing.T) {
	h := MustHarness(t)
	h.Run("bob", "offer go languages:fr")
	h.Run("carol", "lang fr")
	h.Run("carol", "demande go langue:en")
	got := h.Run("carol", "statut").Message.Text
	if !strings.Contains(got, "Le mentor de «\u202fgo\u202f» ne parle pas la langue voulue pour cette demande.") || strings.Contains(got, "pas votre langue") {
		t.Fatalf("got %q, want the request's language named as the reason", got)
	}
}
