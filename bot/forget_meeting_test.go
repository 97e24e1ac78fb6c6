package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// agreedMeeting forms bob's (mentor) and alice's (mentee) pair and has
// them agree its first time.
func agreedMeeting(t *testing.T, h *bottest.Harness) bot.Pair {
	t.Helper()
	pair, intro := meetingPair(t, h, "America/Montreal")
	picks := pickButtons(intro)
	meetClick(h, "alice", picks[0])
	MustContain(t, meetClick(h, "bob", picks[0]), "Agreed: ")
	h.Platform.Take()
	return pair
}

// isCancel reports whether s is a meeting's cancellation.
func isCancel(s bottest.Sent) bool {
	return strings.HasPrefix(s.Message.Title, "Meeting cancelled") || strings.HasPrefix(s.Message.Title, "Rendez-vous annulé")
}

// TestLeaverMeetingCancelled: a member who leaves the workspace leaves no
// meeting in their partner's calendar. The partner gets the meeting's
// cancellation, which names nobody, then the end of the pair, which says
// that the member left the workspace, in the partner's language; the
// member who left is sent nothing; the cancellation's job sends nothing
// more. (The trial's mentor kept the meeting, and read "left the
// program".)
func TestLeaverMeetingCancelled(t *testing.T) {
	for _, c := range []struct {
		name, gone, stays, lang string
		cancel, ended           string
	}{
		{"MenteeLeaves", "alice", "bob", "en",
			"Meeting cancelled: go | Your meeting on Tuesday 3 November, 15:00–16:00 (Paris), is cancelled: the pair has ended.",
			"Your pair on “go” has ended | Your mentee has left the program by leaving the workspace, so your pair on “go” has ended. Thank you for the time you gave. Would you like to mentor someone else?"},
		{"MenteeLeavesFR", "alice", "bob", "fr",
			"Rendez-vous annulé\u202f: go | Votre rendez-vous, le mardi 3 novembre, de 15\u00a0h à 16\u00a0h (Paris), est annulé\u202f: le binôme a pris fin.",
			"La personne que vous accompagniez a quitté l'espace de travail, et donc le programme\u202f: votre binôme sur «\u202fgo\u202f» est terminé."},
		{"MentorLeaves", "bob", "alice", "en",
			"Meeting cancelled: go | Your meeting on Tuesday 3 November, 09:00–10:00 (Montreal), is cancelled: the pair has ended.",
			"Your pair on “go” has ended | Your mentor has left the program by leaving the workspace, so your pair on “go” has ended. Would you like a new match on “go”?"},
		{"MentorLeavesFR", "bob", "alice", "fr",
			"Rendez-vous annulé\u202f: go | Votre rendez-vous, le mardi 3 novembre, de 9\u00a0h à 10\u00a0h (Montréal), est annulé\u202f: le binôme a pris fin.",
			"Votre mentor a quitté l'espace de travail, et donc le programme\u202f: votre binôme sur «\u202fgo\u202f» est terminé. Souhaitez-vous un nouveau binôme sur «\u202fgo\u202f»\u202f?"},
	} {
		t.Run(c.name, func(t *testing.T) {
			h := MustHarness(t)
			agreedMeeting(t, h)
			if c.lang == "fr" {
				h.Run(c.stays, "lang fr")
				h.Platform.Take()
			}
			if err := h.Bot.Forget(context.Background(), h.Tenant.Member(c.gone)); err != nil {
				t.Fatal(err)
			}
			sent := h.Platform.Take()
			got := inboxOf(sent)
			if len(got) != 2 || got[0] != c.stays+": "+c.cancel || !strings.HasPrefix(got[1], c.stays+": ") || !strings.Contains(got[1], c.ended) {
				t.Fatalf("got messages:\n  %s\nwant to %s:\n  %s\n  %s", strings.Join(got, "\n  "), c.stays, c.cancel, c.ended)
			}
			if name := strings.ToUpper(c.gone[:1]) + c.gone[1:]; strings.Contains(got[0], name) {
				t.Errorf("got %q, want the member who left unnamed", got[0])
			}
			MustTick(t, h, time.Hour)
			for _, s := range h.Platform.Take() {
				if isCancel(s) {
					t.Errorf("got a second cancellation to %s from its job", s.To[0].User)
				}
			}
		})
	}
}

// TestLeaverMeetingCancelledLater: when the platform cannot take the
// cancellation as the member who left is erased, its job sends it to the
// partner once the platform is back, from what the erasure kept (the
// pair, blanked), on each backend.
func TestLeaverMeetingCancelledLater(t *testing.T) {
	for _, b := range storetest.Backends() {
		t.Run(b.Name, func(t *testing.T) {
			h := MustHarnessOn(t, b)
			agreedMeeting(t, h)
			h.Platform.Fail = bot.Errorf(bot.EUNAVAILABLE, "err.unavailable")
			if err := h.Bot.Forget(context.Background(), h.Tenant.Member("alice")); err != nil {
				t.Fatal(err)
			}
			h.Platform.Fail = nil
			MustTick(t, h, 2*time.Minute)
			var cancels []string
			for _, s := range h.Platform.Take() {
				if isCancel(s) {
					cancels = append(cancels, inboxOf([]bottest.Sent{s})...)
				}
			}
			want := "bob: Meeting cancelled: go | Your meeting on Tuesday 3 November, 15:00–16:00 (Paris), is cancelled: the pair has ended."
			if len(cancels) != 1 || cancels[0] != want {
				t.Fatalf("got cancellations %q, want %q", cancels, want)
			}
			MustTick(t, h, time.Hour)
			for _, s := range h.Platform.Take() {
				if isCancel(s) {
					t.Errorf("got a second cancellation to %s", s.To[0].User)
				}
			}
		})
	}
}

// TestForgetAskedMeetingCancelled: a member who asks to be forgotten
// (/mentor forget) leaves no meeting either: the partner gets its
// cancellation, unnamed, and reads that the member left the program; the
// member, still in the workspace, gets theirs too, before their data
// goes; nothing of them stays in the store.
func TestForgetAskedMeetingCancelled(t *testing.T) {
	for _, b := range storetest.Backends() {
		t.Run(b.Name, func(t *testing.T) {
			h, st, ada, name := forgetHarness(t, b)
			h.Run("bob", "profile tz:Europe/Paris hours:9-17")
			mustOfficial(h, "bob", "offer go", ada, "request go kind:one-to-one tz:Europe/Paris")
			var intro bot.Message
			for _, s := range h.Platform.Take() {
				if s.Together {
					intro = s.Message
				}
			}
			picks := pickButtons(intro)
			meetClick(h, ada, picks[0])
			MustContain(t, meetClick(h, "bob", picks[0]), "Agreed: ")
			h.Run("bob", "lang fr")
			h.Platform.Take()
			MustContain(t, clickIn(h, ada, h.Run(ada, "forget"), bot.ActionForgetConfirm), "everything I kept about you is erased")
			got := map[string][]string{}
			for _, line := range inbox(h) {
				who, text, _ := strings.Cut(line, ": ")
				got[who] = append(got[who], text)
			}
			wantBob := []string{
				"Rendez-vous annulé\u202f: go | Votre rendez-vous, le lundi 2 novembre, de 12\u00a0h\u00a030 à 13\u00a0h\u00a030 (Paris), est annulé\u202f: le binôme a pris fin.",
				"Votre binôme sur «\u202fgo\u202f» est terminé | La personne que vous accompagniez a quitté le programme\u202f: votre binôme sur «\u202fgo\u202f» est terminé. Merci pour le temps que vous avez donné. Souhaitez-vous accompagner une autre personne\u202f?",
			}
			wantAda := []string{"Meeting cancelled: go | Your meeting with Bob on Monday 2 November, 12:30–13:30 (Paris), is cancelled: the pair has ended."}
			if strings.Join(got["bob"], "\n") != strings.Join(wantBob, "\n") || strings.Join(got[ada], "\n") != strings.Join(wantAda, "\n") {
				t.Fatalf("got bob:\n  %s\nand the member:\n  %s\nwant bob:\n  %s\nand the member:\n  %s",
					strings.Join(got["bob"], "\n  "), strings.Join(got[ada], "\n  "), strings.Join(wantBob, "\n  "), strings.Join(wantAda, "\n  "))
			}
			if hits := storetest.Mentions(t, st, ada, name); len(hits) > 0 {
				t.Fatalf("got the member still in the store after forget:\n  %s", strings.Join(hits, "\n  "))
			}
			MustTick(t, h, time.Hour)
			for _, s := range h.Platform.Take() {
				if isCancel(s) {
					t.Errorf("got a second cancellation to %s from its job", s.To[0].User)
				}
			}
		})
	}
}

// TestLeaverCharterSaysWorkspace: a member who leaves while the charter
// waits is said to have left by leaving the workspace, in the other
// member's language; one who asked to be forgotten, to have left the
// program (TestForget).
func TestLeaverCharterSaysWorkspace(t *testing.T) {
	for _, c := range []struct {
		name, gone, stays, lang, want string
	}{
		{"Mentor", "bob", "alice", "en", "Your mentor has left the program by leaving the workspace, so the pair on “go” is cancelled. Don't worry: your request is back in the queue, for the next mentor who fits."},
		{"MenteeFR", "alice", "bob", "fr", "La personne mentorée a quitté l'espace de travail, et donc le programme\u202f: le binôme sur «\u202fgo\u202f» est annulé. Merci d'avoir offert votre temps."},
	} {
		t.Run(c.name, func(t *testing.T) {
			h := MustHarness(t)
			h.Run("bob", "offer go")
			h.Run("alice", "request go kind:one-to-one")
			h.Click("bob", "bob", bot.ActionProposalAccept)
			if c.lang == "fr" {
				h.Run(c.stays, "lang fr")
			}
			h.Platform.Take()
			if err := h.Bot.Forget(context.Background(), h.Tenant.Member(c.gone)); err != nil {
				t.Fatal(err)
			}
			var told []string
			for _, s := range h.Platform.Take() {
				if s.To[0].User == c.stays {
					told = append(told, s.Message.Text)
				}
			}
			if len(told) == 0 || told[0] != c.want {
				t.Fatalf("got %s told %q, want first %q", c.stays, told, c.want)
			}
		})
	}
}
