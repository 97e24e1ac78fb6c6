package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"
)

// TestTrialfixStatsWeekIsThatWeek: under the last complete week's
// heading, /mentor admin stats shows that week as its digest did, never
// today's state; what is true now (the topics on offer, the requests
// waiting, made this week too) comes under a heading that says so. In
// English and French.
func TestTrialfixStatsWeekIsThatWeek(t *testing.T) {
	for _, c := range []struct {
		lang, last, now, offerNone, offerGo, waiting string
	}{
		{"en", "*The last complete week:", "*Right now*", "On offer (mentors per topic): none", "On offer (mentors per topic): go (1), sql (1)", "Requests waiting for a mentor (1)"},
		{"fr", "*La dernière semaine complète\u202f:", "*En ce moment*", "Proposés (mentors par sujet)\u202f: aucun", "Proposés (mentors par sujet)\u202f: go (1), sql (1)", "Demandes en attente d'un mentor (1)"},
	} {
		t.Run(c.lang, func(t *testing.T) {
			h := MustAdminHarness(t)
			h.Run("alice", "lang "+c.lang)
			h.Run("alice", "admin settings default-lang:"+c.lang+" digest-channel:#managers")
			h.Run("bob", "offer go, sql")
			h.Clock.Advance(8 * 24 * time.Hour) // Tuesday 10 November, week 46
			if err := h.Bot.PostDigest(context.Background(), h.Tenant, h.Clock.Now()); err != nil {
				t.Fatal(err)
			}
			posts := h.Posting.Posts()
			if len(posts) != 1 || !strings.Contains(posts[0].Message.Text, c.offerGo) {
				t.Fatalf("got digest %+v, want %q", posts, c.offerGo)
			}
			h.Run("bob", "pause")
			h.Run("dan", "request rust") // this week, after the week reported
			text := h.Run("alice", "admin stats").Message.Text
			now, last := strings.Index(text, c.now), strings.Index(text, c.last)
			if now < 0 || last < 0 || now > last {
				t.Fatalf("got %q, want %q before %q", text, c.now, c.last)
			}
			week := text[last:]
			for _, live := range []string{c.offerNone, c.offerGo, c.waiting} {
				if strings.Contains(week, live) {
					t.Errorf("the last week's section says %q: %q", live, week)
				}
			}
			for _, want := range []string{c.offerNone, c.waiting} {
				if !strings.Contains(text[now:last], want) {
					t.Errorf("the now section lacks %q: %q", want, text[now:last])
				}
			}
		})
	}
}
