package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestReadOnlyCommandsRecordNobody: a newcomer who only looks (status,
// help) is answered in the language their platform gives, and the bot
// stores nothing about them; the first command that changes something
// records them.
func TestReadOnlyCommandsRecordNobody(t *testing.T) {
	h := MustHarness(t)
	h.Platform.Locales["elise"] = "fr-FR"
	ctx := context.Background()
	mustUnknown := func(user string) {
		t.Helper()
		if _, err := h.Store.GetMember(ctx, h.Tenant.Member(user)); bot.ErrorCode(err) != bot.ENOTFOUND {
			t.Fatalf("got %s recorded (err %v), want no record", user, err)
		}
	}

	r := h.Run("elise", "status")
	if r.Message.Title != bot.T(bot.French, "status.title") || !strings.Contains(r.Message.Text, bot.T(bot.French, "status.no_request")) {
		t.Fatalf("got status %q / %q, want the empty status in French", r.Message.Title, r.Message.Text)
	}
	h.Run("elise", "help")
	h.Run("elise", "help offer")
	mustUnknown("elise")

	r = h.Run("elise", "offer go")
	if !strings.Contains(r.Message.Text, bot.T(bot.French, "offer.saved", "topics", "go")) {
		t.Fatalf("got %q, want the offer saved, in French", r.Message.Text)
	}
	m, err := h.Store.GetMember(ctx, h.Tenant.Member("elise"))
	if err != nil || m.Name != "Elise" || m.Lang != bot.French {
		t.Fatalf("got member %+v, %v; want Elise recorded, in French", m, err)
	}
	r = h.Run("elise", "status")
	if !strings.Contains(r.Message.Text, "go") {
		t.Fatalf("got status %q, want her offer on go", r.Message.Text)
	}
}
