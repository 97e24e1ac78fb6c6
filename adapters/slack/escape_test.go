package slack_test

import (
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/bot"
)

// TestUnescapeText turns command text, as Slack sends it with
// should_escape on, back into what the member typed.
func TestUnescapeText(t *testing.T) {
	for _, tt := range []struct{ name, in, want string }{
		{"Plain", "offer go, kubernetes capacity:3", "offer go, kubernetes capacity:3"},
		{"Entities", "request C++ &amp; Go goal: a &lt;b&gt; c", "request C++ & Go goal: a <b> c"},
		{"DoubleEscaped", "&amp;lt;", "&lt;"},
		{"User", "with <@U123|bob> and <@U456>", "with @U123 and @U456"},
		{"Channel", "post in <#C123|mentoring> or <#C456>", "post in #C123 or #C456"},
		{"Broadcasts", "<!channel> <!here> <!subteam^S1|@devs>", "@channel @here @devs"},
		{"Links", "see <https://go.dev|the site> and <https://x.example>", "see the site (https://go.dev) and https://x.example"},
		{"LinkedNames", "offer <http://asp.net|asp.net>, <http://socket.io|socket.io>, <http://go.dev|go.dev>", "offer asp.net, socket.io, go.dev"},
		{"Mailto", "mail <mailto:a@b.example|a@b.example>", "mail a@b.example"},
		{"Unclosed", "a < b", "a < b"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := slack.UnescapeText(tt.in); got != tt.want {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestLinkedTopic: a topic Slack turns into a link in the command
// (asp.net comes as <http://asp.net|asp.net>) is kept as the mentor
// typed it, and matches a request for it typed in a form, where Slack
// links nothing.
func TestLinkedTopic(t *testing.T) {
	l := mustLive(t)
	if got := l.run(t, uMentor, "offer <http://asp.net|asp.net>").AllText(); !strings.Contains(got, "asp.net") || strings.Contains(got, "http://") {
		t.Fatalf("got %q, want the offer of asp.net as typed", got)
	}
	l.bot.HandleCommand(t.Context(), bot.Command{Member: bot.MemberID{Platform: slack.Platform, Workspace: l.team, User: uMentee},
		Name: "request", FromForm: true, Values: map[string]string{"topic": "asp.net"}})
	got := l.dm(t, uMentor, bot.ActionProposalAccept).AllText()
	if strings.Contains(got, "http://") || strings.Contains(got, "related topic") {
		t.Fatalf("got proposal %q, want asp.net offered as such", got)
	}
}
