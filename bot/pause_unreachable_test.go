package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestUnreachableMentorPaused: a proposal that cannot reach its mentor,
// who has not left (direct messages closed), is released, not declined:
// the mentor is paused, told why in their status, counted in the
// managers' digest, and once they resume the request goes to them. A
// mentor who left still declines (the request never goes back to them).
func TestUnreachableMentorPaused(t *testing.T) {
	h := MustAdminHarness(t)
	ctx := context.Background()
	h.Run("bob", "offer go capacity:2 languages:en,fr") // his languages stay when he reads French
	h.Platform.Closed["bob"] = true
	MustContain(t, h.Run("carol", "request go"), "couldn't reach")

	r, err := h.Store.OpenRequest(ctx, h.Tenant.Member("carol"))
	if err != nil || r.State != bot.RequestWaiting || len(r.Declined) != 0 {
		t.Fatalf("got %+v, %v: want carol's request waiting, declined by nobody", r, err)
	}
	p, err := h.Store.GetPause(ctx, h.Tenant.Member("bob"))
	if err != nil || !p.Unreachable || !p.Offer {
		t.Fatalf("got pause %+v, %v: want bob's offer paused as unreachable", p, err)
	}
	if o, _ := h.Store.GetOffer(ctx, h.Tenant.Member("bob")); !o.Paused || o.Pending != 0 {
		t.Fatalf("got offer %+v, want it paused with no slot taken", o)
	}
	for _, lang := range []bot.Lang{bot.English, bot.French} {
		h.Run("bob", "lang "+string(lang))
		MustContain(t, h.Run("bob", "status"), bot.T(lang, "home.paused_unreachable"))
	}
	h.Run("bob", "lang en")
	digest, _, err := h.Bot.Digest(ctx, h.Tenant, h.Clock.Now())
	if err != nil || !strings.Contains(digest.Text, "1 mentor is paused because a proposal couldn't reach them by direct message") {
		t.Fatalf("got digest %q, %v: want the paused mentor counted", digest.Text, err)
	}
	if strings.Contains(digest.Text, "Paused for leaving messages unanswered") {
		t.Errorf("got digest %q, want the mentor not counted as unanswering", digest.Text)
	}

	// Resuming while still unreachable: the waiting request is tried, fails
	// again, and bob is told he is paused again, not welcomed back.
	for _, lang := range []bot.Lang{bot.English, bot.French} {
		h.Run("bob", "lang "+string(lang))
		MustContain(t, h.Run("bob", "resume"), bot.T(lang, "pause.resumed_unreachable"))
		if p, err := h.Store.GetPause(ctx, h.Tenant.Member("bob")); err != nil || !p.Unreachable {
			t.Fatalf("got pause %+v, %v after resuming unreachable, want bob paused again", p, err)
		}
	}
	h.Run("bob", "lang en")
	h.Platform.Take()
	delete(h.Platform.Closed, "bob")
	h.Run("bob", "resume")
	got := h.Platform.To("bob")
	if len(got) == 0 || !strings.Contains(got[len(got)-1].Title, "Mentoring request: go") {
		t.Fatalf("got %+v, want carol's request proposed to bob once he resumed", got)
	}

	// A mentor who left declines: the request never goes back to them.
	h.Run("dan", "offer rust")
	h.Platform.Gone["dan"] = true
	h.Run("erin", "request rust")
	r, _ = h.Store.OpenRequest(ctx, h.Tenant.Member("erin"))
	if len(r.Declined) != 1 || r.Declined[0] != "dan" {
		t.Fatalf("got %+v, want dan, who left, counted as declining", r)
	}
	if _, err := h.Store.GetPause(ctx, h.Tenant.Member("dan")); bot.ErrorCode(err) != bot.ENOTFOUND {
		t.Fatalf("got %v, want no pause for a mentor who left", err)
	}
}
