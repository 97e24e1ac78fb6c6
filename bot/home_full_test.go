package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestStatusFullOffer: a mentor whose places are all taken (a pair, or a
// proposal waiting for their answer) is shown as full, not open to
// requests, in /mentor status and the App Home, in either language; a
// place freed shows the offer open again.
func TestStatusFullOffer(t *testing.T) {
	ctx := context.Background()
	for _, lang := range []bot.Lang{bot.English, bot.French} {
		t.Run(string(lang), func(t *testing.T) {
			h := MustHarness(t)
			h.Run("bob", "lang "+string(lang))
			h.Run("bob", "offer go capacity:1 languages:en,fr")
			open := bot.T(lang, "status.offer", "topics", "go", "state", bot.T(lang, "status.offer_open"))
			full := bot.T(lang, "status.offer", "topics", "go", "state", bot.T(lang, "status.offer_full"))
			MustContain(t, h.Run("bob", "status"), open)

			h.Run("carol", "request go")
			MustContain(t, h.Run("bob", "status"), full) // a proposal waiting takes the place
			h.Click("bob", "bob", bot.ActionProposalAccept)
			status := h.Run("bob", "status")
			MustContain(t, status, full)
			if strings.Contains(status.Message.Text, bot.T(lang, "status.offer_open")) {
				t.Fatalf("got %q, want no \"open\" for a full offer", status.Message.Text)
			}
			home, _, _, err := h.Bot.Home(ctx, h.Tenant.Member("bob"), "", true)
			if err != nil || !strings.Contains(home.Text, full) {
				t.Fatalf("got home %q (%v), want %q", home.Text, err, full)
			}

			h.Run("bob", "offer capacity:2")
			MustContain(t, h.Run("bob", "status"), open)
			h.Run("bob", "pause")
			MustContain(t, h.Run("bob", "status"), bot.T(lang, "status.offer", "topics", "go", "state", bot.T(lang, "status.offer_paused")))
		})
	}
	MustContain(t, bot.Reply{Message: bot.Message{Text: bot.T(bot.English, "status.offer_full")}}, "full: no new requests until a place frees up")
	MustContain(t, bot.Reply{Message: bot.Message{Text: bot.T(bot.French, "status.offer_full")}}, "offre complète\u202f: pas de nouvelle demande avant qu'une place se libère")
}
