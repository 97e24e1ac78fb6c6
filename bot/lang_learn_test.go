package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestLanguageLearnedAfterAdminPair: members a manager pairs before they
// ever used the bot are recorded from the directory, which on Discord
// tells no language. Their first click or command then records the
// language of their own client, so that the direct messages that follow
// are in it, as the replies to their clicks already were, and not in
// the workspace's language.
func TestLanguageLearnedAfterAdminPair(t *testing.T) {
	h := MustAdminHarness(t)
	ctx := context.Background()
	h.Run("mia", "offer go capacity:1 languages:fr,en")
	h.Run("alice", "admin pair @mia @ann go kind:one-to-one")
	if m, err := h.Store.GetMember(ctx, h.Tenant.Member("ann")); err != nil || m.Lang != "" {
		t.Fatalf("got %+v, %v: want ann recorded without a language (no locale in the directory)", m, err)
	}
	h.Platform.Take()
	// Ann's client is in French: her click's reply is, and so is what
	// follows.
	b := h.Button("ann", bot.ActionCharterAccept)
	r := h.Bot.HandleAction(ctx, bot.Action{Member: h.Tenant.Member("ann"), ActionID: b.ActionID, Value: b.Value, Locale: "fr"})
	if r.Lang != bot.French {
		t.Fatalf("got the click's reply in %q, want French", r.Lang)
	}
	if m, _ := h.Store.GetMember(ctx, h.Tenant.Member("ann")); m.Lang != bot.French {
		t.Fatalf("got ann's language %q after her click in French, want fr recorded", m.Lang)
	}
	h.Click("mia", "mia", bot.ActionCharterAccept)
	var intro string
	for _, m := range h.Platform.To("ann") {
		intro = m.Title
	}
	if !strings.HasPrefix(intro, "Mise en relation") {
		t.Fatalf("got ann's introduction titled %q, want it in French", intro)
	}
	// A typed command records it too; a language the member chose is
	// never overwritten by their client's.
	h.Run("alice", "admin pair @mia @zoe go kind:flash confirm:yes")
	h.Bot.HandleCommand(ctx, bot.Command{Member: h.Tenant.Member("zoe"), Text: "status", Locale: "fr"})
	h.Bot.HandleCommand(ctx, bot.Command{Member: h.Tenant.Member("zoe"), Text: "goals add learn", Locale: "fr-FR"})
	if m, _ := h.Store.GetMember(ctx, h.Tenant.Member("zoe")); m.Lang != bot.French {
		t.Fatalf("got zoe's language %q after a command in French, want fr", m.Lang)
	}
	h.Run("ann", "lang en")
	h.Bot.HandleCommand(ctx, bot.Command{Member: h.Tenant.Member("ann"), Text: "status", Locale: "fr"})
	if m, _ := h.Store.GetMember(ctx, h.Tenant.Member("ann")); m.Lang != bot.English {
		t.Fatalf("got ann's language %q, want her choice kept", m.Lang)
	}
}
