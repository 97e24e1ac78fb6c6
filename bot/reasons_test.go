package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// TestWaitingReasonsTrue: each reason a waiting member is given is the
// true one, in English and French.
func TestWaitingReasonsTrue(t *testing.T) {
	tests := []struct {
		name    string
		setup   []string // "user: command"
		request string   // run by ann
		en, fr  string
	}{
		{"OnlyMentorIsTheMentee", []string{"ann: offer go"}, "request go",
			"Nobody but you offers “go” yet.",
			"Personne d'autre que vous ne propose encore «\u202fgo\u202f»."},
		{"NobodyOffersTheTopicTheMenteeOffersOthers", []string{"ann: offer go", "mia: offer python"}, "request kubernetes",
			"Nobody offers “kubernetes” yet.",
			"Personne ne propose encore «\u202fkubernetes\u202f»."},
		{"NoLessSeniorMentorForReverse", []string{"mia: offer go years:20 languages:en,fr"}, "request go kind:reverse years:5",
			"No mentor for “go” is less senior than you, as reverse mentoring needs.",
			"Aucun mentor de «\u202fgo\u202f» n'a moins d'expérience que vous, comme le demande le mentorat inversé."},
		{"TheOnlyMentorPaused", []string{"mia: offer go languages:en,fr", "mia: pause"}, "request go",
			"1 mentor offers “go”, but their offer is paused for now.",
			"1 mentor propose «\u202fgo\u202f», mais son offre est en pause pour le moment."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for lang, want := range map[bot.Lang]string{bot.English: tt.en, bot.French: tt.fr} {
				h := MustHarness(t)
				h.Run("ann", "lang "+string(lang))
				for _, s := range tt.setup {
					user, cmd := splitSetup(s)
					h.Run(user, cmd)
				}
				MustContain(t, h.Run("ann", tt.request), want)
			}
		})
	}
}

func splitSetup(s string) (user, cmd string) {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == ':' && s[i+1] == ' ' {
			return s[:i], s[i+2:]
		}
	}
	return "", s
}

// TestDigestAgreesAfterManagerPairTimesOut: a manager pairs a waiting
// request on a topic nobody offers with a mentor of another topic; the
// charter times out. The digest's waiting list and its topics then say
// the same, true, thing: nobody offers the topic.
func TestDigestAgreesAfterManagerPairTimesOut(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("mia", "offer go")
	h.Run("dan", "request rust")
	MustContain(t, h.Run("alice", "admin pair @mia @dan rust confirm:yes"), "Done")
	h.At(9, 9, 0) // a week later: the charter timed out long ago
	if w, _ := h.Store.Waiting(context.Background(), h.Tenant); len(w) != 1 {
		t.Fatalf("got %d waiting, want dan's request back in the queue", len(w))
	}
	msg, _, err := h.Bot.Digest(context.Background(), h.Tenant, h.Clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	MustLines(t, msg.Text,
		"Requested, but nobody offers them: rust (1 in the week, 1 waiting now)",
		"• Dan, “rust”, 7 days: Nobody offers “rust” yet.")
}

// TestManagersReadTrueReasons: a manager's round preview gives the same
// true reasons: a mentee who offers other topics does not hide that
// nobody offers theirs, and a mentee who is their topic's only mentor is
// told apart from mentors who were not available.
func TestManagersReadTrueReasons(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("ann", "offer go")
	h.Run("ann", "request kubernetes")
	h.Run("bob", "offer rust")
	h.Run("bob", "request rust")
	r := h.Run("alice", "admin match")
	MustContain(t, r, "• Ann, “kubernetes”, less than a day: Nobody offers “kubernetes” yet.")
	MustContain(t, r, "• Bob, “rust”, less than a day: Nobody but them offers “rust” yet.")
}

// TestNoTimeZoneNoClaimAnywhere: between members who gave no time zone,
// no path claims "same time zone": a manager's round preview, the
// proposals of the round and of the sweep, the proposal an offer makes
// to a waiting request, and the introduction. In English and French.
func TestNoTimeZoneNoClaimAnywhere(t *testing.T) {
	h := mustRoundPool(t)
	preview := h.Run("alice", "admin match")
	MustContain(t, preview, "Mia") // the round proposes a go request to mia
	h.Run("alice", "lang fr")
	previewFR := h.Run("alice", "admin match")
	for _, s := range []string{preview.Message.Text, previewFR.Message.Text} {
		mustNoTZClaim(t, "preview", s)
	}
	h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("alice"), ActionID: previewFR.Message.Buttons[0].ActionID, Value: previewFR.Message.Buttons[0].Value})
	h.Run("zed", "offer rust") // proposes dan's waiting request
	h.Run("bob", "request python kind:one-to-one")
	h.Run("max", "offer python, go capacity:3")
	if err := h.Bot.Sweep(context.Background()); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, mentor := range []string{"mia", "max", "zed"} {
		for _, m := range h.Platform.To(mentor) {
			if why := whyField(m); why != "" {
				n++
				mustNoTZClaim(t, "proposal to "+mentor, why)
			}
		}
	}
	if n < 3 {
		t.Fatalf("got %d proposals, want the round's, the offer's and the sweep's", n)
	}
	h.Click("mia", "mia", bot.ActionProposalAccept)
	h.Click("mia", "mia", bot.ActionCharterAccept)
	pairs, _ := h.Store.PairsOf(context.Background(), h.Tenant.Member("mia"))
	if len(pairs) != 1 {
		t.Fatalf("got %d pairs, want mia's", len(pairs))
	}
	mentee := pairs[0].Mentee.User
	h.Run(mentee, "lang fr") // the introduction in both languages
	h.Click(mentee, mentee, bot.ActionCharterAccept)
	intro := h.Platform.To(mentee)
	last := intro[len(intro)-1]
	if last.Title == "" || !strings.Contains(last.Title, "go") {
		t.Fatalf("got %+v, want the introduction", last)
	}
	mustNoTZClaim(t, "introduction", whyField(last)+last.Text)
	for _, f := range last.Fields {
		if meetingField(f) {
			continue // the meeting times ask for the zone they lack: no claim
		}
		mustNoTZClaim(t, "introduction", f.Value)
	}
}

func mustNoTZClaim(tb testing.TB, where, s string) {
	tb.Helper()
	for _, claim := range []string{"time zone", "fuseau", " hour apart", " hours apart", " minutes apart", " h de décalage", " min de décalage"} {
		if strings.Contains(s, claim) {
			tb.Fatalf("%s: got %q, want no claim about time zones", where, s)
		}
	}
}

// TestMenteeDeclinesCharter: a mentee who declines the charter reads that
// the pair is cancelled and the request waits again; no second message
// tells them the mentors were unavailable, and the mentor is told kindly.
func TestMenteeDeclinesCharter(t *testing.T) {
	h := MustHarness(t)
	h.Run("mia", "offer go")
	h.Run("ann", "request go")
	h.Click("mia", "mia", bot.ActionProposalAccept)
	inbox(h)
	MustContain(t, h.Click("ann", "ann", bot.ActionCharterDecline), "You declined the charter, so your pair with Mia on “go” is cancelled. Your request is back in the queue")
	MustInbox(t, h, "mia: Ann did not accept the charter, so your pair on “go” is cancelled. Thank you for offering your time.")
}

// TestDeclinedThenAccept: a mentor who declined and then clicks Accept is
// told they declined already, not that the request went to another mentor
// (there is none here).
func TestDeclinedThenAccept(t *testing.T) {
	h := MustHarness(t)
	h.Run("mia", "offer go")
	h.Run("ann", "request go")
	b := h.Button("mia", bot.ActionProposalAccept)
	h.Click("mia", "mia", bot.ActionProposalDecline)
	got := h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("mia"), ActionID: b.ActionID, Value: b.Value})
	if want := "You already declined this request, so nothing was changed. Thank you for answering."; got.Message.Text != want {
		t.Fatalf("got %q, want %q", got.Message.Text, want)
	}
}

// TestReasonNamesAnyLanguage: a language shared beyond English and French
// is named in words in the reasons, not by its code.
func TestReasonNamesAnyLanguage(t *testing.T) {
	h := MustHarness(t)
	h.Run("carol", "offer rust languages:es")
	h.Run("dan", "request rust language:es")
	got := h.Platform.To("carol")
	if len(got) != 1 || !strings.Contains(got[0].Fields[len(got[0].Fields)-1].Value+got[0].Text, "you both speak Spanish") {
		var all []string
		for _, m := range got {
			all = append(all, m.Text)
			for _, f := range m.Fields {
				all = append(all, f.Label+": "+f.Value)
			}
		}
		t.Fatalf("got %q, want the reason “you both speak Spanish”", all)
	}
}

// TestWaitingAfterOwnCharterLapsed: a mentee who let the charter lapse,
// though the mentor accepted it, is not told that the mentors "weren't
// available": the reason says what is true, that they were already asked.
func TestWaitingAfterOwnCharterLapsed(t *testing.T) {
	for lang, want := range map[bot.Lang]string{
		bot.English: "The mentor for “go” has already been asked about this request.",
		bot.French:  "Le mentor de «\u202fgo\u202f» a déjà été sollicité pour cette demande.",
	} {
		t.Run(string(lang), func(t *testing.T) {
			h := MustHarness(t)
			h.Run("ann", "lang "+string(lang))
			h.Run("mia", "offer go languages:en,fr")
			h.Run("ann", "request go")
			h.Click("mia", "mia", bot.ActionProposalAccept)
			h.Click("mia", "mia", bot.ActionCharterAccept)
			inbox(h)
			MustTick(t, h, 72*time.Hour)
			var told string
			for _, m := range h.Platform.To("ann") {
				told += m.Text + "\n"
			}
			if !strings.Contains(told, want) {
				t.Fatalf("got %q, want %q", told, want)
			}
		})
	}
}

// meetingField reports whether f is one of the introduction's meeting
// fields (meeting_times.go), in either language.
func meetingField(f bot.Field) bool {
	for _, l := range bot.Langs {
		if f.Label == bot.T(l, "field.meet_slots") || f.Label == bot.T(l, "field.meet_how") {
			return true
		}
	}
	return false
}
