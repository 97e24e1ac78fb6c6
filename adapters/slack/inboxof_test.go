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

// TestForgetAsItsMember: every delivery kept before its ack is forgotten
// as the member it was kept for, whichever way it is forgotten: a
// command or a click once handled (forgetNow), a reply kept in a click's
// place once Slack took it (forgetLater), a kept reply redelivered by
// another replica. The store takes the delivery out of that member's
// index, so that no key names them once it is handled; forgotten as the
// workspace alone, the index stayed for its TTL, an hour.
func TestForgetAsItsMember(t *testing.T) {
	settled := func(t *testing.T, k *keeper) {
		t.Helper()
		deadline := time.Now().Add(5 * time.Second)
		for len(k.all()) > 0 && time.Now().Before(deadline) {
			time.Sleep(20 * time.Millisecond)
		}
		if n := len(k.all()); n != 0 {
			t.Fatalf("got %d deliveries kept, want all forgotten", n)
		}
		if wrong := k.mismatches(); len(wrong) != 0 {
			t.Fatalf("got deliveries forgotten as another member:\n  %s", strings.Join(wrong, "\n  "))
		}
	}
	t.Run("CommandAndClick", func(t *testing.T) {
		k := &keeper{recorder: &recorder{reply: bot.Reply{Message: bot.Message{Text: "done"}}}, kept: map[string][]byte{}}
		r := MustRig(t, k)
		r.command(t, slackfake.Command{Team: "T1", User: "U1", Text: "help", ResponseURL: r.fake.ResponseURL("cmd"), TriggerID: "tr-cmd"})
		click := slackfake.Click{Team: "T1", User: "U2", Channel: "DU2", TS: "1.2", ResponseURL: r.fake.ResponseURL("click"), TriggerID: "tr-click",
			Button: slackfake.Button{ActionID: "mentor.accept", Value: "x", Text: "Accept"}}
		if status, _ := r.post(t, "/slack/interactions", time.Now(), click.Body()); status != http.StatusOK {
			t.Fatalf("got %d, want 200", status)
		}
		r.fake.WaitCalls(t, "response_url", 2, nil, 5*time.Second)
		settled(t, k)
		k.mu.Lock()
		n := len(k.whose)
		k.mu.Unlock()
		if n != 2 {
			t.Fatalf("got %d deliveries kept, want the command and the click", n)
		}
	})
	t.Run("ReplyInPlace", func(t *testing.T) {
		k := &rekeeper{&keeper{recorder: &recorder{reply: bot.Reply{Replace: true, Message: bot.Message{Text: "You accepted"}}}, kept: map[string][]byte{}}}
		r := MustRig(t, k)
		r.fake.Fail("chat.update", slackfake.Failure{Late: 300 * time.Millisecond})
		click := slackfake.Click{Team: "T1", User: "U3", Channel: "DU3", TS: "1.2", ResponseURL: r.fake.ResponseURL("click"), TriggerID: "tr3",
			Button: slackfake.Button{ActionID: "mentor.accept", Value: "x", Text: "Accept"}}
		if status, _ := r.post(t, "/slack/interactions", time.Now(), click.Body()); status != http.StatusOK {
			t.Fatalf("got %d, want 200", status)
		}
		r.fake.WaitCalls(t, "chat.update", 1, nil, 5*time.Second)
		// Another replica hands the reply kept in the click's place back.
		kept := k.all()
		if len(kept) != 1 {
			t.Fatalf("got %d kept while the reply is in flight, want the reply", len(kept))
		}
		if err := r.a.Redeliver(context.Background(), bot.Tenant{Platform: "slack", Workspace: "T1"}, kept[0]); err != nil {
			t.Fatal(err)
		}
		settled(t, k.keeper)
	})
}
