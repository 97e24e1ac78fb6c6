package slack_test

import (
	"testing"

	"github.com/mentorbot/mentorbot/adapters/slack"
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
		{"Links", "see <https://go.dev|go.dev> and <https://x.example>", "see https://go.dev and https://x.example"},
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
