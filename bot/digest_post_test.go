package bot_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
)

// posterOnly can post in channels but not upload files.
type posterOnly struct {
	*bottest.Platform
	posts []bot.Message
}

func (p *posterOnly) Post(ctx context.Context, t bot.Tenant, channel string, msg bot.Message) error {
	p.posts = append(p.posts, msg)
	return nil
}

func TestPostDigest(t *testing.T) {
	ctx := context.Background()
	t.Run("OKOnceAWeek", func(t *testing.T) {
		h := MustAdminHarness(t)
		h.Run("alice", "admin digest-channel #C42")
		for range 2 {
			if err := h.Bot.PostDigest(ctx, h.Tenant, h.Clock.Now()); err != nil {
				t.Fatal(err)
			}
			h.Clock.Advance(time.Hour)
		}
		posts := h.Posting.Posts()
		if len(posts) != 1 || posts[0].Channel != "C42" || posts[0].File == nil || posts[0].File.Name != "digest-2026-W44.png" {
			t.Fatalf("got %+v, want one upload of the W44 digest in C42", posts)
		}
		h.Clock.Advance(7 * 24 * time.Hour)
		if err := h.Bot.PostDigest(ctx, h.Tenant, h.Clock.Now()); err != nil {
			t.Fatal(err)
		}
		if posts := h.Posting.Posts(); len(posts) != 1 || posts[0].Message.Title != "Weekly mentoring digest: week of 2 November 2026 (2026-W45)" {
			t.Fatalf("got %+v, want the next week's digest", posts)
		}
	})
	t.Run("OKFrench", func(t *testing.T) {
		h := MustAdminHarness(t)
		h.Run("alice", "admin settings default-lang:fr digest-channel:#managers")
		if err := h.Bot.PostDigest(ctx, h.Tenant, h.Clock.Now()); err != nil {
			t.Fatal(err)
		}
		posts := h.Posting.Posts()
		if len(posts) != 1 || posts[0].Message.Title != "Bilan hebdomadaire du mentorat : semaine du 26 octobre 2026 (2026-W44)" {
			t.Fatalf("got %+v, want the digest in French", posts)
		}
		// An empty week agrees in French: 0 takes the singular, and
		// « aucun » (sujet) is not « aucune » (note).
		MustLines(t, posts[0].Message.Text,
			"• Propositions\u202f: 0 acceptée, 0 déclinée, 0 expirée (semaine précédente\u202f: 0 acceptée, 0 déclinée, 0 expirée)",
			// An introduction is a « mise en relation » everywhere.
			"• Mises en relation\u202f: 0 (semaine précédente\u202f: 0)",
			"• Note moyenne\u202f: aucune (semaine précédente\u202f: aucune)",
			"• «\u202fMon mentor a répondu à mes questions\u202f»\u202f: aucune réponse (semaine précédente\u202f: aucune réponse)",
			"Demandés dans la semaine\u202f: aucun",
			"Demandés, mais que personne ne propose\u202f: aucun",
		)
	})
	t.Run("OKNoChannel", func(t *testing.T) {
		h := MustAdminHarness(t)
		if err := h.Bot.PostDigest(ctx, h.Tenant, h.Clock.Now()); err != nil {
			t.Fatal(err)
		}
		if posts := h.Posting.Posts(); len(posts) != 0 {
			t.Fatalf("got %+v, want nothing posted without a channel", posts)
		}
	})
	t.Run("OKWithoutUploader", func(t *testing.T) {
		h := MustAdminHarness(t)
		p := &posterOnly{Platform: h.Platform}
		h.Bot.Register(h.Tenant.Platform, p)
		h.Run("alice", "admin digest-channel managers")
		if err := h.Bot.PostDigest(ctx, h.Tenant, h.Clock.Now()); err != nil {
			t.Fatal(err)
		}
		if len(p.posts) != 1 || p.posts[0].Title == "" {
			t.Fatalf("got %+v, want the digest posted without its chart", p.posts)
		}
	})
	t.Run("ErrPlatformThenRetry", func(t *testing.T) {
		h := MustAdminHarness(t)
		h.Run("alice", "admin digest-channel managers")
		h.Platform.Fail = bot.Wrap(bot.EUNAVAILABLE, errors.New("down"), "post")
		err := h.Bot.PostDigest(ctx, h.Tenant, h.Clock.Now())
		if bot.ErrorCode(err) != bot.EUNAVAILABLE {
			t.Fatalf("got %v, want EUNAVAILABLE", err)
		}
		h.Platform.Fail = nil
		if err := h.Bot.PostDigest(ctx, h.Tenant, h.Clock.Now()); err != nil {
			t.Fatal(err)
		}
		if posts := h.Posting.Posts(); len(posts) != 1 {
			t.Fatalf("got %d posts, want the digest posted on the retry", len(posts))
		}
	})
}

// TestEscalationSaysWhy: the managers are told why a request still waits,
// as the matcher sees it, not only that it does.
func TestEscalationSaysWhy(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("alice", "admin digest-channel #C42")
	h.Run("bob", "offer go")
	h.Run("dan", "request rust")
	MustTick(t, h.Harness, 8*24*time.Hour)
	var got []string
	for _, p := range h.Posting.Posts() {
		if p.Message.Title == "A request is waiting for a mentor" {
			got = append(got, p.Message.Text)
		}
	}
	want := "Dan's request on “rust” has waited 8 days without a mentor. Could you find someone who offers this topic?\nWhy it waits: Nobody offers “rust” yet."
	if len(got) != 1 || got[0] != want {
		t.Fatalf("got escalations %q, want one: %q", got, want)
	}
}

// TestDigestChannelSaysItsLanguage: a manager who reads another language
// than the program's is told, as the channel is set, that the digest is
// written in the workspace's language and how to change it; one who reads
// the same is told nothing more.
func TestDigestChannelSaysItsLanguage(t *testing.T) {
	h := MustAdminHarness(t)
	MustLines(t, h.Run("alice", "admin digest-channel #mentoring").Message.Text,
		"Done: the weekly digest will be posted in #mentoring every Monday morning, with what needs your eye.")
	if r := h.Run("alice", "admin digest-channel #mentoring"); strings.Contains(r.Message.Text, "written in") {
		t.Fatalf("got %q, want no word on the language the manager reads", r.Message.Text)
	}
	h.Run("alice", "lang fr")
	MustLines(t, h.Run("alice", "admin digest-channel #mentoring").Message.Text,
		"Il est rédigé en anglais, la langue de l'espace de travail. Pour la changer\u202f: `/mentor admin réglages langue-défaut:fr`.")
}
