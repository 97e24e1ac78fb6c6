package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestSpeedEventLanguage: an event's registration message is posted in
// the workspace's language, and a manager who reads another is told so
// and how to post it in theirs; lang: posts it in one language or both,
// and its cancellation notice follows.
func TestSpeedEventLanguage(t *testing.T) {
	const event = `admin événement "Speed mentoring 12 décembre" tours:2 minutes:15 début:12/11/2026 à 18h30 canal:#general`
	t.Run("Default", func(t *testing.T) {
		h := MustAdminHarness(t)
		h.Run("alice", "lang fr")
		r := h.Run("alice", event)
		want := bot.T(bot.French, "event.opened_lang", "lang", "anglais", "other", "fr", "name", "Speed mentoring 12 décembre")
		if !strings.Contains(r.Message.Text, want) || !strings.Contains(want, "`langue:fr`") {
			t.Fatalf("got %q, want it to say %q", r.Message.Text, want)
		}
		posts := h.Posting.Posts()
		if len(posts) != 1 || !strings.HasPrefix(posts[0].Message.Text, "2 short sessions of 15 minutes") {
			t.Fatalf("got posts %+v, want the registration in English", posts)
		}
	})
	t.Run("French", func(t *testing.T) {
		h := MustAdminHarness(t)
		h.Run("alice", "lang fr")
		r := h.Run("alice", event+" langue:fr")
		if strings.Contains(r.Message.Text, "anglais") {
			t.Fatalf("got %q, want no word of the workspace's language", r.Message.Text)
		}
		posts := h.Posting.Posts()
		if len(posts) != 1 || posts[0].Message.Lang != bot.French || !strings.HasPrefix(posts[0].Message.Text, "2 courtes rencontres") ||
			posts[0].Message.Buttons[0].Label != bot.T(bot.French, "btn.speed_mentor") {
			t.Fatalf("got posts %+v, want the registration in French", posts)
		}
	})
	t.Run("Both", func(t *testing.T) {
		h := MustAdminHarness(t)
		h.Run("alice", event+" lang:both")
		posts := h.Posting.Posts()
		if len(posts) != 1 {
			t.Fatalf("got posts %+v, want one", posts)
		}
		m := posts[0].Message
		if m.Title != "Speed mentoring 12 décembre" || !strings.Contains(m.Text, "2 short sessions") || !strings.Contains(m.Text, "2 courtes rencontres") ||
			m.Buttons[0].Label != bot.T(bot.English, "btn.speed_mentor")+" / "+bot.T(bot.French, "btn.speed_mentor") {
			t.Fatalf("got %+v, want the registration in English then French", m)
		}
		confirm := h.Run("alice", `admin events cancel "Speed mentoring 12 décembre"`)
		b := confirm.Message.Buttons[0]
		h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("alice"), ActionID: b.ActionID, Value: b.Value})
		h.Tick()
		posts = h.Posting.Posts()
		if len(posts) != 1 || !strings.Contains(posts[0].Message.Text, "is cancelled") || !strings.Contains(posts[0].Message.Text, "est annulé") {
			t.Fatalf("got posts %+v, want the cancellation in both languages", posts)
		}
	})
}
