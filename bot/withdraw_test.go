package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestWithdrawButton: the status's "Withdraw my request" asks first; "No"
// keeps the request; "Yes" withdraws it as /mentor cancel does, and tells
// the mentor it was proposed to. A button of a request since withdrawn or
// replaced changes nothing, in the member's language.
func TestWithdrawButton(t *testing.T) {
	h := MustHarness(t)
	h.Run("carol", "offer go languages:en,fr")
	h.Run("dan", "lang fr")
	h.Run("dan", "request go")
	inbox(h)

	status := h.Run("dan", "status")
	ask := clickIn(h, "dan", status, bot.T(bot.French, "btn.withdraw"))
	if ask.Message.Title != bot.T(bot.French, "withdraw.confirm_title") || len(ask.Message.Buttons) != 2 {
		t.Fatalf("got %q with %d buttons, want the confirmation", ask.Message.Title, len(ask.Message.Buttons))
	}
	MustContain(t, ask, bot.T(bot.French, "withdraw.confirm", "topic", "go"))
	MustContain(t, clickIn(h, "dan", ask, bot.ActionWithdrawKeep), bot.T(bot.French, "withdraw.kept", "topic", "go"))
	if _, err := h.Store.OpenRequest(context.Background(), h.Tenant.Member("dan")); err != nil {
		t.Fatalf("got %v, want the request kept", err)
	}
	MustInbox(t, h)

	done := clickIn(h, "dan", ask, bot.ActionWithdrawConfirm)
	MustContain(t, done, bot.T(bot.French, "request.cancelled", "topic", "go"))
	if !done.Replace {
		t.Error("got the confirmation kept, want it replaced by the answer (its buttons gone)")
	}
	MustInbox(t, h, "carol: "+bot.T(bot.English, "proposal.withdrawn", "topic", "go"))

	// Clicked again, or after a new request: nothing changes.
	gone := bot.T(bot.French, "withdraw.gone")
	MustContain(t, clickIn(h, "dan", ask, bot.ActionWithdrawConfirm), gone)
	h.Run("dan", "request go kind:peer")
	inbox(h)
	MustContain(t, clickIn(h, "dan", ask, bot.ActionWithdrawConfirm), gone)
	MustContain(t, clickIn(h, "dan", status, bot.ActionWithdrawAsk), gone)
	if r, err := h.Store.OpenRequest(context.Background(), h.Tenant.Member("dan")); err != nil || r.Kind != "peer" {
		t.Fatalf("got %+v, %v, want the new request left open", r, err)
	}
	// Without an open request, the status offers to ask rather than withdraw.
	h.Run("dan", "cancel")
	if got := labels(h.Run("dan", "status").Message.Buttons); strings.Contains(got, bot.T(bot.French, "btn.withdraw")) {
		t.Fatalf("got buttons %s, want no withdraw without a request", got)
	}
}
