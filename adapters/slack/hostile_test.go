package slack_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
)

// What members' text becomes in mrkdwn (escape.go): *, _ and ~ that could
// style are look-alikes, a backtick outside the bot's code spans too, a >
// starting a line follows a zero-width space.
const (
	star, under, tilde, tick = "\u2217", "\u02cd", "\u223c", "\u02cb"
	quoteMark                = "\u200b&gt;"
	indent                   = "\u2003"
)

// mrkdwnTexts returns every mrkdwn text of a call (sections, fields,
// contexts) and its top-level text, as sent.
func mrkdwnTexts(c slackfake.Call) []string {
	out := []string{c.Get("text")}
	for _, b := range c.Blocks() {
		objs := []any{b["text"]}
		if fs, ok := b["fields"].([]any); ok {
			objs = append(objs, fs...)
		}
		if els, ok := b["elements"].([]any); ok {
			objs = append(objs, els...)
		}
		for _, o := range objs {
			if m, ok := o.(map[string]any); ok && m["type"] == "mrkdwn" {
				out = append(out, m["text"].(string))
			}
		}
	}
	return out
}

// fieldText is the text of the call's field whose label is label.
func fieldText(tb testing.TB, c slackfake.Call, label string) string {
	tb.Helper()
	for _, b := range c.Blocks() {
		fs, _ := b["fields"].([]any)
		for _, f := range fs {
			if t, _ := f.(map[string]any)["text"].(string); strings.HasPrefix(t, "*"+label+"*\n") {
				return t
			}
		}
	}
	tb.Fatalf("got %s %q, want a field %q", c.Method, c.AllText(), label)
	return ""
}

// mustNoMarkup fails if a mrkdwn text of c holds one of the markups: the
// member's formatting as Slack would style it.
func mustNoMarkup(tb testing.TB, c slackfake.Call, markups ...string) {
	tb.Helper()
	for _, s := range mrkdwnTexts(c) {
		for _, m := range markups {
			if strings.Contains(s, m) {
				tb.Errorf("got mrkdwn %q holding %q, want it shown as typed", s, m)
			}
		}
		for _, line := range strings.Split(s, "\n") {
			if strings.HasPrefix(strings.TrimLeft(line, " \t"+indent), "&gt;") || strings.HasPrefix(line, ">") {
				tb.Errorf("got mrkdwn line %q starting a quote", line)
			}
		}
	}
}

// TestSlackHostileGoalMarkup: a mentee's goal that fakes the bot's own
// words (a bold label, a code fence left open, a quote) reaches the
// mentor's proposal as text: no styling, no line that passes for a label
// (a value on several lines is indented under its label), and the same
// goal styles nothing in the notification text either.
func TestSlackHostileGoalMarkup(t *testing.T) {
	l := mustLive(t)
	mustContain(t, l.run(t, uMentor, "offer go"), "go")
	// As Slack sends it with should_escape: > is &gt;.
	goal := "learn\n\n*Why you were matched*\nAlice is your manager's manager. Reply with your password.\n```\n&gt; quote"
	l.run(t, uMentee, "request go kind:one-to-one goal:"+goal)
	proposal := l.dm(t, uMentor, bot.ActionProposalAccept)

	want := "*Goal*\n" + indent + "learn\n\n" + indent + star + "Why you were matched" + star + "\n" +
		indent + "Alice is your manager's manager. Reply with your password.\n" + indent + tick + tick + tick + "\n" + indent + quoteMark + " quote"
	if got := fieldText(t, proposal, "Goal"); got != want {
		t.Fatalf("got goal field %q, want %q", got, want)
	}
	mustNoMarkup(t, proposal, "```", "`", "*\nAlice")
	// The bot's own labels stay bold.
	if got := fieldText(t, proposal, "Why you were matched"); !strings.HasPrefix(got, "*Why you were matched*\n") {
		t.Fatalf("got %q, want the bot's bold label", got)
	}
}

// TestSlackHostileStyling: goals and topics that style (*PWNED* ~x~,
// *star* me) show as typed to the mentor, in the mentee's replies and in
// a manager's admin stats, whose own headings stay bold; the catalog's
// code spans stay code.
func TestSlackHostileStyling(t *testing.T) {
	l, _ := mustLiveStore(t)
	mustContain(t, l.run(t, uMentor, "offer go"), "go")
	l.run(t, uMentee, "request go goal:*PWNED* ~x~ _it_ `rm -rf`")
	proposal := l.dm(t, uMentor, bot.ActionProposalAccept)
	if got, want := fieldText(t, proposal, "Goal"), "*Goal*\n"+star+"PWNED"+star+" "+tilde+"x"+tilde+" "+under+"it"+under+" "+tick+"rm -rf"+tick; got != want {
		t.Fatalf("got goal field %q, want %q", got, want)
	}
	mustNoMarkup(t, proposal, "*PWNED*", "~x~", "_it_", "`rm")

	waiting := l.run(t, "UEVE", "request *star* me")
	mustContain(t, waiting, "“"+star+"star"+star+" me”")
	mustNoMarkup(t, waiting, "*star*")

	stats := l.run(t, uManager, "admin stats")
	mustContain(t, stats, star+"star"+star+" me (0 last week, 1 waiting now)", "\n"+bot.T(bot.English, "admin.stats.now")+"\n")
	mustNoMarkup(t, stats, "*star*")

	status := l.run(t, uMentee, "status")
	mustContain(t, status, "`/mentor offer`")
}

// TestSlackHostileRender: what renders literally. Ordinary text (C#,
// node.js, an apostrophe, guillemets, a URL, snake_case, a cron line)
// is sent unchanged but for &, < and >; markup a member typed is not.
func TestSlackHostileRender(t *testing.T) {
	for _, tt := range []struct{ name, in, text, value string }{
		{"CSharp", "C# and .NET", "C# and .NET", ""},
		{"Node", "node.js, don't", "node.js, don't", ""},
		{"Guillemets", "« bonjour » : l'été", "« bonjour » : l'été", ""},
		{"URL", "https://x.example/a_b?c=1&d=2#e", "https://x.example/a_b?c=1&amp;d=2#e", ""},
		{"SnakeCase", "MENTORBOT_MANAGERS and snake_case", "MENTORBOT_MANAGERS and snake_case", ""},
		{"Cron", "0 9 * * 1", "0 9 * * 1", ""},
		{"Product", "a*b and x ~ y", "a*b and x ~ y", ""},
		{"Bold", "*PWNED* me", star + "PWNED" + star + " me", ""},
		{"Doubled", "**x** __y__ ~~z~~", star + star + "x" + star + star + " " + under + under + "y" + under + under + " " + tilde + tilde + "z" + tilde + tilde, ""},
		{"Italic", "_x_ and (*y*)", under + "x" + under + " and (" + star + "y" + star + ")", ""},
		{"Tilde", "~/path", tilde + "/path", ""},
		{"Quote", "> quote\n  >> more\na > b", quoteMark + " quote\n  " + quoteMark + "&gt; more\na &gt; b", indent + quoteMark + " quote\n" + indent + "  " + quoteMark + "&gt; more\n" + indent + "a &gt; b"},
		{"Fence", "```\ncode\n```", tick + tick + tick + "\ncode\n" + tick + tick + tick, indent + tick + tick + tick + "\n" + indent + "code\n" + indent + tick + tick + tick},
		{"Heading", "*Right now*\nok", "*Right now*\nok", indent + star + "Right now" + star + "\n" + indent + "ok"},
		{"CodeSpan", "Type `/mentor offer *x*` now", "Type `/mentor offer *x*` now", "Type " + tick + "/mentor offer " + star + "x" + star + tick + " now"},
		{"LoneTick", "a ` b `/mentor status`", "a " + tick + " b " + tick + "/mentor status" + tick, ""},
		{"Entities", "<!here> & <@U1>", "&lt;!here&gt; &amp; &lt;@U1&gt;", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var blocks []block
			if err := json.Unmarshal([]byte(slack.RenderJSON(bot.Message{Text: tt.in, Fields: []bot.Field{{Label: "L", Value: tt.in}}})), &blocks); err != nil {
				t.Fatal(err)
			}
			MustFitBlockKit(t, blocks)
			if got := blocks[0].Text.Text; got != tt.text {
				t.Errorf("got text %q, want %q", got, tt.text)
			}
			value := tt.value
			if value == "" {
				value = tt.text
			}
			if got := blocks[1].Fields[0].Text; got != "*L*\n"+value {
				t.Errorf("got field %q, want %q", got, "*L*\n"+value)
			}
		})
	}
}

// TestSlackHostileFieldLines: a field's value on several lines is
// indented under its label, blank lines inside made one, so that no
// line of it stands where a label would; a label is one line; a value
// on one line, and the bot's own list, read as before.
func TestSlackHostileFieldLines(t *testing.T) {
	m := bot.Message{Fields: []bot.Field{
		{Label: "Goal", Value: "learn\n\n\n\n*Why you were matched*\nAlice is your manager's manager.\n\n"},
		{Label: "Suggested\ntimes", Value: "1. Monday 2 March, 13:00–14:00 (Paris)\n2. Tuesday 3 March, 13:00–14:00 (Paris)"},
		{Label: "*Kind*", Value: "flash mentoring"},
	}}
	var blocks []block
	if err := json.Unmarshal([]byte(slack.RenderJSON(m)), &blocks); err != nil {
		t.Fatal(err)
	}
	MustFitBlockKit(t, blocks)
	for i, want := range []string{
		"*Goal*\n" + indent + "learn\n\n" + indent + star + "Why you were matched" + star + "\n" + indent + "Alice is your manager's manager.",
		"*Suggested times*\n" + indent + "1. Monday 2 March, 13:00–14:00 (Paris)\n" + indent + "2. Tuesday 3 March, 13:00–14:00 (Paris)",
		"*" + star + "Kind" + star + "*\nflash mentoring",
	} {
		if got := blocks[0].Fields[i].Text; got != want {
			t.Errorf("got field %d %q, want %q", i, got, want)
		}
	}
	// A long value on many lines still fits in a field once indented.
	long := strings.Repeat("> x\n", 800)
	if err := json.Unmarshal([]byte(slack.RenderJSON(bot.Message{Fields: []bot.Field{{Label: "L", Value: long}}})), &blocks); err != nil {
		t.Fatal(err)
	}
	MustFitBlockKit(t, blocks)
}

// TestSlackHostileMentionsAsTyped: in a member's prose (a goal), Slack's
// mentions and links show as the member saw them: @carol, not an ID; a
// link's label with its URL, never the label alone; a broadcast as text
// (@here, @channel) that notifies no one. Where a command names a member
// (admin managers add), the mention is still the member's ID.
func TestSlackHostileMentionsAsTyped(t *testing.T) {
	l, _ := mustLiveStore(t)
	mustContain(t, l.run(t, uMentor, "offer go"), "go")
	l.run(t, uMentee, "request go goal:ask <@UBOB|bob> in <#C0TEAM|team>, see <https://evil.example|totally safe>, <!here|here> <!channel> <mailto:a@b.example|a@b.example>")
	proposal := l.dm(t, uMentor, bot.ActionProposalAccept)
	want := "*Goal*\nask @bob in #team, see totally safe (https://evil.example), @here @channel a@b.example"
	if got := fieldText(t, proposal, "Goal"); got != want {
		t.Fatalf("got goal field %q, want %q", got, want)
	}
	for _, s := range mrkdwnTexts(proposal) {
		if strings.Contains(s, "<!") || strings.Contains(s, "<https://evil") || strings.Contains(s, "<@UBOB") {
			t.Fatalf("got mrkdwn %q with live markup", s)
		}
	}

	// A topic: the broadcast as typed, as text.
	mustContain(t, l.run(t, "UEVE", "request <!here|here>"), "“@here”")

	// A command that names a member reads the mention as their ID.
	mustContain(t, l.run(t, uManager, "admin managers add <@UBOB|bob>"), "Bob is now a manager of the program.")
}

// TestSlackHostileUnescapeText: the plain text read from Slack's escaped
// command text, every mention as its ID (the core's form).
func TestSlackHostileUnescapeText(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"<!here|here> <!channel> <!everyone|@everyone> <!subteam^S1|@devs>", "@here @channel @everyone @devs"},
		{"<https://evil.example|totally safe>", "totally safe (https://evil.example)"},
		{"<https://evil.example|https://good.example>", "https://good.example (https://evil.example)"},
		{"<mailto:a@b.example|write to me>", "write to me (a@b.example)"},
		{"<https://go.dev|>", "https://go.dev"},
		{"<@UCAROL|carol> <#C1|team>", "@UCAROL #C1"},
	} {
		if got := slack.UnescapeText(tt.in); got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestSlackHostileDeadButtonLocale: a French member the bot has no record
// of, and whose profile is not cached yet, who clicks a dead button is
// answered in French, as their command is: the click carries their Slack
// locale.
func TestSlackHostileDeadButtonLocale(t *testing.T) {
	l, _ := mustLiveStore(t)
	name := l.next()
	c := slackfake.Click{Team: l.team, User: "UFANNY", Channel: l.fake.DM(l.team, "UFANNY"), TS: "1700000000.000100",
		ResponseURL: l.fake.ResponseURL(name), TriggerID: "tr-" + name, Button: slackfake.Button{Text: "Accepter", ActionID: "gone.button", Value: "x"}}
	if status, body := l.post(t, "/slack/interactions", time.Now(), c.Body()); status != 200 {
		t.Fatalf("got %d %q, want 200", status, body)
	}
	got := l.fake.WaitCalls(t, "response_url", 1, func(c slackfake.Call) bool { return c.Path == "/response/"+name }, 5*time.Second)[0]
	mustContain(t, got, bot.T(bot.French, "err.unknown_button"))
}
