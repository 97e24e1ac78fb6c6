package bot_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// deactivatedPlatform is the recording platform as Slack behaves with a
// deactivated member: a message to them is taken without an error, and
// only the directory (users.info: deleted) says they are gone.
type deactivatedPlatform struct {
	*managersPlatform
	mu   sync.Mutex
	fail map[string]error // the directory's answer about a user
}

func (p *deactivatedPlatform) Profile(ctx context.Context, id bot.MemberID) (bot.Profile, error) {
	p.mu.Lock()
	err := p.fail[id.User]
	p.mu.Unlock()
	if err != nil {
		return bot.Profile{}, err
	}
	return p.managersPlatform.Profile(ctx, id)
}

// leave makes the directory say that user left.
func (p *deactivatedPlatform) leave(user string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.fail[user] = bot.Errorf(bot.EGONE, "err.gone")
}

// mustDeactivatedHarness is a program harness (mustProgramHarness) on a
// deactivatedPlatform.
func mustDeactivatedHarness(t *testing.T) (*adminHarness, *deactivatedPlatform) {
	t.Helper()
	h := mustProgramHarness(t)
	p := &deactivatedPlatform{managersPlatform: h.Posting, fail: map[string]error{}}
	h.Bot.Register(h.Tenant.Platform, p)
	return h, p
}

// mustNothingTo fails if user was sent anything since the last take.
func mustNothingTo(t *testing.T, user string, sent []string) {
	t.Helper()
	for _, s := range sent {
		if strings.HasPrefix(s, user+":") || strings.Contains(s, "+"+user+":") {
			t.Fatalf("got %q, want nothing sent to %s, who left", s, user)
		}
	}
}

// TestDeactivatedMentorSkipped: a mentor whom the platform's directory
// says left (Slack: users.info deleted), though messages to them still
// go, is never proposed: the request goes to the next mentor, or waits
// with the true reason, and the mentor is erased as a member who left.
func TestDeactivatedMentorSkipped(t *testing.T) {
	t.Run("NextMentor", func(t *testing.T) {
		h, p := mustDeactivatedHarness(t)
		h.Run("bob", "offer go years:20")
		h.Run("carol", "offer go years:3")
		p.leave("bob")
		MustContain(t, h.Run("ann", "request go years:1"), "I've asked a mentor who fits")
		sent := inbox(h.Harness)
		mustNothingTo(t, "bob", sent)
		if strings.Join(sent, "\n") != "carol: Mentoring request: go | Ann would like your help on “go”." {
			t.Fatalf("got %v, want carol proposed", sent)
		}
		if _, err := h.Store.GetOffer(context.Background(), h.Tenant.Member("bob")); bot.ErrorCode(err) != bot.ENOTFOUND {
			t.Fatalf("got bob's offer (%v), want it erased: he left", err)
		}
	})
	t.Run("NobodyLeft", func(t *testing.T) {
		h, p := mustDeactivatedHarness(t)
		h.Run("bob", "offer go languages:en,fr")
		p.leave("bob")
		h.Run("ann", "lang fr")
		r := h.Run("ann", "request go")
		MustContain(t, r, "Personne ne propose encore «\u202fgo\u202f».")
		if strings.Contains(r.Message.Text, "J'ai demandé") {
			t.Fatalf("got %q, want no mentor said to be asked", r.Message.Text)
		}
		mustNothingTo(t, "bob", inbox(h.Harness))
	})
	t.Run("Round", func(t *testing.T) {
		// The manager's round proposes Ann to Bob, who leaves before
		// Send: Carol, the next mentor, is proposed at once.
		h, p := mustDeactivatedHarness(t)
		h.Run("bob", "offer go years:20 program:mentorat-2027")
		h.Run("carol", "offer go years:3 capacity:1 program:mentorat-2027")
		h.Run("dan", "offer rust capacity:1 program:mentorat-2027")
		h.Run("ann", "request go years:1 program:mentorat-2027")
		preview := h.Run("alice", "admin match program:mentorat-2027")
		MustContain(t, preview, "• Ann with Bob, “go”")
		p.leave("bob")
		h.ClickReply("alice", preview, "Send these proposals")
		sent := inbox(h.Harness)
		mustNothingTo(t, "bob", sent)
		if !strings.Contains(strings.Join(sent, "\n"), "carol: Mentoring request: go | Ann would like your help on “go”.") {
			t.Fatalf("got %v, want carol proposed", sent)
		}
	})
	t.Run("LookupFails", func(t *testing.T) {
		// A directory that cannot answer (an outage) is no leave: the
		// proposal goes.
		h, p := mustDeactivatedHarness(t)
		h.Run("bob", "offer go")
		p.fail["bob"] = bot.Errorf(bot.EUNAVAILABLE, "err.unavailable")
		MustContain(t, h.Run("ann", "request go"), "I've asked a mentor who fits")
		MustInbox(t, h.Harness, "bob: Mentoring request: go | Ann would like your help on “go”.")
	})
}
