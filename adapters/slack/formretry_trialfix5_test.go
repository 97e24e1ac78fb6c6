package slack_test

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	mrand "math/rand/v2"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/store/inmem"
)

// flakyStore is the in-memory store whose member records, while down,
// cannot be read: what the core meets when Redis is unreachable.
type flakyStore struct {
	*inmem.Store
	down atomic.Bool
}

func (s *flakyStore) GetMember(ctx context.Context, id bot.MemberID) (bot.Member, error) {
	if s.down.Load() {
		return bot.Member{}, bot.Wrap(bot.EUNAVAILABLE, errors.New("dial tcp 127.0.0.1:6379: connect: connection refused"), "get member")
	}
	return s.Store.GetMember(ctx, id)
}

// mustFormRig is the real core on st behind the adapter, whose member
// UFR reads French; it opens UFR's "request" form and returns the view.
func mustFormRig(t *testing.T, cfg bot.Config, st bot.Store) (*rig, map[string]any) {
	t.Helper()
	fake := MustFakeOf(t, "T1")
	fake.AddUser(slackfake.User{ID: "UFR", Name: "fr", RealName: "Françoise", TZ: "Europe/Paris", Locale: "fr-FR"})
	clock := bot.NewManualClock(time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	b := bot.New(cfg, st, clock, mrand.NewChaCha8([32]byte{1}), slog.New(slog.DiscardHandler))
	r := MustRigOn(t, fake, b, func(o *slack.Options) { o.DirectoryRefresh, o.AckBudget = -1, 5*time.Second })
	b.Register(slack.Platform, r.a)
	if _, err := r.a.ReadDirectory(t.Context()); err != nil {
		t.Fatal(err)
	}
	if body, _ := r.command(t, slackfake.Command{Team: "T1", User: "UFR", Text: "request", ResponseURL: r.fake.ResponseURL("cmd"), TriggerID: "tr-form"}); body != "" {
		t.Fatalf("got ack %q, want an empty ack for a form", body)
	}
	return r, r.fake.WaitCalls(t, "views.open", 1, nil, 5*time.Second)[0].View()
}

// firstBlock is the block_id of the view's first input.
func firstBlock(t *testing.T, view map[string]any) string {
	t.Helper()
	blocks, _ := view["blocks"].([]any)
	for _, b := range blocks {
		if m, ok := b.(map[string]any); ok && m["type"] == "input" {
			return str(m["block_id"])
		}
	}
	t.Fatalf("got view %v, want an input", view)
	return ""
}

// TestFormRefusedStaysOpen: a form submitted over the rate limit, or
// while the store is unreachable, changed nothing: the modal stays open
// (response_action: errors) with the core's sentence, in the member's
// language, under its first field, as when the bot is busy, so that
// what was typed is not lost. Nothing goes to response_url.
func TestFormRefusedStaysOpen(t *testing.T) {
	for _, tt := range []struct {
		name string
		key  string
		cfg  bot.Config
		down bool
	}{
		{"RateLimited", "err.slow_down", bot.Config{RateLimit: bot.RateLimit{Commands: 1, Window: time.Minute}}, false},
		{"StoreDown", "err.unavailable", bot.Config{}, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			st := &flakyStore{Store: inmem.New(nil)}
			r, view := mustFormRig(t, tt.cfg, st)
			st.down.Store(tt.down)
			first := firstBlock(t, view)
			sub := slackfake.Submission{Team: "T1", User: "UFR", View: view, Values: map[string]string{"topic": "go", "goal": "un long objectif soigneusement rédigé"}}
			status, body := r.post(t, "/slack/interactions", time.Now(), sub.Body())
			var ack struct {
				Action string            `json:"response_action"`
				Errors map[string]string `json:"errors"`
			}
			_ = json.Unmarshal([]byte(body), &ack)
			want := bot.T(bot.French, tt.key)
			if status != http.StatusOK || ack.Action != "errors" || ack.Errors[first] != want || len(ack.Errors) != 1 {
				t.Fatalf("got %d %q, want the modal kept open with %q under %s", status, body, want, first)
			}
			time.Sleep(100 * time.Millisecond)
			for _, c := range r.fake.Calls("response_url") {
				if strings.Contains(c.AllText(), want) {
					t.Fatalf("got %q through response_url too, want it in the modal only", c.AllText())
				}
			}
		})
	}
}
