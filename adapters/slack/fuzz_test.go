package slack_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
)

// The fuzz targets of the Slack adapter: the decoders of what Slack
// sends, and the renderer of what the bot sends. Seeds are Slack's own
// examples, and testdata/fuzz/<target>.

// FuzzParseCommand: a slash command's form never panics the parser, and
// it reads a form as slack-go's parser does.
func FuzzParseCommand(f *testing.F) {
	f.Add(MustRead(f, "testdata/slack_slash_command_signed.body"))
	f.Add(slackfake.Command{Team: "T1", User: "U1", Text: "offer go capacity:2"}.Body())
	f.Add([]byte("ssl_check=1&token=x"))
	f.Add([]byte("text=%zz&team_id=T1"))
	f.Add([]byte("team_id=T1;user_id=U1"))
	f.Fuzz(func(t *testing.T, body []byte) {
		ours, sdk := slack.ParseCommand(body)
		if ours != "error" && sdk != "error" && ours != sdk {
			t.Fatalf("got %s, slack-go reads %s", ours, sdk)
		}
	})
}

// FuzzInteraction: a click or a modal submission never panics the
// decoder, whatever its payload.
func FuzzInteraction(f *testing.F) {
	f.Add(MustRead(f, "testdata/slack_block_actions.form"))
	f.Add(MustRead(f, "testdata/slack_view_submission.form"))
	f.Add(slackfake.Click{Team: "T1", User: "U1", Button: slackfake.Button{ActionID: "proposal.accept#2", Value: "p1"}}.Body())
	f.Add([]byte(`payload={"type":"view_submission","view":{"callback_id":"mentorbot.form","private_metadata":"{\"c\":1}"}}`))
	f.Add([]byte("payload=null"))
	f.Fuzz(func(t *testing.T, body []byte) {
		_, _, _, _ = slack.DecodeInteraction(body)
	})
}

// FuzzEvent sends any signed JSON body to /slack/events: the endpoint
// never panics, and answers 200 or 400.
func FuzzEvent(f *testing.F) {
	f.Add(slackfake.Event("url_verification", "", "challenge", ""))
	f.Add(slackfake.Event("event_callback", "T1", "Ev1", "app_uninstalled"))
	f.Add([]byte(`{"type":"event_callback","team_id":"T1","event_id":"Ev2","event":{"type":"user_change","user":{"id":"U1","deleted":true,"profile":7}}}`))
	f.Add([]byte(`{"type":"event_callback","event":"x"}`))
	f.Add([]byte(`[]`))
	r := MustRig(f, &recorder{})
	h := r.srv.Config.Handler
	f.Fuzz(func(t *testing.T, body []byte) {
		req := slackfake.NewRequest("/slack/events", secret, time.Now(), body)
		req.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != http.StatusOK && w.Code != http.StatusBadRequest {
			t.Fatalf("got HTTP %d, want 200 or 400", w.Code)
		}
	})
}

// FuzzRender renders any message: the blocks keep to Block Kit's limits
// (50 blocks; a header of 150, a section of 3,000, 10 fields of 2,000;
// 25 buttons of 75), and no text a member wrote can mention anyone
// (<!channel>, <!here>, <@U…>) in mrkdwn or in the notification text.
func FuzzRender(f *testing.F) {
	f.Add("Mentoring charter", "Be kind. <!channel> <!here> @here <@U123> &lt; *bold*", "Goal", "<!everyone>", "Accept", uint8(3))
	f.Add("", strings.Repeat("é<&>", 2000), strings.Repeat("x", 3000), strings.Repeat("&", 2500), strings.Repeat("b", 100), uint8(40))
	f.Add("<!channel>", "\n\n\n", "", "", "", uint8(0))
	f.Fuzz(func(t *testing.T, title, text, label, value, button string, n uint8) {
		m := bot.Message{Title: title, Text: text, Link: &bot.Link{Label: label, URL: "https://meet.example/" + url.PathEscape(value)},
			Mentions: []bot.MemberID{{Platform: slack.Platform, Workspace: "T1", User: "U1"}, {Platform: slack.Platform, Workspace: "T1", User: value}}}
		for i := range int(n % 64) {
			m.Fields = append(m.Fields, bot.Field{Label: label, Value: value})
			m.Buttons = append(m.Buttons, bot.Button{Label: button, ActionID: "a", Value: strings.Repeat("v", i)})
		}
		MustWithinBlockKit(t, slack.RenderJSON(m))
		if fb := slack.FallbackText(m); mentions(fb) || utf8.RuneCountInString(fb) > 300 {
			t.Fatalf("got notification text %q, want at most 300 characters and no mention", fb)
		}
	})
}

// MustWithinBlockKit fails unless the blocks (as JSON) keep to Block
// Kit's limits and carry no mention but the context block's.
func MustWithinBlockKit(tb testing.TB, raw string) {
	tb.Helper()
	var blocks []struct {
		Type     string      `json:"type"`
		Text     *textObject `json:"text"`
		Fields   []textObject
		Elements []struct {
			Type string          `json:"type"`
			Text json.RawMessage `json:"text"`
		} `json:"elements"`
	}
	if err := json.Unmarshal([]byte(raw), &blocks); err != nil {
		tb.Fatal(err)
	}
	if len(blocks) > 50 {
		tb.Fatalf("got %d blocks, want at most 50", len(blocks))
	}
	n := utf8.RuneCountInString
	for _, b := range blocks {
		switch b.Type {
		case "header":
			if n(b.Text.Text) > 150 {
				tb.Fatalf("got a header of %d, want at most 150", n(b.Text.Text))
			}
		case "section":
			if b.Text != nil && (n(b.Text.Text) > 3000 || b.Text.Type == "mrkdwn" && mentions(b.Text.Text)) {
				tb.Fatalf("got a section of %d: %.80q, want at most 3000 and no mention", n(b.Text.Text), b.Text.Text)
			}
			if len(b.Fields) > 10 {
				tb.Fatalf("got %d fields, want at most 10", len(b.Fields))
			}
			for _, f := range b.Fields {
				if n(f.Text) > 2000 || f.Type == "mrkdwn" && mentions(f.Text) {
					tb.Fatalf("got a field of %d: %.80q, want at most 2000 and no mention", n(f.Text), f.Text)
				}
			}
		case "actions":
			if len(b.Elements) > 25 {
				tb.Fatalf("got %d buttons, want at most 25", len(b.Elements))
			}
			for _, e := range b.Elements {
				var label textObject
				_ = json.Unmarshal(e.Text, &label)
				if n(label.Text) > 75 {
					tb.Fatalf("got a button label of %d, want at most 75", n(label.Text))
				}
			}
		case "context":
			if len(b.Elements) > 10 {
				tb.Fatalf("got %d context elements, want at most 10", len(b.Elements))
			}
		}
	}
}

type textObject struct {
	Type string `json:"type"`
	Text string `json:"text"`
}

// mentions reports whether mrkdwn text would mention or link: Slack
// reads <!channel>, <!here>, <!everyone>, <@U…> and <#C…> only between
// angle brackets, which escaping turns into &lt; and &gt;.
func mentions(s string) bool {
	return strings.Contains(s, "<!") || strings.Contains(s, "<@") || strings.Contains(s, "<#")
}
