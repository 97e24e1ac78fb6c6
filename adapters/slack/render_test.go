package slack_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/bot"
)

const hostile = "<!channel> <@U123> <https://evil|click> & <!here|here>"

// TestRender renders neutral messages into Block Kit and checks each
// against Slack's limits and against live markup.
func TestRender(t *testing.T) {
	long := strings.Repeat("a&b<c> ", 5000) // escapes to far more than 3000
	tests := []struct {
		name  string
		msg   bot.Message
		check func(t *testing.T, blocks []block)
	}{
		{"Proposal", bot.Message{
			Title: "Mentoring request: go", Text: "Alice would like your help.",
			Fields:   []bot.Field{{Label: "Kind", Value: "flash"}, {Label: "Goal", Value: "ship it"}},
			Mentions: []bot.MemberID{{Platform: slack.Platform, Workspace: "T1", User: "UALICE"}},
			Buttons: []bot.Button{
				{Label: "Accept", ActionID: bot.ActionProposalAccept, Value: "p1", Style: bot.StylePrimary},
				{Label: "Decline", ActionID: bot.ActionProposalDecline, Value: "p1", Style: bot.StyleDanger},
			},
		}, func(t *testing.T, blocks []block) {
			MustTypes(t, blocks, "header", "section", "section", "context", "actions")
			if got := blocks[0].Text.Text; got != "Mentoring request: go" || blocks[0].Text.Type != "plain_text" {
				t.Fatalf("got header %+v, want the plain title", blocks[0].Text)
			}
			if got := blocks[2].Fields[1].Text; got != "*Goal*\nship it" {
				t.Fatalf("got field %q, want the bold label and the value", got)
			}
			if got := blocks[3].Elements[0].Inline; got != "<@UALICE>" {
				t.Fatalf("got mention %q, want <@UALICE>", got)
			}
			b := blocks[4].Elements
			if b[0].ActionID != "proposal.accept" || b[0].Value != "p1" || b[0].Style != "primary" || b[1].Style != "danger" {
				t.Fatalf("got buttons %+v, want accept (primary) and decline (danger) on p1", b)
			}
		}},
		{"HostileText", bot.Message{
			Title: hostile, Text: hostile, Fields: []bot.Field{{Label: hostile, Value: hostile}},
			Link:    &bot.Link{Label: hostile, URL: "https://meet.jit.si/mentorbot-abc"},
			Buttons: []bot.Button{{Label: hostile, ActionID: "a", Value: "v"}},
		}, func(t *testing.T, blocks []block) {
			want := "&lt;!channel&gt; &lt;@U123&gt; &lt;https://evil|click&gt; &amp; &lt;!here|here&gt;"
			if got := blocks[1].Text.Text; got != want {
				t.Fatalf("got text %q, want %q", got, want)
			}
			if got := blocks[3].Text.Text; got != "*"+want+"*\n<https://meet.jit.si/mentorbot-abc|https://meet.jit.si/mentorbot-abc>" {
				t.Fatalf("got link %q, want the escaped label and the real link", got)
			}
		}},
		{"UnsafeLink", bot.Message{Link: &bot.Link{Label: "Room", URL: "https://x.example/|<!channel>"}}, func(t *testing.T, blocks []block) {
			if got := blocks[0].Text.Text; got != "Room\nhttps://x.example/|&lt;!channel&gt;" {
				t.Fatalf("got %q, want the URL as literal text", got)
			}
		}},
		{"ForeignMentions", bot.Message{Text: "x", Mentions: []bot.MemberID{
			{Platform: "discord", User: "U1"}, {Platform: slack.Platform, User: "U1>|<!here"}, {Platform: slack.Platform, User: "here"},
		}}, func(t *testing.T, blocks []block) {
			MustTypes(t, blocks, "section")
		}},
		{"RepeatedActionIDs", bot.Message{Text: "Rate it", Buttons: []bot.Button{
			{Label: "1", ActionID: "survey.answer", Value: "p:mid:rating:1"},
			{Label: "2", ActionID: "survey.answer", Value: "p:mid:rating:2"},
			{Label: "3", ActionID: "survey.answer", Value: "p:mid:rating:3"},
		}}, func(t *testing.T, blocks []block) {
			els := blocks[1].Elements
			for i, e := range els {
				if slack.ActionName(e.ActionID) != "survey.answer" || e.Value != "p:mid:rating:"+string(rune('1'+i)) {
					t.Fatalf("got button %+v, want survey.answer for answer %d", e, i+1)
				}
			}
		}},
		{"Limits", bot.Message{
			Title: strings.Repeat("T", 500), Text: long,
			Fields: repeatFields(25, strings.Repeat("&", 3000)),
			Buttons: append([]bot.Button{
				{Label: strings.Repeat("L", 200), ActionID: "ok", Value: "v"},
				{Label: "too long id", ActionID: strings.Repeat("i", 256), Value: "v"},
				{Label: "too long value", ActionID: "x", Value: strings.Repeat("v", 2001)},
			}, repeatButtons(30)...),
		}, func(t *testing.T, blocks []block) {
			last := blocks[len(blocks)-1]
			if last.Type != "actions" || last.Elements[0].ActionID != "ok" || len(last.Elements) != 25 {
				t.Fatalf("got last block %s with %d elements, want the 25 buttons that fit", last.Type, len(last.Elements))
			}
		}},
		{"Empty", bot.Message{}, func(t *testing.T, blocks []block) {
			MustTypes(t, blocks)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var blocks []block
			if err := json.Unmarshal([]byte(slack.RenderJSON(tt.msg)), &blocks); err != nil {
				t.Fatal(err)
			}
			MustFitBlockKit(t, blocks)
			tt.check(t, blocks)
		})
	}
}

// TestFallbackText checks the notification text: first line, escaped.
func TestFallbackText(t *testing.T) {
	// A channel the message names shows by its name in a notification
	// too: Slack's link, not its ID.
	if got := slack.FallbackText(bot.Message{Text: "Le bilan sera publié dans #CMGR chaque lundi.", Channels: []string{"CMGR"}}); got != "Le bilan sera publié dans <#CMGR> chaque lundi." {
		t.Errorf("got %q, want the channel linked", got)
	}
	for _, tt := range []struct{ name, title, text, want string }{
		{"Title", "Mentoring request: go", "more", "Mentoring request: go"},
		{"FirstLine", "", "line one\nline two", "line one"},
		{"Hostile", hostile, "", "&lt;!channel&gt; &lt;@U123&gt; &lt;https://evil|click&gt; &amp; &lt;!here|here&gt;"},
		{"Empty", "", "", "mentorbot"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := slack.FallbackText(bot.Message{Title: tt.title, Text: tt.text}); got != tt.want {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func repeatFields(n int, v string) []bot.Field {
	out := make([]bot.Field, n)
	for i := range out {
		out[i] = bot.Field{Label: "Label", Value: v}
	}
	return out
}

func repeatButtons(n int) []bot.Button {
	out := make([]bot.Button, n)
	for i := range out {
		out[i] = bot.Button{Label: "b", ActionID: "b", Value: "v"}
	}
	return out
}

// block is the part of a Block Kit block the tests look at.
type block struct {
	Type     string    `json:"type"`
	BlockID  string    `json:"block_id"`
	Text     *text     `json:"text"`
	Fields   []text    `json:"fields"`
	Elements []element `json:"elements"`
}

type text struct {
	Type     string `json:"type"`
	Text     string `json:"text"`
	Verbatim bool   `json:"verbatim"`
}

// element is a button or a context element (whose text is inline).
type element struct {
	Type     string `json:"type"`
	Label    *text  `json:"-"` // a button's text object
	Inline   string `json:"-"` // a context element's text
	ActionID string `json:"action_id"`
	Value    string `json:"value"`
	Style    string `json:"style"`
	Verbatim bool   `json:"verbatim"`
}

func (e *element) UnmarshalJSON(b []byte) error {
	type plainElement element
	var raw struct {
		plainElement
		Text json.RawMessage `json:"text"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	*e = element(raw.plainElement)
	if len(raw.Text) > 0 && raw.Text[0] == '"' {
		return json.Unmarshal(raw.Text, &e.Inline)
	}
	e.Label = &text{}
	return json.Unmarshal(raw.Text, e.Label)
}

// MustTypes checks the block types, in order.
func MustTypes(tb testing.TB, blocks []block, want ...string) {
	tb.Helper()
	got := make([]string, len(blocks))
	for i, b := range blocks {
		got[i] = b.Type
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		tb.Fatalf("got blocks %v, want %v", got, want)
	}
}

// MustFitBlockKit checks Slack's limits and that no mrkdwn text holds live
// markup other than the bot's own mentions and links.
func MustFitBlockKit(tb testing.TB, blocks []block) {
	tb.Helper()
	if len(blocks) > 50 {
		tb.Fatalf("got %d blocks, want at most 50", len(blocks))
	}
	for _, b := range blocks {
		switch b.Type {
		case "header":
			MustText(tb, "header", b.Text, 150)
		case "section":
			if b.Text != nil {
				MustText(tb, "section", b.Text, 3000)
			}
			if len(b.Fields) > 10 {
				tb.Fatalf("got %d fields, want at most 10", len(b.Fields))
			}
			for i := range b.Fields {
				MustText(tb, "field", &b.Fields[i], 2000)
			}
		case "actions":
			if len(b.Elements) > 25 {
				tb.Fatalf("got %d buttons, want at most 25", len(b.Elements))
			}
			ids := map[string]bool{}
			for _, e := range b.Elements {
				MustText(tb, "button", e.Label, 75)
				if len(e.ActionID) > 255 || len(e.Value) > 2000 || ids[e.ActionID] {
					tb.Fatalf("got button action_id %d chars, value %d chars, repeated %v", len(e.ActionID), len(e.Value), ids[e.ActionID])
				}
				ids[e.ActionID] = true
			}
		case "context":
			for _, e := range b.Elements {
				MustText(tb, "context", &text{Type: e.Type, Text: e.Inline, Verbatim: e.Verbatim}, 3000)
			}
		default:
			tb.Fatalf("got block type %q, want header, section, actions or context", b.Type)
		}
	}
}

// MustText checks one text object: not empty, within max characters,
// and, for mrkdwn, verbatim and free of live markup.
func MustText(tb testing.TB, what string, t *text, max int) {
	tb.Helper()
	if t == nil || t.Text == "" {
		tb.Fatalf("got an empty %s text", what)
	}
	if n := utf8.RuneCountInString(t.Text); n > max {
		tb.Fatalf("got %s text of %d characters, want at most %d", what, n, max)
	}
	if t.Type != "mrkdwn" {
		return
	}
	if !t.Verbatim {
		tb.Fatalf("got %s mrkdwn without verbatim", what)
	}
	for s := t.Text; ; {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			break
		}
		end := strings.IndexByte(s[i:], '>')
		tok := s[i+1 : i+end]
		if !strings.HasPrefix(tok, "@U") && !strings.HasPrefix(tok, "https://meet.jit.si/") {
			tb.Fatalf("got live markup <%s> in %s text %q", tok, what, t.Text)
		}
		s = s[i+end+1:]
	}
	if brokenEntity(t.Text) {
		tb.Fatalf("got a cut entity in %s text %q", what, t.Text)
	}
}

// brokenEntity reports an & that does not start &amp; &lt; or &gt;.
func brokenEntity(s string) bool {
	for i := strings.IndexByte(s, '&'); i >= 0; i = strings.IndexByte(s, '&') {
		rest := s[i:]
		if !strings.HasPrefix(rest, "&amp;") && !strings.HasPrefix(rest, "&lt;") && !strings.HasPrefix(rest, "&gt;") {
			return true
		}
		s = rest[1:]
	}
	return false
}

// TestRenderLinkWithQuery: a link whose URL has a query string (the
// meeting's Google Calendar link) stays a live link, its & written &amp;
// as Slack wants it in mrkdwn; one too long for a section is shown as
// text within the limit rather than making Slack refuse the message.
func TestRenderLinkWithQuery(t *testing.T) {
	const google = "https://calendar.google.com/calendar/render?action=TEMPLATE&dates=20261103T133000Z%2F20261103T143000Z&details=https%3A%2F%2Fmeet.jit.si%2Fmentorbot-abc&text=Mentoring%3A+go"
	escaped := strings.ReplaceAll(google, "&", "&amp;")
	for _, tt := range []struct {
		name, url, want string
	}{
		{"GoogleCalendar", google, "*Add to Google Calendar*\n<" + escaped + "|" + escaped + ">"},
		{"TooLong", "https://x.example/" + strings.Repeat("a", 2500), ""},
		{"TooLongQuery", "https://x.example/?" + strings.Repeat("a=1&", 700), ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var blocks []block
			if err := json.Unmarshal([]byte(slack.RenderJSON(bot.Message{Link: &bot.Link{Label: "Add to Google Calendar", URL: tt.url}})), &blocks); err != nil {
				t.Fatal(err)
			}
			MustTypes(t, blocks, "section")
			got := blocks[0].Text.Text
			if n := utf8.RuneCountInString(got); n > 3000 || brokenEntity(got) {
				t.Fatalf("got a link section of %d characters (broken entity: %v), want at most 3000, escaped", n, brokenEntity(got))
			}
			if tt.want != "" && got != tt.want {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestRenderChannelLinks: a long text naming channels (a manager's list
// of speed-mentoring events, each with its channel) links each one and
// still holds every section within 3000 characters once linked.
func TestRenderChannelLinks(t *testing.T) {
	var lines []string
	for i := range 60 {
		lines = append(lines, fmt.Sprintf("• Event %02d in #C0123ABCDE on Tuesday, 8 registered, #C0123ABCDE", i))
	}
	var blocks []block
	if err := json.Unmarshal([]byte(slack.RenderJSON(bot.Message{Text: strings.Join(lines, "\n"), Channels: []string{"C0123ABCDE"}})), &blocks); err != nil {
		t.Fatal(err)
	}
	linked := 0
	for _, b := range blocks {
		if n := utf8.RuneCountInString(b.Text.Text); n > 3000 {
			t.Fatalf("got a section of %d characters, want at most 3000", n)
		}
		linked += strings.Count(b.Text.Text, "<#C0123ABCDE>")
	}
	if linked < 110 {
		t.Fatalf("got %d channel links, want each of the 120 mentions linked but those cut between sections", linked)
	}
}
