package bot_test

import (
	"strings"
	"testing"
	"time"
)

// reqlangCases are what a manager reads of Carol, who speaks French and
// asks for English on this request alone, when the only mentor of “go”
// speaks French: the language the request asks for, named, and not
// "their language", which the mentor speaks.
var reqlangCases = []struct{ lang, want, not string }{
	{"en", "The mentor for “go” doesn't speak the language this request asks for (English).", "their language"},
	{"fr", "e mentor de «\u202fgo\u202f» ne parle pas la langue voulue pour cette demande (anglais).", "pas sa langue"},
}

// reqlangSetUp files Carol's request for English with a French-speaking
// mentor of its topic, and has Alice, the manager, and the managers'
// channel read lang.
func reqlangSetUp(t *testing.T, h *adminHarness, lang string) {
	t.Helper()
	h.Run("bob", "offer go languages:fr")
	h.Run("carol", "lang fr")
	h.Run("carol", "demande go langue:en")
	h.Run("alice", "lang "+lang)
	h.Run("alice", "admin settings default-lang:"+lang)
	h.Posting.Posts()
}

// TestReqlangRoundPreview: a manager's round preview says the request's
// own language is what the mentors lack.
func TestReqlangRoundPreview(t *testing.T) {
	for _, tc := range reqlangCases {
		t.Run(tc.lang, func(t *testing.T) {
			h := MustAdminHarness(t)
			reqlangSetUp(t, h, tc.lang)
			cmd := map[string]string{"en": "admin match", "fr": "admin vague"}[tc.lang]
			got := h.Run("alice", cmd).Message.Text
			if !strings.Contains(got, tc.want) || strings.Contains(got, tc.not) {
				t.Fatalf("got %q, want %q and no %q", got, tc.want, tc.not)
			}
		})
	}
}

// TestReqlangKickoffRound: the kick-off round a program posts in the
// managers' channel says it too.
func TestReqlangKickoffRound(t *testing.T) {
	for _, tc := range reqlangCases {
		t.Run(tc.lang, func(t *testing.T) {
			h := mustProgramHarness(t)
			h.Run("bob", "offer go languages:fr program:mentorat-2027")
			h.Run("dan", "offer go languages:en program:mentorat-2027 capacity:1")
			h.Run("ann", "request go languages:en program:mentorat-2027") // Dan's, so that the round has a pair
			h.Run("carol", "lang fr")
			h.Run("carol", "demande go langue:en programme:mentorat-2027")
			h.Run("alice", "admin settings default-lang:"+tc.lang) // the channel's language
			h.Posting.Posts()
			h.At(10, 0, 1)
			got := mustPost(t, h).Text
			if !strings.Contains(got, tc.want) || strings.Contains(got, tc.not) {
				t.Fatalf("got %q, want %q and no %q", got, tc.want, tc.not)
			}
		})
	}
}

// TestReqlangAdminStats: /mentor admin stats, and the weekly digest
// that shares its waiting list, say it too.
func TestReqlangAdminStats(t *testing.T) {
	for _, tc := range reqlangCases {
		t.Run(tc.lang, func(t *testing.T) {
			h := MustAdminHarness(t)
			reqlangSetUp(t, h, tc.lang)
			got := h.Run("alice", "admin stats").Message.Text
			if !strings.Contains(got, tc.want) || strings.Contains(got, tc.not) {
				t.Fatalf("got %q, want %q and no %q", got, tc.want, tc.not)
			}
		})
	}
}

// TestReqlangEscalate: the managers' alert that a request has waited a
// week for a mentor says it too.
func TestReqlangEscalate(t *testing.T) {
	for _, tc := range reqlangCases {
		t.Run(tc.lang, func(t *testing.T) {
			h := MustAdminHarness(t)
			h.Run("alice", "admin digest-channel #managers")
			reqlangSetUp(t, h, tc.lang)
			var got []string
			for range 8 * 24 {
				MustTick(t, h.Harness, time.Hour)
				for _, p := range h.Posting.Posts() {
					if strings.Contains(p.Message.Text, "Carol") && !strings.Contains(p.Message.Text, "\n• ") {
						got = append(got, p.Message.Text)
					}
				}
			}
			if len(got) != 1 || !strings.Contains(got[0], tc.want) || strings.Contains(got[0], tc.not) {
				t.Fatalf("got alerts %q, want one with %q and no %q", got, tc.want, tc.not)
			}
		})
	}
}

// TestReqlangSpokenLanguageStill: a request that asks for no language of
// its own, whose mentors lack the languages its member speaks, is still
// said to wait on "their language".
func TestReqlangSpokenLanguageStill(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("bob", "offer go languages:de")
	h.Run("carol", "request go languages:fr")
	got := h.Run("alice", "admin match").Message.Text
	if want := "The mentor for “go” doesn't speak their language."; !strings.Contains(got, want) {
		t.Fatalf("got %q, want %q", got, want)
	}
}
