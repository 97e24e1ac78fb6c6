package slack_test

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
)

// homeBot is a fake bot with homes: it answers Home with a fixed
// message, shown only to those who opened their home, and counts calls.
type homeBot struct {
	recorder
	home bot.Message

	mu     sync.Mutex
	opened map[bot.MemberID]bool
	calls  int
}

func (h *homeBot) Home(ctx context.Context, m bot.MemberID, locale string, opened bool) (bot.Message, bot.Lang, bool, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.calls++
	if opened {
		if h.opened == nil {
			h.opened = map[bot.MemberID]bool{}
		}
		h.opened[m] = true
	}
	return h.home, bot.English, h.opened[m], nil
}

// TestAppHome: a signed app_home_opened event publishes the home (a
// Messages tab does not); the published view stays within Block Kit's
// limits however big the home; changes close together are published
// once, and never to a member who did not open their home.
func TestAppHome(t *testing.T) {
	var buttons []bot.Button
	for range 40 {
		// Repeated action IDs, as a home's end buttons are.
		buttons = append(buttons, bot.Button{Label: strings.Repeat("End the pair with someone ", 5), ActionID: bot.ActionEndAsk, Value: "@U1:pair"})
	}
	h := &homeBot{home: bot.Message{
		Title:   strings.Repeat("Your mentoring ", 20),
		Text:    strings.Repeat("Mentor of Dan on “go”: active\n    Goals:\n      • "+strings.Repeat("x", 900)+"\n", 120),
		Fields:  []bot.Field{{Label: "Capacity", Value: "1 of 2 in use"}},
		Buttons: buttons,
	}}
	fake := MustFakeOf(t, "T1")
	fake.AnyUser()
	r := MustRigOn(t, fake, h, func(o *slack.Options) { o.HomeDelay = 30 * time.Millisecond })

	open := func(user, tab, id string) {
		t.Helper()
		if status, body := r.post(t, "/slack/events", time.Now(), slackfake.HomeOpened("T1", id, user, tab)); status != http.StatusOK {
			t.Fatalf("got %d %q, want 200", status, body)
		}
	}
	open("U1", "messages", "Ev1")
	open("U1", "home", "Ev2")
	open("U1", "home", "Ev2") // a retry of the same event: once
	calls := fake.WaitCalls(t, "views.publish", 1, nil, 5*time.Second)
	if err := slackfake.CheckView(calls[0].View()); err != nil || calls[0].Answer["ok"] != true {
		t.Fatalf("got view refused (%v, %v), want it within Block Kit's limits", err, calls[0].Answer)
	}
	if got := calls[0].Get("user_id"); got != "U1" {
		t.Fatalf("got views.publish to %q, want U1", got)
	}

	// Five changes for U1 and one for U2, who never opened their home.
	for range 5 {
		r.a.HomeChanged(member("U1"))
	}
	r.a.HomeChanged(member("U2"))
	r.a.HomeChanged(bot.MemberID{Platform: "discord", Workspace: "T1", User: "U3"}) // not Slack's
	fake.WaitCalls(t, "views.publish", 2, nil, 5*time.Second)
	// U2's home is built in the background too: wait for it (a loaded
	// machine can take more than a moment), then for anything more.
	asked := func() int {
		h.mu.Lock()
		defer h.mu.Unlock()
		return h.calls
	}
	for deadline := time.Now().Add(5 * time.Second); asked() < 3 && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(100 * time.Millisecond)
	if n := fake.Count("views.publish"); n != 2 {
		t.Fatalf("got %d views.publish, want 2: one on opening, one for the five changes", n)
	}
	if n := asked(); n != 3 {
		t.Fatalf("got %d homes asked for, want 3: the opening, U1's changes, U2's (not shown)", n)
	}
}

// TestAppHomeOpenedAfterChange: a member who acts and opens their home
// before the refresh's delay is over gets one views.publish, on opening:
// the refresh still waiting would publish the same home again (it did,
// and cmd's TestSlackHome saw two once under load).
func TestAppHomeOpenedAfterChange(t *testing.T) {
	h := &homeBot{home: bot.Message{Text: "Your mentoring"}}
	fake := MustFakeOf(t, "T1")
	fake.AnyUser()
	const delay = 200 * time.Millisecond
	r := MustRigOn(t, fake, h, func(o *slack.Options) { o.HomeDelay = delay })
	r.a.HomeChanged(member("U1")) // the command's change, before any home was opened
	if status, body := r.post(t, "/slack/events", time.Now(), slackfake.HomeOpened("T1", "Ev1", "U1", "home")); status != http.StatusOK {
		t.Fatalf("got %d %q, want 200", status, body)
	}
	fake.WaitCalls(t, "views.publish", 1, nil, 5*time.Second)
	time.Sleep(3 * delay)
	if n := fake.Count("views.publish"); n != 1 {
		t.Fatalf("got %d views.publish, want 1: on opening only", n)
	}
}
