package bot_test

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
)

// TestRepeatAvoidedThroughTheBot: a mentee who met a mentor asks again;
// that mentor fits best (same time zone) and has a free slot, but the
// other mentor of the topic is proposed, the proposal says nothing of a
// repeat, and the managers' figures count one re-pairing prevented.
// Without another mentor with room, the met mentor is proposed, and the
// proposal says why.
func TestRepeatAvoidedThroughTheBot(t *testing.T) {
	h := MustAdminHarness(t)
	ctx := context.Background()
	h.Run("mia", "offer go capacity:3 tz:Europe/Paris")
	h.Run("zoe", "offer go capacity:1 tz:Asia/Tokyo")
	h.Run("bob", "request go tz:Europe/Paris")
	// Their pair is over (here: never formed); they met. A pair still
	// under way would keep mia out altogether (TestPairedNotProposedAgain).
	h.Run("bob", "cancel")
	if err := h.Store.RememberPair(ctx, h.Tenant, "bob", "mia", bot.VerdictMet); err != nil {
		t.Fatal(err)
	}
	inbox(h.Harness)
	MustContain(t, h.Run("bob", "request go"), "I've asked a mentor")
	sent := strings.Join(inbox(h.Harness), "\n")
	if !strings.Contains(sent, "zoe: Mentoring request: go") || strings.Contains(sent, "mia: Mentoring request") {
		t.Fatalf("got %q, want the proposal sent to zoe, not to mia whom bob met", sent)
	}

	// zoe declines: mia is the only mentor with room, so she is proposed,
	// and told that they met before.
	h.Click("zoe", "zoe", bot.ActionProposalDecline)
	toMia := h.Platform.To("mia")
	if len(toMia) == 0 || toMia[len(toMia)-1].Title != "Mentoring request: go" {
		t.Fatalf("got %+v, want the request proposed to mia once no other mentor has room", toMia)
	}
	if why := whyField(toMia[len(toMia)-1]); !strings.Contains(why, "you have met before: no other mentor could take it") {
		t.Fatalf("got reasons %q, want them to say that they met before", why)
	}
	MustTick(t, h.Harness, 7*24*time.Hour)
	MustContain(t, h.Run("alice", "admin stats"), "Proposals skipped by repeat avoidance (a past mentor, or one who had declined): 1")
}

// whyField is the reasons of a proposal, as shown to the mentor.
func whyField(m bot.Message) string {
	for _, f := range m.Fields {
		if f.Label == "Why you" || strings.HasPrefix(f.Label, "Why") {
			return f.Value
		}
	}
	return ""
}

// TestWaitingPriorityThroughTheSweep: two requests of equal fit wait for
// one slot; the one that has waited longer gets it.
func TestWaitingPriorityThroughTheSweep(t *testing.T) {
	h := MustHarness(t)
	h.Run("ann", "request go")
	MustTick(t, h, 3*24*time.Hour)
	h.Run("bob", "request go")
	h.Platform.Take()
	h.Run("mia", "offer go capacity:1")
	toMia := h.Platform.To("mia")
	if len(toMia) != 1 || !strings.Contains(toMia[0].Text, "Ann would like your help") {
		t.Fatalf("got %+v, want the slot proposed to Ann, who waited 3 days longer", toMia)
	}
	if why := whyField(toMia[0]); !strings.Contains(why, "waiting for 3 days, so first in line") {
		t.Fatalf("got reasons %q, want them to say Ann waited 3 days", why)
	}
}

// TestWorkspaceAliasMatches: once a manager says that "sre" means "site
// reliability engineering", a request in either spelling finds a mentor
// who offered the other, including an offer made before the alias, in
// French as in English.
func TestWorkspaceAliasMatches(t *testing.T) {
	for _, tc := range []struct{ lang, offer, request, want string }{
		{"en", "offer SRE", "request site reliability engineering", "I've asked a mentor"},
		{"fr", "offer site reliability engineering languages:fr", "request SRE", "j'ai sollicité un mentor"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			h := MustAdminHarness(t)
			h.Run("mia", tc.offer)
			h.Run("bob", "lang "+tc.lang)
			MustContain(t, h.Run("alice", "admin topics alias sre site reliability engineering"), "From now on")
			MustContain(t, h.Run("bob", tc.request), tc.want)
		})
	}
}

// TestDigestTopicsReadAsTyped: the topics of the managers' figures are
// counted folded ("Cache" and "caches" are one topic) but shown as
// members typed them, not as the folded key ("cach").
func TestDigestTopicsReadAsTyped(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("mia", "offer Cache, Développement")
	h.Run("zoe", "offer caches, developpement")
	h.Run("max", "offer Cache")
	MustContain(t, h.Run("alice", "admin stats"), "On offer (mentors per topic): Cache (3), Développement (2)")
}

// wholePoolCounter is a store that counts the reads of a whole
// workspace's pool: every offer, every waiting request.
type wholePoolCounter struct {
	bot.Store
	offers, waiting atomic.Int64
}

func (s *wholePoolCounter) Offers(ctx context.Context, t bot.Tenant) ([]bot.Offer, error) {
	s.offers.Add(1)
	return s.Store.Offers(ctx, t)
}

func (s *wholePoolCounter) Waiting(ctx context.Context, t bot.Tenant) ([]bot.Request, error) {
	s.waiting.Add(1)
	return s.Store.Waiting(ctx, t)
}

// TestCommandsReadOnlyWhatCanMatch: with requests waiting on other
// topics, a new offer, a resume and a request on an offered topic read
// neither every offer nor every waiting request of the workspace (they
// read the topic indexes); the offer still serves the request waiting on
// its topic.
func TestCommandsReadOnlyWhatCanMatch(t *testing.T) {
	base := MustHarness(t)
	st := &wholePoolCounter{Store: base.Store}
	h := bottest.New(t, st, base.Tenant, bot.Config{})
	for i, topic := range []string{"rust", "design", "go"} {
		h.Run(fmt.Sprintf("mentee%d", i), "request "+topic)
	}
	// Those requests found nobody offering their topics: looking for a
	// typo, they read every offer. What follows must not.
	st.offers.Store(0)
	h.Run("mia", "offer kubernetes")
	h.Run("ann", "request kubernetes")
	h.Run("mia", "pause")
	h.Run("mia", "resume")
	h.Run("zoe", "offer go")
	if n, w := st.offers.Load(), st.waiting.Load(); n != 0 || w != 0 {
		t.Fatalf("got %d reads of every offer and %d of every waiting request, want none", n, w)
	}
	if toZoe := h.Platform.To("zoe"); len(toZoe) != 1 || !strings.Contains(toZoe[0].Title, "go") {
		t.Fatalf("got %+v, want zoe proposed the request waiting on go", toZoe)
	}
}

// TestAdminPairNeverAgain: a manager who pairs a mentee with the mentor
// who declined them is warned and nothing is paired, in the manager's
// language; with confirm:yes the pair is formed.
func TestAdminPairNeverAgain(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("mia", "offer go")
	h.Run("bob", "request go")
	h.Click("mia", "mia", bot.ActionProposalDecline)
	MustContain(t, h.Run("alice", "admin pair @mia @bob"), "• A previous pairing of Mia and Bob did not work out (a decline, or a pair ended early), so it will not pair them again")
	if pairs, _ := h.Store.PairsOf(context.Background(), h.Tenant.Member("bob")); len(pairs) != 0 {
		t.Fatalf("got %d pairs, want none before the confirmation", len(pairs))
	}
	h.Run("alice", "lang fr")
	MustContain(t, h.Run("alice", "admin pair @mia @bob"), "elle ne les associera plus")
	h.Run("alice", "admin pair @mia @bob confirm:yes")
	if pairs, _ := h.Store.PairsOf(context.Background(), h.Tenant.Member("bob")); len(pairs) != 1 {
		t.Fatalf("got %d pairs, want one after the confirmation", len(pairs))
	}
}

// TestAdminPairNoOffer: a manager pairing a member who offers no
// mentoring is warned and nothing is paired, in the manager's language;
// confirm:yes pairs them.
func TestAdminPairNoOffer(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("bob", "request go")
	MustContain(t, h.Run("alice", "admin pair @zed @bob"), "The matcher would not pair Zed with Bob on its own:\n• Zed offers no mentoring\n")
	h.Run("alice", "lang fr")
	MustContain(t, h.Run("alice", "admin pair @zed @bob"), "• Zed ne propose pas de mentorat\n")
	if pairs, _ := h.Store.PairsOf(context.Background(), h.Tenant.Member("bob")); len(pairs) != 0 {
		t.Fatalf("got %d pairs, want none before the confirmation", len(pairs))
	}
	MustContain(t, h.Run("alice", "admin pair @zed @bob confirm:yes"), "Zed")
	if pairs, _ := h.Store.PairsOf(context.Background(), h.Tenant.Member("bob")); len(pairs) != 1 {
		t.Fatalf("got %d pairs, want one after the confirmation", len(pairs))
	}
}

// TestManagersReadWhoseLanguage: a request left waiting because no mentor
// speaks its language is explained to a manager as the waiting member's
// language, not "yours".
func TestManagersReadWhoseLanguage(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("mia", "offer go languages:en")
	h.Run("bob", "request go languages:fr") // his own languages: "their language" (reqlang_reason_test.go has a request's own)
	MustContain(t, h.Run("alice", "admin match"), "The mentor for “go” doesn't speak their language.")
	h.Run("alice", "lang fr")
	MustContain(t, h.Run("alice", "admin match"), "moins d'un jour\u202f: le mentor de «\u202fgo\u202f» ne parle pas sa langue.")
}

// TestNoTimeZoneNoClaim: a proposal between members who gave no time
// zone claims no "same time zone"; between two in Paris it does.
func TestNoTimeZoneNoClaim(t *testing.T) {
	h := MustHarness(t)
	h.Run("mia", "offer go")
	h.Run("bob", "request go")
	if why := whyField(h.Platform.To("mia")[0]); strings.Contains(why, "time zone") {
		t.Fatalf("got reasons %q, want no claim about time zones", why)
	}
	h.Run("zoe", "offer rust tz:Europe/Paris")
	h.Run("ann", "request rust tz:Europe/Paris")
	if why := whyField(h.Platform.To("zoe")[0]); !strings.Contains(why, "same time zone") {
		t.Fatalf("got reasons %q, want the same time zone", why)
	}
}

// TestRoundPreviewReadsHistory: a manager's preview explains a request
// left waiting with the mentee's history, as the round itself sees it: a
// mentor who declined the mentee's earlier request is not "taken by other
// requests" but unavailable, and not "already asked about this request"
// either: this request is new, the no is from the one before.
func TestRoundPreviewReadsHistory(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("mia", "offer go")
	h.Run("bob", "request go")
	h.Click("mia", "mia", bot.ActionProposalDecline)
	h.Run("bob", "cancel")
	h.Run("bob", "request go")
	r := h.Run("alice", "admin match")
	MustContain(t, r, "• Bob, “go”, less than a day: The mentor for “go” is someone with whom a proposal or a pair of theirs did not work out before: not paired again automatically (a manager can, with `/mentor admin pair`).")
	MustContain(t, h.Run("bob", "status"), "The mentor for “go” is someone with whom a proposal or a pair of yours did not work out before, and I don't pair you with them again on my own.")
}
