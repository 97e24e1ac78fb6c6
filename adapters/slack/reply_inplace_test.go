package slack_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
)

// rekeeper is a keeper that can replace what it keeps (bot.Bot.Rekeep).
type rekeeper struct{ *keeper }

func (k *rekeeper) Rekeep(_ context.Context, _ bot.Tenant, key string, data []byte) (bool, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if _, ok := k.kept[key]; !ok {
		return false, nil
	}
	k.kept[key] = data
	return true, nil
}

// TestClickReplyKeptInPlace: a click whose reply replaces the clicked
// message has that reply kept in the click's place before it goes out,
// and forgotten only once Slack took it. A replica killed meanwhile
// leaves the reply, which another replica sends (the same chat.update,
// which the member cannot see twice), and never the click, which would
// run again. Before, the click was forgotten before its reply went out,
// and a kill in between lost the reply (mentorload: 4 in a run).
func TestClickReplyKeptInPlace(t *testing.T) {
	k := &rekeeper{&keeper{recorder: &recorder{reply: bot.Reply{Replace: true, Message: bot.Message{Text: "You accepted"}}}, kept: map[string][]byte{}}}
	r := MustRig(t, k)
	r.fake.Fail("chat.update", slackfake.Failure{Late: time.Second}) // taken at once, answered late
	click := slackfake.Click{Team: "T1", User: "U1", Channel: "DU1", TS: "1.2", ResponseURL: r.fake.ResponseURL("click"), TriggerID: "tr1",
		Button: slackfake.Button{ActionID: "mentor.accept", Value: "x", Text: "Accept"}}
	if status, _ := r.post(t, "/slack/interactions", time.Now(), click.Body()); status != http.StatusOK {
		t.Fatalf("got %d, want 200", status)
	}
	r.fake.WaitCalls(t, "chat.update", 1, nil, 5*time.Second)
	// Slack has the update and has not answered: what a replica would
	// hand back now is the reply, not the click.
	kept := k.all()
	if len(kept) != 1 || !strings.Contains(string(kept[0]), `"Reply"`) || !strings.Contains(string(kept[0]), "You accepted") {
		t.Fatalf("got kept %q while the reply is in flight, want the reply kept in the click's place", kept)
	}
	if err := r.a.Redeliver(context.Background(), bot.Tenant{Platform: "slack", Workspace: "T1"}, kept[0]); err != nil {
		t.Fatal(err)
	}
	r.fake.WaitCalls(t, "chat.update", 2, nil, 5*time.Second)
	for _, c := range r.fake.Calls("chat.update") {
		if c.Get("channel") != "DU1" || c.Get("ts") != "1.2" || !strings.Contains(c.AllText(), "You accepted") {
			t.Fatalf("got update %v, want the same reply replacing the clicked message", c.Params)
		}
	}
	if n := len(k.Actions()); n != 1 {
		t.Fatalf("got the click run %d times, want once", n)
	}
	deadline := time.Now().Add(10 * time.Second)
	for len(k.all()) > 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if n := len(k.all()); n != 0 {
		t.Fatalf("got %d kept after Slack answered, want the reply forgotten", n)
	}
}
