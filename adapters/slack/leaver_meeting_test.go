package slack_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
)

// TestLeaverMeetingCancelledOnSlack: a mentee who leaves the workspace
// (a user_change event, deleted) after agreeing a meeting leaves none in
// the mentor's calendar: the mentor's DM gets the cancellation
// (METHOD:CANCEL, the same event's UID) with a sentence that names
// nobody, then the end of the pair, which says the mentee left the
// workspace. The trial's mentor got the end alone.
func TestLeaverMeetingCancelledOnSlack(t *testing.T) {
	l := mustLive(t)
	l.startCharter(t)
	mustContain(t, l.click(t, uMentee, l.dm(t, uMentee, bot.ActionCharterAccept), bot.ActionCharterAccept, ""), "Now waiting for Carol")
	mustContain(t, l.click(t, uMentor, l.dm(t, uMentor, bot.ActionCharterAccept), bot.ActionCharterAccept, ""), "You both accepted")
	intro := l.fake.WaitCalls(t, "chat.postMessage", 1, func(c slackfake.Call) bool {
		_, ok := button(c, bot.ActionMeetPick, ":0")
		return ok
	}, 5*time.Second)[0]
	l.click(t, uMentee, intro, bot.ActionMeetPick, ":0")
	mustContain(t, l.click(t, uMentor, intro, bot.ActionMeetPick, ":0"), "Agreed: ")
	invites := l.fake.WaitCalls(t, "upload", 2, nil, 5*time.Second)
	uid := ""
	for _, line := range strings.Split(string(invites[0].Data), "\r\n") {
		if strings.HasPrefix(line, "UID:") {
			uid = line
		}
	}
	if uid == "" {
		t.Fatalf("got invite %q, want a UID", invites[0].Data)
	}

	event, err := json.Marshal(map[string]any{
		"token": "x", "team_id": l.team, "api_app_id": "AFAKE", "type": "event_callback", "event_id": "EvLeave",
		"event_time": 1700000000, "event": map[string]any{"type": "user_change", "user": map[string]any{
			"id": uMentee, "team_id": l.team, "name": "dan", "deleted": true, "profile": map[string]any{"real_name": "Dan"},
		}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if status, body := l.post(t, "/slack/events", time.Now(), event); status != 200 {
		t.Fatalf("got %d %q, want 200", status, body)
	}
	mentorDM := l.fake.DM(l.team, uMentor)
	ended := l.fake.WaitCalls(t, "chat.postMessage", 1, func(c slackfake.Call) bool {
		return c.Get("channel") == mentorDM && strings.Contains(c.AllText(), "has ended")
	}, 5*time.Second)[0]
	mustContain(t, ended, "Your mentee has left the program by leaving the workspace, so your pair on “go” has ended.")

	uploads := l.fake.Calls("upload")
	if len(uploads) != 3 {
		t.Fatalf("got %d files, want the two invites and one cancellation", len(uploads))
	}
	ics := string(uploads[2].Data)
	for _, want := range []string{"METHOD:CANCEL", "STATUS:CANCELLED", uid, "SUMMARY:Mentoring: go\r\n"} {
		if !strings.Contains(ics, want) {
			t.Errorf("got cancellation %q, want %q", ics, want)
		}
	}
	if strings.Contains(ics, "Dan") {
		t.Errorf("got cancellation %q, want the member who left unnamed", ics)
	}
	shared := l.fake.Calls("files.completeUploadExternal")
	last := shared[len(shared)-1]
	if last.Get("channel_id") != mentorDM {
		t.Fatalf("got the cancellation shared in %q, want the mentor's DM %q", last.Get("channel_id"), mentorDM)
	}
	text := last.Get("blocks") + last.Get("initial_comment")
	for _, want := range []string{"Meeting cancelled: go", "is cancelled: the pair has ended."} {
		if !strings.Contains(text, want) {
			t.Errorf("got the cancellation's message %q, want %q", text, want)
		}
	}
	if strings.Contains(text, "Dan") {
		t.Errorf("got %q, want the member who left unnamed", text)
	}
}
