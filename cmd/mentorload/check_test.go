package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
)

// program records on a fake Slack what the bot sends in a one-pair
// program, and the player's acts that owe them: a mentee's request, the
// proposal to the mentor and its accept, the charter and its accept, the
// first check-in and the mid and end surveys to both members. drop
// leaves out the sends whose description is listed; twice sends those
// twice.
func program(t *testing.T, drop, twice string) (*slackfake.Server, *player) {
	t.Helper()
	fake := slackfake.MustNew(t)
	fake.AnyUser()
	p := &player{byName: map[string]*act{}}
	post := func(what, method, channel, text string, buttons ...slackfake.Button) {
		if strings.Contains(drop, what) {
			return
		}
		var els []any
		for _, b := range buttons {
			els = append(els, map[string]any{"type": "button", "action_id": b.ActionID, "value": b.Value, "text": map[string]any{"type": "plain_text", "text": "x"}})
		}
		blocks := []any{map[string]any{"type": "section", "text": map[string]any{"type": "mrkdwn", "text": text}}}
		if len(els) > 0 {
			blocks = append(blocks, map[string]any{"type": "actions", "elements": els})
		}
		b, _ := json.Marshal(blocks)
		form := url.Values{"token": {"xoxb-load"}, "channel": {channel}, "text": {text}, "blocks": {string(b)}, "ts": {"1.1"}}
		for range 1 + strings.Count(twice, what) {
			res, err := http.Post(fake.APIURL()+method, "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
		}
	}
	acted := func(a *act) { a.acked, a.at = true, time.Now().Add(-time.Minute); p.acts = append(p.acts, a) }
	const mentee, mentor, pair = "UME00001", "UMR00001", "PAIR1"
	acted(&act{name: "a1", user: mentee, text: "request go", inline: true})
	post("proposal", "chat.postMessage", "D"+mentor, "Alice asks", slackfake.Button{ActionID: bot.ActionProposalAccept, Value: "@" + mentor + ":P1"})
	acted(&act{name: "a2", user: mentor, click: true, channel: "D" + mentor, ts: "1.1", action: bot.ActionProposalAccept, value: "@" + mentor + ":P1"})
	post("accepted", "chat.update", "D"+mentor, "You accepted")
	post("charter", "chat.postMessage", "D"+mentee, "The charter, with "+mentor, slackfake.Button{ActionID: bot.ActionCharterAccept, Value: "@" + mentee + ":" + pair})
	acted(&act{name: "a3", user: mentee, click: true, channel: "D" + mentee, ts: "1.1", action: bot.ActionCharterAccept, value: "@" + mentee + ":" + pair})
	post("welcome", "chat.update", "D"+mentee, "Both accepted")
	for _, ch := range []string{"D" + mentee, "D" + mentor} {
		post("checkin", "chat.postMessage", ch, "How is it going?", slackfake.Button{ActionID: bot.ActionCheckinYes, Value: pair + ":1"})
		for _, stage := range []string{bot.SurveyMid, bot.SurveyEnd} {
			post("survey "+stage, "chat.postMessage", ch, "Survey "+stage, slackfake.Button{ActionID: bot.ActionSurveyAnswer, Value: pair + ":" + stage + ":rating:5"})
		}
	}
	return fake, p
}

// TestCheck: the checker passes a program where every send came once,
// and fails (exit code 1, with the count) one where a send is missing or
// doubled.
func TestCheck(t *testing.T) {
	proxy, err := newFaultProxy("http://127.0.0.1:1")
	if err != nil {
		t.Fatal(err)
	}
	defer proxy.close()
	for _, tt := range []struct {
		name, drop, twice string
		code              int
		want              string
	}{
		{name: "Clean", code: 0, want: "lost 0, doubled 0"},
		{name: "NoProposal", drop: "proposal", code: 1, want: "lost: proposals 1"},
		{name: "ClickUnanswered", drop: "accepted", code: 1, want: "lost: click replies 1"},
		{name: "NoEndSurvey", drop: "survey " + bot.SurveyEnd, code: 1, want: "lost: surveys 2"},
		{name: "CheckinTwice", twice: "checkin", code: 1, want: "doubled: DMs 2"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fake, p := program(t, tt.drop, tt.twice)
			var out bytes.Buffer
			code := check(&out, fake, p, time.Minute, proxy, nil)
			if code != tt.code || !strings.Contains(out.String(), tt.want) {
				t.Fatalf("got exit %d and:\n%s\nwant exit %d and %q", code, out.String(), tt.code, tt.want)
			}
		})
	}
}

// TestCheckHungReplyNotLost: a click whose reply never arrived because its
// response_url post hung is reported apart, not as lost: Slack may have
// taken it, and the adapter sends a reply once at most.
func TestCheckHungReplyNotLost(t *testing.T) {
	proxy, err := newFaultProxy("http://127.0.0.1:1")
	if err != nil {
		t.Fatal(err)
	}
	defer proxy.close()
	proxy.hungNames.Store("a2", true) // the mentor's Accept
	fake, p := program(t, "accepted", "")
	var out bytes.Buffer
	code := check(&out, fake, p, time.Minute, proxy, nil)
	if code != 0 || !strings.Contains(out.String(), "lost 0, doubled 0") || !strings.Contains(out.String(), "sent once at most, by design): click replies 1") {
		t.Fatalf("got exit %d and:\n%s\nwant exit 0 and the hung reply reported apart", code, out.String())
	}
}
