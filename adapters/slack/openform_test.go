package slack_test

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
)

// TestOpenForm opens the core's form with views.open as Slack wants it
// (the bot token, the command's trigger_id, a modal whose metadata says
// where to answer), retries what is worth retrying, and answers with the
// command's help through response_url when Slack refuses the trigger.
func TestOpenForm(t *testing.T) {
	form := bot.Reply{Form: &bot.Form{Command: "request", Title: "Request", Fields: []bot.FormField{{Name: "topic", Label: "Topic", Required: true}}}}
	tests := []struct {
		name  string
		fail  []slackfake.Failure
		calls int  // views.open calls made
		help  bool // the help goes to response_url instead
	}{
		{"OK", nil, 1, false},
		{"RateLimited", []slackfake.Failure{{Status: http.StatusTooManyRequests, RetryAfter: "0"}}, 2, false},
		{"ServerError", []slackfake.Failure{{Status: http.StatusServiceUnavailable}}, 2, false},
		{"ExpiredTrigger", []slackfake.Failure{{Error: "expired_trigger_id"}}, 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := &recorder{reply: form}
			r := MustRig(t, h)
			r.fake.Fail("views.open", tt.fail...)
			body, _ := r.command(t, slackfake.Command{Team: "T1", User: "U1", Text: "request", ResponseURL: r.fake.ResponseURL("cmd"), TriggerID: "trigger-1"})
			if body != "" {
				t.Fatalf("got ack %q, want an empty ack for a form", body)
			}
			if tt.help {
				r.fake.WaitCalls(t, "response_url", 1, nil, 5*time.Second)
			}
			calls := r.fake.WaitCalls(t, "views.open", tt.calls, nil, 5*time.Second)
			last := calls[len(calls)-1]
			if len(calls) != tt.calls || last.Token != "xoxb-test" || last.Get("trigger_id") != "trigger-1" {
				t.Fatalf("got %d views.open, the last with token %q and trigger %q; want %d with the bot token and the command's trigger",
					len(calls), last.Token, last.Get("trigger_id"), tt.calls)
			}
			view := last.View()
			var meta map[string]string
			_ = json.Unmarshal([]byte(str(view["private_metadata"])), &meta)
			if view["type"] != "modal" || len(last.Blocks()) != 1 || meta["c"] != "request" || meta["r"] != r.fake.ResponseURL("cmd") {
				t.Fatalf("got view %v, want a modal with one input and the command's metadata", view)
			}
			if got := len(h.Commands()); tt.help != (got == 2) {
				t.Fatalf("got %d commands to the core, want the help asked for only when the form cannot open", got)
			}
		})
	}
}

func str(v any) string { s, _ := v.(string); return s }
