package bot_test

import (
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// TestAfterColon: in French, a sentence written after « : » loses its
// capital (an acronym keeps its capitals); English keeps it.
func TestAfterColon(t *testing.T) {
	for _, tc := range []struct {
		lang     bot.Lang
		in, want string
	}{
		{bot.French, "Les mentors de «\u202fgo\u202f» sont pris.", "les mentors de «\u202fgo\u202f» sont pris."},
		{bot.French, "En pause à sa demande.", "en pause à sa demande."},
		{bot.French, "Écrivez-lui.", "écrivez-lui."},
		{bot.French, "PDF joint.", "PDF joint."},
		{bot.French, "3 mentors proposent «\u202fgo\u202f».", "3 mentors proposent «\u202fgo\u202f»."},
		{bot.French, "", ""},
		{bot.English, "Nobody offers “go” yet.", "Nobody offers “go” yet."},
	} {
		if got := bot.AfterColon(tc.lang, tc.in); got != tc.want {
			t.Errorf("%s %q: got %q, want %q", tc.lang, tc.in, got, tc.want)
		}
	}
}

// TestWhyAfterColon: the reason a request waits, written after the
// waiting member's line in a manager's preview and in an escalation,
// takes no capital after « : » in French, and keeps it in English.
func TestWhyAfterColon(t *testing.T) {
	for _, tc := range []struct {
		lang              bot.Lang
		preview, escalate string
	}{
		{bot.French, "• Dan, «\u202frust\u202f», moins d'un jour\u202f: personne ne propose encore «\u202frust\u202f».",
			"Pourquoi elle attend\u202f: personne ne propose encore «\u202frust\u202f»."},
		{bot.English, "• Dan, “rust”, less than a day: Nobody offers “rust” yet.",
			"Why it waits: Nobody offers “rust” yet."},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := MustAdminHarness(t)
			h.Run("alice", "lang "+string(tc.lang))
			h.Run("alice", "admin settings default-lang:"+string(tc.lang))
			h.Run("alice", "admin digest-channel #C42")
			h.Run("bob", "offer go")
			h.Run("dan", "request rust")
			MustContain(t, h.Run("alice", "admin match"), tc.preview)
			MustTick(t, h.Harness, 8*24*time.Hour)
			var found bool
			for _, p := range h.Posting.Posts() {
				found = found || strings.Contains(p.Message.Text, tc.escalate)
			}
			if !found {
				t.Fatalf("no post says %q", tc.escalate)
			}
		})
	}
}
