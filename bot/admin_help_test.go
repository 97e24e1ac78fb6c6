package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestAdminHelpWays: "/mentor admin" and "/mentor help admin" show the
// managers' help to a manager, in their language; a member who is not a
// manager is told what those commands are for, and nothing is recorded.
func TestAdminHelpWays(t *testing.T) {
	h := MustAdminHarness(t)
	ctx := context.Background()
	for _, text := range []string{"admin", "help admin", "admin help", "HELP Admin"} {
		t.Run("Manager "+text, func(t *testing.T) {
			r := h.Run("alice", text)
			if r.Message.Title != "mentorbot: the managers' commands" || !strings.Contains(r.Message.Text, "/mentor admin pair") {
				t.Fatalf("got %+v, want the managers' help", r.Message)
			}
		})
	}
	t.Run("PlatformAdminOK", func(t *testing.T) {
		r := h.Bot.HandleCommand(ctx, bot.Command{Member: h.Tenant.Member("olga"), Text: "help admin", IsAdmin: true})
		if r.Message.Title != "mentorbot: the managers' commands" {
			t.Fatalf("got %+v, want the managers' help for a workspace administrator", r.Message)
		}
	})
	t.Run("NotManagerHelp", func(t *testing.T) {
		r := h.Run("zoe", "help admin")
		want := "The `/mentor admin` commands are for the program's managers: they follow the program, pair members by hand and change its settings. If you would like to help run it, tell one of them. Your own commands are in `/mentor help`."
		if r.Message.Text != want {
			t.Fatalf("got %q, want %q", r.Message.Text, want)
		}
		if _, err := h.Store.GetMember(ctx, h.Tenant.Member("zoe")); bot.ErrorCode(err) != bot.ENOTFOUND {
			t.Fatalf("got %v, want zoe not recorded by help", err)
		}
	})
	t.Run("NotManagerAdmin", func(t *testing.T) {
		if r := h.Run("zoe", "admin"); r.Message.Text != "Sorry, only the program's managers can do that." {
			t.Fatalf("got %q", r.Message.Text)
		}
	})
	t.Run("FrenchOK", func(t *testing.T) {
		h.Run("alice", "lang fr")
		h.Run("yves", "lang fr")
		if r := h.Run("alice", "admin"); r.Message.Title != bot.T(bot.French, "admin.help.title") {
			t.Fatalf("got %+v, want the managers' help in French", r.Message)
		}
		if r := h.Run("yves", "help admin"); !strings.HasPrefix(r.Message.Text, "Les commandes `/mentor admin` sont réservées aux responsables du programme\u202f:") {
			t.Fatalf("got %q", r.Message.Text)
		}
	})
}
