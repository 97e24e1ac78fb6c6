package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// TestFixroundResumedMentorNotGivenARepeat: Bob resumes while Frank, in
// Carol's zone, is still paused. Carol, who met Bob and has waited a
// little longer, and Dan both fit Bob: the round gives him Dan, whom he
// has not met, not Carol.
func TestFixroundResumedMentorNotGivenARepeat(t *testing.T) {
	h := MustHarness(t)
	h.Run("bob", "offer go capacity:1 tz:Europe/Paris")
	h.Run("bob", "pause")
	h.Run("frank", "offer go capacity:1 tz:Asia/Tokyo")
	h.Run("frank", "pause")
	if err := h.Store.RememberPair(context.Background(), h.Tenant, "carol", "bob", bot.VerdictMet); err != nil {
		t.Fatal(err)
	}
	h.Run("carol", "request go tz:Asia/Tokyo")
	MustTick(t, h, time.Hour)
	h.Run("dan", "request go tz:Asia/Tokyo")
	h.Platform.Take()
	h.Run("bob", "resume")
	toBob := h.Platform.To("bob")
	if len(toBob) != 1 || !strings.Contains(toBob[0].Text, "Dan would like your help") {
		t.Fatalf("got %+v, want Dan's request proposed to Bob, not Carol's (she met him)", toBob)
	}
}

// TestFixroundFirstInLineOnlyWhenItWas: Dan wins Bob on time-zone fit
// over Carol, who has waited longer: his reasons tell his wait without
// claiming he was first in line, in English and in French.
func TestFixroundFirstInLineOnlyWhenItWas(t *testing.T) {
	for _, tt := range []struct{ lang, offer, want, claim string }{
		{"en", "offer go capacity:1 tz:Europe/Paris", "waiting for a day", "first in line"},
		{"fr", "propose go capacité:1 fuseau:Europe/Paris langues:fr,en", "en attente depuis un jour", "en tête de file"},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			h := MustHarness(t)
			h.Run("carol", "request go tz:America/Los_Angeles")
			MustTick(t, h, 24*time.Hour)
			h.Run("dan", "request go tz:Europe/Paris")
			MustTick(t, h, 24*time.Hour)
			h.Run("bob", "lang "+tt.lang)
			h.Platform.Take()
			h.Run("bob", tt.offer)
			toBob := h.Platform.To("bob")
			if len(toBob) != 1 || !strings.Contains(toBob[0].Text, "Dan") {
				t.Fatalf("got %+v, want Dan's request proposed to Bob", toBob)
			}
			if why := fixroundWhy(toBob[0]); !strings.Contains(why, tt.want) || strings.Contains(why, tt.claim) {
				t.Fatalf("got reasons %q, want %q without %q", why, tt.want, tt.claim)
			}
		})
	}
}

// TestFixroundInstantProposalClaimsNoPlaceInLine: a request proposed on
// its own (the next mentor after a decline) tells its wait, not that it
// was first in line: the proposal did not look at the other requests.
func TestFixroundInstantProposalClaimsNoPlaceInLine(t *testing.T) {
	h := MustHarness(t)
	h.Run("ann", "request go")
	MustTick(t, h, 2*24*time.Hour)
	h.Run("mia", "offer go capacity:1")
	if why := whyField(h.Platform.To("mia")[0]); !strings.Contains(why, "waiting for 2 days, so first in line") {
		t.Fatalf("got reasons %q, want Ann first in line, alone in it", why)
	}
	h.Run("zoe", "offer go capacity:1")
	h.Click("mia", "mia", bot.ActionProposalDecline)
	toZoe := h.Platform.To("zoe")
	if len(toZoe) == 0 {
		t.Fatal("got nothing for zoe, want Ann's request")
	}
	if why := whyField(toZoe[len(toZoe)-1]); !strings.Contains(why, "waiting for 2 days") || strings.Contains(why, "first in line") {
		t.Fatalf("got reasons %q, want the wait without first in line", why)
	}
}

// TestFixroundWiderTZLimitServesTheQueue: a request that waited on the
// time-zone limit is proposed as soon as a manager lifts it, before a
// newer request can take the slot.
func TestFixroundWiderTZLimitServesTheQueue(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("alice", "admin settings max-tz-hours:2")
	h.Run("bob", "offer go capacity:1 tz:Asia/Tokyo")
	h.Run("carol", "request go tz:Europe/Paris")
	if toBob := h.Platform.To("bob"); len(toBob) != 0 {
		t.Fatalf("got %+v, want Carol waiting on the time-zone limit", toBob)
	}
	h.Run("alice", "admin settings max-tz-hours:default")
	h.Run("dan", "request go tz:Asia/Seoul")
	toBob := h.Platform.To("bob")
	if len(toBob) != 1 || !strings.Contains(toBob[0].Text, "Carol would like your help") {
		t.Fatalf("got %+v, want Carol's request proposed to Bob once the limit is lifted", toBob)
	}
	// Narrowing it again serves nobody.
	h.Run("alice", "admin settings max-tz-hours:3")
	if got := len(h.Platform.To("bob")); got != 1 {
		t.Fatalf("got %d messages to Bob, want 1", got)
	}
}

// fixroundWhy is the value of a proposal's reasons field, in either
// language.
func fixroundWhy(m bot.Message) string {
	for _, f := range m.Fields {
		if strings.HasPrefix(f.Label, "Why") || strings.HasPrefix(f.Label, "Pourquoi") {
			return f.Value
		}
	}
	return ""
}
