package main_test

import (
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
)

// TestSlackInline checks, through the real Main and Redis, that a quick
// answer travels in the command's ack, over HTTP and over Socket Mode,
// and nowhere else; and that a form never waits for it: the ack is empty
// and views.open follows.
func TestSlackInline(t *testing.T) {
	t.Run("HTTP", func(t *testing.T) { testInline(t, MustStartSlack(t)) })
	t.Run("SocketMode", func(t *testing.T) { testInline(t, MustStartSlackSocket(t)) })
}

func testInline(t *testing.T, w *world) {
	t.Run("ReplyInline", func(t *testing.T) {
		name, a := w.command(alice, "status")
		MustContain(t, MustInline(t, a), en("status.title"))
		time.Sleep(100 * time.Millisecond) // room for a wrong second delivery
		if got := w.fake.Calls("response_url"); len(filterPath(got, "/response/"+name)) != 0 {
			t.Fatalf("got the inline reply posted to response_url too")
		}
	})
	t.Run("FormNeverInline", func(t *testing.T) {
		_, a := w.command(bob, "request")
		MustAck(t, a, "")
		w.fake.WaitCalls(t, "views.open", 1, nil, wait)
	})
}

func filterPath(calls []slackfake.Call, path string) []slackfake.Call {
	var out []slackfake.Call
	for _, c := range calls {
		if c.Path == path {
			out = append(out, c)
		}
	}
	return out
}
