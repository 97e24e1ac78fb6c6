package bot_test

import (
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// TestConfigManagersByWorkspace: an entry "workspace:user" of
// MENTORBOT_MANAGERS makes a manager of that workspace (a Slack team or
// a Discord guild) only; a plain user ID stays a manager everywhere, as
// before.
func TestConfigManagersByWorkspace(t *testing.T) {
	st := storetest.MustMemory(t)
	one, two := storetest.Tenant(t, "test"), storetest.Tenant(t, "test")
	two.Platform = one.Platform // the same platform, as two guilds of one bot
	managers := []string{one.Workspace + ":carol", "dave"}
	h1 := bottest.New(t, st, one, bot.Config{Managers: managers})
	h2 := bottest.New(t, st, two, bot.Config{Managers: managers})
	manages := func(h *bottest.Harness, user string) bool {
		return h.Run(user, "admin help").Message.Title == "mentorbot: the managers' commands"
	}
	for _, tc := range []struct {
		name string
		h    *bottest.Harness
		user string
		want bool
	}{
		{"QualifiedOK", h1, "carol", true},
		{"QualifiedErrOtherWorkspace", h2, "carol", false},
		{"UnqualifiedOKFirst", h1, "dave", true},
		{"UnqualifiedOKSecond", h2, "dave", true},
		{"ErrNotListed", h1, "erin", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := manages(tc.h, tc.user); got != tc.want {
				t.Fatalf("got manager %v, want %v", got, tc.want)
			}
		})
	}
	t.Run("ListOK", func(t *testing.T) {
		r := h1.Run("carol", "admin managers list")
		if !strings.Contains(r.Message.Text, "• Carol (from the configuration)\n• Dave (from the configuration)") {
			t.Fatalf("got %q, want carol and dave", r.Message.Text)
		}
		r = h2.Run("dave", "admin managers list")
		if strings.Contains(r.Message.Text, "Carol") || !strings.Contains(r.Message.Text, "• Dave (from the configuration)") {
			t.Fatalf("got %q, want dave only", r.Message.Text)
		}
	})
}

func TestUnqualifiedManagers(t *testing.T) {
	got := bot.UnqualifiedManagers([]string{"U1", " 123456789012345678 ", "T1:U2", "slack:T1:U3", ""})
	if strings.Join(got, ",") != "U1,123456789012345678" {
		t.Fatalf("got %q, want the two plain user IDs", got)
	}
}
