package slack_test

import (
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
)

// TestInline covers where a slash command's reply goes: in the ack when
// the core answers within the inline budget, through response_url when
// it does not, or when the reply cannot travel in an ack (a form, one too
// large for Socket Mode's 20 KB). Both transports behave alike.
func TestInline(t *testing.T) {
	text := bot.Reply{Message: bot.Message{Title: "Status", Text: "sunny & <warm>"}}
	form := bot.Reply{Form: &bot.Form{Command: "request", Title: "Request", Fields: []bot.FormField{{Name: "topic", Label: "Topic"}}}}
	// About 19 KB as JSON: the largest reply that fits, envelope included.
	largest := bot.Reply{Message: bot.Message{Text: strings.Repeat("a", 18000)}}
	oversized := bot.Reply{Message: bot.Message{Text: strings.Repeat("word ", 6000)}}
	budget := func(d time.Duration) func(*slack.Options) {
		return func(o *slack.Options) { o.InlineBudget = d }
	}
	tests := []struct {
		name  string
		reply bot.Reply
		slow  bool // the core answers only after the ack
		tune  func(*slack.Options)
		// want is where the reply goes: "inline", "response_url" or
		// "views.open".
		want string
	}{
		{"OffByDefault", text, false, nil, "response_url"},
		{"InlineWhenFast", text, false, budget(150 * time.Millisecond), "inline"},
		{"LargestInline", largest, false, budget(150 * time.Millisecond), "inline"},
		{"ResponseURLWhenSlow", text, true, budget(50 * time.Millisecond), "response_url"},
		{"FormNeverInline", form, false, budget(5 * time.Second), "views.open"},
		{"OversizedFallsBack", oversized, false, budget(150 * time.Millisecond), "response_url"},
		{"Off", text, false, budget(-1), "response_url"},
	}
	for _, transport := range []struct {
		name  string
		start func(testing.TB, slack.Handler, ...func(*slack.Options)) *rig
	}{{"HTTP", MustRig}, {"SocketMode", MustSocketRig}} {
		t.Run(transport.name, func(t *testing.T) {
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					h := &recorder{reply: tt.reply}
					if tt.slow {
						h.gate = make(chan struct{})
					}
					var tune []func(*slack.Options)
					if tt.tune != nil {
						tune = append(tune, tt.tune)
					}
					r := transport.start(t, h, tune...)
					c := slackfake.Command{Team: "T1", User: "U1", Text: "status", ResponseURL: r.fake.ResponseURL("cmd"), TriggerID: "trigger-1"}
					body, took := r.command(t, c)
					if took > time.Second {
						t.Fatalf("got ack in %s, want under 1s", took)
					}
					if tt.slow {
						close(h.gate)
					}
					checkInline(t, r, tt.reply, tt.want, body)
				})
			}
		})
	}
}

// checkInline checks that the reply went where want says, and only there.
func checkInline(t *testing.T, r *rig, reply bot.Reply, want, body string) {
	t.Helper()
	inline, ok := slackfake.Inline([]byte(body))
	if want != "inline" {
		if body != "" {
			t.Fatalf("got ack body %.200q, want an empty ack", body)
		}
		r.fake.WaitCalls(t, want, 1, nil, 5*time.Second)
		return
	}
	if !ok {
		t.Fatalf("got ack body %.200q, want the reply inline", body)
	}
	if reply.Message.Title != "" && inline.Get("text") != reply.Message.Title {
		t.Fatalf("got text %q, want the title as fallback text", inline.Get("text"))
	}
	wantText := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(reply.Message.Text)
	if got := strings.ReplaceAll(inline.AllText(), "\n", ""); !strings.Contains(got, wantText) {
		t.Fatalf("got inline text %.200q, want it to contain %.200q, escaped", got, wantText)
	}
	time.Sleep(50 * time.Millisecond) // room for a wrong second delivery
	if got := r.fake.Count("response_url") + r.fake.Count("chat.postMessage"); got != 0 {
		t.Fatalf("got %d other deliveries of an inline reply, want none", got)
	}
}

// TestInlineBudget checks that a core stuck past the budget holds the
// ack for the budget only, and that its reply then follows through
// response_url: the work survives the early ack.
func TestInlineBudget(t *testing.T) {
	h := &recorder{gate: make(chan struct{}), reply: bot.Reply{Message: bot.Message{Text: "late"}}}
	r := MustRig(t, h, func(o *slack.Options) { o.InlineBudget = 100 * time.Millisecond })
	body, took := r.command(t, slackfake.Command{Team: "T1", User: "U1", Text: "status", ResponseURL: r.fake.ResponseURL("late")})
	if body != "" || took < 100*time.Millisecond || took > time.Second {
		t.Fatalf("got ack %q after %s, want an empty ack after the 100ms budget", body, took)
	}
	time.Sleep(50 * time.Millisecond)
	close(h.gate)
	reply := r.fake.WaitCalls(t, "response_url", 1, nil, 5*time.Second)[0]
	if reply.Body["response_type"] != "ephemeral" || !strings.Contains(reply.AllText(), "late") {
		t.Fatalf("got %v, want the late reply, ephemeral", reply.Body)
	}
}
