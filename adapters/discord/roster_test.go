package discord_test

import (
	"context"
	"net/http"
	"testing"
)

// TestStillMember: GET guilds/{guild}/members/{user} tells whether a
// member is still in the server; only Unknown Member says they left, and
// any other failure (a 404 without it, such as Unknown Guild, or an
// outage) is an error, never a leave.
func TestStillMember(t *testing.T) {
	h := MustHarness(t)
	ctx := context.Background()
	h.REST.Leave(mentee)
	t.Run("OK", func(t *testing.T) {
		if still, err := h.Adapter.StillMember(ctx, h.Member(mentor1)); err != nil || !still {
			t.Errorf("got %v, %v, want the member still there", still, err)
		}
	})
	t.Run("UnknownMember", func(t *testing.T) {
		if still, err := h.Adapter.StillMember(ctx, h.Member(mentee)); err != nil || still {
			t.Errorf("got %v, %v, want the member gone", still, err)
		}
	})
	t.Run("Other404", func(t *testing.T) {
		h.REST.Fail("GET guilds/", 1, http.StatusNotFound)
		if _, err := h.Adapter.StillMember(ctx, h.Member(mentor1)); err == nil {
			t.Error("got no error for a 404 that is not Unknown Member, want one")
		}
	})
}
