package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// TestFixstatsIntroTimedFromKickoff: an introduction is timed from the
// request, or, for a request held for its program's kick-off, from the
// kick-off that released it, as the fairness report counts it: the wait
// before was the program's choice. Ann's and Dan's requests, filed on 2
// November for "Mentorat 2027" (from 10 November), are released by the
// round alice sends on 10 November at 00:01; Eve's, filed on 11
// November in the same program, was never held; Gus's, paired by a
// manager before the kick-off, never waited for it: both are timed from
// their filing.
func TestFixstatsIntroTimedFromKickoff(t *testing.T) {
	h := mustProgramHarness(t)
	ctx := context.Background()
	h.Run("bob", "offer go program:mentorat-2027 capacity:3")
	h.Run("carol", "offer design program:mentorat-2027")
	h.Run("ann", "request go kind:one-to-one program:mentorat-2027")
	h.Run("dan", "request design kind:one-to-one program:mentorat-2027")
	h.At(3, 9, 0)
	h.Run("gus", "request go kind:one-to-one program:mentorat-2027")
	MustContain(t, h.Run("alice", "admin pair @bob @gus confirm:yes"), "Gus")
	h.At(10, 0, 1)
	MustContain(t, mustSendKickoff(t, h), "Sent 2 proposals")
	kickoff := h.Clock.Now()
	h.At(11, 9, 0)
	h.Run("eve", "request go kind:one-to-one program:mentorat-2027")
	official := h.Clock.Now().Add(time.Hour)
	for _, c := range []struct {
		who  string
		want time.Time
	}{
		{"ann", kickoff},
		{"dan", kickoff},
		{"eve", h.Clock.Now()},
		{"gus", time.Date(2026, 11, 3, 9, 0, 0, 0, time.UTC)},
	} {
		id := requestOf(t, h, c.who)
		since := official
		if c.who == "gus" {
			since = time.Date(2026, 11, 3, 10, 0, 0, 0, time.UTC) // official before the kick-off
		}
		got, err := h.Bot.IntroTimedFrom(ctx, h.Tenant, id, since)
		if err != nil || !got.Equal(c.want) {
			t.Errorf("%s: got %v, %v; want timed from %v", c.who, got, err, c.want)
		}
	}
}

// requestOf returns the ID of who's request, the only one.
func requestOf(t *testing.T, h *adminHarness, who string) string {
	t.Helper()
	pairs, _ := h.Store.PairsOf(context.Background(), h.Tenant.Member(who))
	for _, p := range pairs {
		if p.Request != "" {
			return p.Request
		}
	}
	if r, err := h.Store.OpenRequest(context.Background(), h.Tenant.Member(who)); err == nil {
		return r.ID
	}
	t.Fatalf("%s has no request", who)
	return ""
}

// TestFixstatsDigestSaysKickoff: in a week after a program released the
// requests it held for its kick-off, the digest says that its median
// time to an introduction runs from the kick-off for those; a week with
// no such release says "from request" alone, as before.
func TestFixstatsDigestSaysKickoff(t *testing.T) {
	h := mustProgramHarness(t)
	ctx := context.Background()
	h.Run("alice", "admin settings default-lang:fr")
	h.Run("bob", "offer go program:mentorat-2027 capacity:3")
	h.Run("ann", "request go kind:one-to-one program:mentorat-2027")
	h.Run("carol", "offer go")
	h.Run("dan", "request go kind:one-to-one")
	h.Click("carol", "carol", bot.ActionProposalAccept) // Dan's, in the default program, in W45
	h.Click("carol", "carol", bot.ActionCharterAccept)
	h.Click("dan", "dan", bot.ActionCharterAccept)
	h.At(10, 0, 1)
	MustContain(t, mustSendKickoff(t, h), "Envoi effectué (1 proposition)")
	h.At(10, 9, 0)
	h.Click("bob", "bob", bot.ActionProposalAccept)
	h.Click("bob", "bob", bot.ActionCharterAccept)
	h.Click("ann", "ann", bot.ActionCharterAccept)
	h.At(16, 9, 0) // the digest of W46, W45 before it
	msg, _, err := h.Bot.Digest(ctx, h.Tenant, h.Clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	want := ", ou depuis le lancement du programme pour une demande qui l'attendait (semaine précédente\u202f: 1, médiane de 0 min depuis la demande)"
	if !strings.Contains(msg.Text, "• Mises en relation\u202f: 1, médiane de ") || !strings.Contains(msg.Text, want) {
		t.Errorf("got digest %q, want W46's introductions timed from the kick-off as well, W45's from request", msg.Text)
	}
}
