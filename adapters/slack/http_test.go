package slack_test

import (
	"bytes"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
)

// TestSignature checks slackfake's signing against Slack's published
// example, byte for byte, so that every signed test request is real.
func TestSignature(t *testing.T) {
	body := MustRead(t, "testdata/slack_slash_command_signed.body")
	want := "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"
	if got := slackfake.Signature(secret, "1531420618", bytes.TrimRight(body, "\n")); got != want {
		t.Fatalf("got %s, want %s", got, want)
	}
}

// TestVerification sends requests Slack did not sign, or signed long ago:
// each gets 401, and the bot sees nothing.
func TestVerification(t *testing.T) {
	h := &recorder{}
	r := MustRig(t, h)
	body := slackfake.Command{Team: "T1", User: "U1", Text: "status", ResponseURL: r.fake.ResponseURL("x")}.Body()
	vector := bytes.TrimRight(MustRead(t, "testdata/slack_slash_command_signed.body"), "\n")
	tests := []struct {
		name string
		req  func() *http.Request
		want int
	}{
		{"ErrForged", func() *http.Request {
			return slackfake.NewRequest(r.srv.URL+"/slack/commands", "wrong", time.Now(), body)
		}, http.StatusUnauthorized},
		{"ErrStale", func() *http.Request {
			return slackfake.NewRequest(r.srv.URL+"/slack/commands", secret, time.Now().Add(-6*time.Minute), body)
		}, http.StatusUnauthorized},
		{"ErrStaleSlackExample", func() *http.Request {
			// Slack's own example, correctly signed, but in 2018.
			req, _ := http.NewRequest(http.MethodPost, r.srv.URL+"/slack/commands", bytes.NewReader(vector))
			req.Header.Set("X-Slack-Request-Timestamp", "1531420618")
			req.Header.Set("X-Slack-Signature", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")
			return req
		}, http.StatusUnauthorized},
		{"ErrUnsigned", func() *http.Request {
			req, _ := http.NewRequest(http.MethodPost, r.srv.URL+"/slack/interactions", bytes.NewReader(body))
			return req
		}, http.StatusUnauthorized},
		{"ErrTampered", func() *http.Request {
			req := slackfake.NewRequest(r.srv.URL+"/slack/events", secret, time.Now(), body)
			req.Body = http.NoBody
			return req
		}, http.StatusUnauthorized},
		{"ErrTooLarge", func() *http.Request {
			return slackfake.NewRequest(r.srv.URL+"/slack/commands", secret, time.Now(), bytes.Repeat([]byte("a"), 65<<10))
		}, http.StatusRequestEntityTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, _ := do(t, tt.req()); got != tt.want {
				t.Fatalf("got %d, want %d", got, tt.want)
			}
		})
	}
	time.Sleep(20 * time.Millisecond)
	if got := len(h.Commands()) + len(h.Actions()); got != 0 {
		t.Fatalf("got %d commands or clicks through, want none", got)
	}
}

// TestRefusedLogged: a refused request is logged with its reason, never
// with the text of a header the sender chose.
func TestRefusedLogged(t *testing.T) {
	var mu sync.Mutex
	var logs bytes.Buffer
	r := MustRigOn(t, MustFakeOf(t, "T1"), &recorder{}, func(o *slack.Options) {
		o.Log = slog.New(slog.NewTextHandler(lockedWriter{&mu, &logs}, nil))
	})
	req, _ := http.NewRequest(http.MethodPost, r.srv.URL+"/slack/commands", strings.NewReader("text=x"))
	req.Header.Set("X-Slack-Request-Timestamp", "HOSTILE-TEXT")
	req.Header.Set("X-Slack-Signature", "v0="+strings.Repeat("ab", 32))
	if got, _ := do(t, req); got != http.StatusUnauthorized {
		t.Fatalf("got %d, want 401", got)
	}
	mu.Lock()
	defer mu.Unlock()
	if got := logs.String(); !strings.Contains(got, "malformed timestamp") || strings.Contains(got, "HOSTILE") {
		t.Fatalf("got logs %q, want the refusal logged without the header's text", got)
	}
}

// TestCommand acks slash commands within the inline budget, whatever the
// bot is waiting for, with the reply inline when it comes in time.
func TestCommand(t *testing.T) {
	t.Run("SSLCheck", func(t *testing.T) {
		h := &recorder{}
		r := MustRig(t, h)
		status, body := r.post(t, "/slack/commands", time.Now(), []byte("ssl_check=1&token=x"))
		if status != http.StatusOK || body != "" || len(h.Commands()) != 0 {
			t.Fatalf("got %d %q and %d commands, want an empty 200 and none", status, body, len(h.Commands()))
		}
	})
	t.Run("SlackExample", func(t *testing.T) {
		// Slack's /weather example, with its enterprise fields.
		h := &recorder{reply: bot.Reply{Message: bot.Message{Text: "sunny & <warm>"}}}
		r := MustRigOn(t, MustFakeOf(t, "T0001"), h, func(o *slack.Options) { o.InlineBudget = 150 * time.Millisecond })
		form, _ := url.ParseQuery(strings.TrimSpace(string(MustReadShared(t, "slack_slash_command_weather.form"))))
		form.Set("response_url", r.fake.ResponseURL("weather"))
		status, body := r.post(t, "/slack/commands", time.Now(), []byte(form.Encode()))
		reply, ok := slackfake.Inline([]byte(body))
		if status != http.StatusOK || !ok {
			t.Fatalf("got %d %q, want 200 with the reply inline", status, body)
		}
		c := h.Commands()[0]
		if c.Member != (bot.MemberID{Platform: "slack", Workspace: "T0001", User: "U2147483697"}) || c.Text != "94070" || !c.Forms {
			t.Fatalf("got command %+v, want U2147483697 of T0001 typing 94070, with forms", c)
		}
		if reply.Body["response_type"] != "ephemeral" || !strings.Contains(reply.AllText(), "sunny &amp; &lt;warm&gt;") {
			t.Fatalf("got reply %v, want the escaped text, ephemeral", reply.Body)
		}
	})
	t.Run("AckBeforeWork", func(t *testing.T) {
		h := &recorder{gate: make(chan struct{}), reply: bot.Reply{Message: bot.Message{Text: "done"}}}
		r := MustRig(t, h)
		start := time.Now()
		status, body := r.post(t, "/slack/commands", time.Now(), slackfake.Command{Team: "T1", User: "U1", Text: "status", ResponseURL: r.fake.ResponseURL("slow")}.Body())
		if status != http.StatusOK || body != "" || time.Since(start) > time.Second {
			t.Fatalf("got %d %q in %s while the bot is stuck, want an empty 200 at once", status, body, time.Since(start))
		}
		close(h.gate)
		r.fake.WaitCalls(t, "response_url", 1, nil, 5*time.Second)
	})
}

// TestReplyFallback delivers a reply that response_url refuses as a DM,
// and keeps the response_url, a credential, out of the log.
func TestReplyFallback(t *testing.T) {
	var logs bytes.Buffer
	var mu sync.Mutex
	h := &recorder{reply: bot.Reply{Message: bot.Message{Text: "done"}}}
	r := MustRig(t, h, func(o *slack.Options) {
		o.Log = slog.New(slog.NewTextHandler(lockedWriter{&mu, &logs}, nil))
		o.InlineBudget = -1 // the reply goes to response_url
	})
	r.fake.AddUser(slackfake.User{ID: "U1"})
	secretURL := "http://127.0.0.1:1/commands/T1/1/SECRET123"
	r.post(t, "/slack/commands", time.Now(), slackfake.Command{Team: "T1", User: "U1", ResponseURL: secretURL}.Body())
	dm := r.fake.WaitCalls(t, "chat.postMessage", 1, nil, 5*time.Second)[0]
	if dm.Get("channel") != "DU1" || !strings.Contains(dm.AllText(), "done") {
		t.Fatalf("got %s in %s, want the reply in U1's DM", dm.AllText(), dm.Get("channel"))
	}
	mu.Lock()
	defer mu.Unlock()
	if got := logs.String(); !strings.Contains(got, "response_url failed") || strings.Contains(got, "SECRET123") {
		t.Fatalf("got log %q, want the failure logged without the URL", got)
	}
}

type lockedWriter struct {
	mu *sync.Mutex
	w  io.Writer
}

func (l lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// TestClick acks Slack's own block_actions example and hands the click to
// the bot; a reply that replaces goes to chat.update, one that does not
// stays ephemeral.
func TestClick(t *testing.T) {
	for _, tt := range []struct {
		name    string
		replace bool
		want    string
	}{
		{"Replace", true, "chat.update"},
		{"Ephemeral", false, "response_url"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			h := &recorder{reply: bot.Reply{Replace: tt.replace, Message: bot.Message{Text: "outcome"}}}
			r := MustRigOn(t, MustFakeOf(t, "T9TK3CUKW"), h)
			form, _ := url.ParseQuery(string(MustRead(t, "testdata/slack_block_actions.form")))
			payload := strings.ReplaceAll(form.Get("payload"), "https://hooks.slack.com/actions/AABA1ABCD/1232321423432/D09sSasdasdAS9091209", r.fake.ResponseURL("click"))
			if status, _ := r.post(t, "/slack/interactions", time.Now(), []byte(url.Values{"payload": {payload}}.Encode())); status != http.StatusOK {
				t.Fatalf("got %d, want 200", status)
			}
			call := r.fake.WaitCalls(t, tt.want, 1, nil, 5*time.Second)[0]
			a := h.Actions()[0]
			if a.Member != (bot.MemberID{Platform: "slack", Workspace: "T9TK3CUKW", User: "UA8RXUSPL"}) || a.ActionID != "WaXA" || a.Value != "click_me_123" {
				t.Fatalf("got action %+v, want WaXA click_me_123 by UA8RXUSPL of T9TK3CUKW", a)
			}
			if tt.replace && (call.Get("channel") != "CBR2V3XEX" || call.Get("ts") != "1548261231.000200") {
				t.Fatalf("got chat.update of %s %s, want the clicked message", call.Get("channel"), call.Get("ts"))
			}
			if _, sent := call.Params["unfurl_links"]; tt.replace && sent {
				t.Fatalf("got chat.update with unfurl_links=%q, want none: Slack ignores it there", call.Get("unfurl_links"))
			}
			if !tt.replace && call.Body["replace_original"] != false {
				t.Fatalf("got replace_original %v, want false", call.Body["replace_original"])
			}
		})
	}
}

// TestSubmit covers modal submissions that are not ours, and a core too
// slow for the ack: the modal closes in time, the answer follows.
func TestSubmit(t *testing.T) {
	t.Run("NotOurs", func(t *testing.T) {
		h := &recorder{}
		r := MustRig(t, h)
		status, body := r.post(t, "/slack/interactions", time.Now(), MustRead(t, "testdata/slack_view_submission.form"))
		if status != http.StatusOK || body != "" || len(h.Commands()) != 0 {
			t.Fatalf("got %d %q with %d commands, want an empty 200 and none", status, body, len(h.Commands()))
		}
	})
	t.Run("SlowCore", func(t *testing.T) {
		h := &recorder{gate: make(chan struct{}), reply: bot.Reply{Message: bot.Message{Text: "saved"}, FieldErrors: map[string]string{"topic": "late"}}}
		r := MustRig(t, h, func(o *slack.Options) { o.AckBudget = 100 * time.Millisecond })
		view := map[string]any{"callback_id": "mentor.form", "private_metadata": `{"c":"request","r":"` + r.fake.ResponseURL("form") + `"}`}
		sub := slackfake.Submission{Team: "T1", User: "U1", View: view, Values: map[string]string{"topic": "go"}}
		start := time.Now()
		status, body := r.post(t, "/slack/interactions", time.Now(), sub.Body())
		if status != http.StatusOK || body != "" || time.Since(start) > time.Second {
			t.Fatalf("got %d %q after %s, want an empty 200 within the budget", status, body, time.Since(start))
		}
		close(h.gate)
		reply := r.fake.WaitCalls(t, "response_url", 1, nil, 5*time.Second)[0]
		if !strings.Contains(reply.AllText(), "saved") {
			t.Fatalf("got %q, want the late answer", reply.AllText())
		}
		if c := h.Commands()[0]; c.Name != "request" || !c.FromForm || c.Values["topic"] != "go" {
			t.Fatalf("got command %+v, want request from the form with topic go", c)
		}
	})
}

// TestClose waits for acknowledged work before returning.
func TestClose(t *testing.T) {
	h := &recorder{gate: make(chan struct{}), reply: bot.Reply{Message: bot.Message{Text: "finished"}}}
	r := MustRig(t, h)
	r.post(t, "/slack/commands", time.Now(), slackfake.Command{Team: "T1", User: "U1", ResponseURL: r.fake.ResponseURL("c")}.Body())
	closed := make(chan struct{})
	go func() { r.a.Close(); close(closed) }()
	select {
	case <-closed:
		t.Fatal("got Close before the work in flight finished")
	case <-time.After(50 * time.Millisecond):
	}
	close(h.gate)
	<-closed
	if got := r.fake.Count("response_url"); got != 1 {
		t.Fatalf("got %d replies, want the one in flight delivered", got)
	}
}

// TestEvents answers url_verification and acks each event once.
func TestEvents(t *testing.T) {
	var mu sync.Mutex
	var got []string
	r := MustRig(t, &recorder{}, func(o *slack.Options) {
		o.OnEvent = func(team, typ string) { mu.Lock(); got = append(got, team+" "+typ); mu.Unlock() }
	})
	status, body := r.post(t, "/slack/events", time.Now(), slackfake.Event("url_verification", "", "abc", ""))
	if status != http.StatusOK || body != `{"challenge":"abc"}` {
		t.Fatalf("got %d %s, want the challenge", status, body)
	}
	for range 3 {
		if status, _ := r.post(t, "/slack/events", time.Now(), slackfake.Event("event_callback", "T1", "Ev1", "app_uninstalled")); status != http.StatusOK {
			t.Fatalf("got %d, want 200", status)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if len(got) != 1 || got[0] != "T1 app_uninstalled" {
		t.Fatalf("got events %v, want app_uninstalled once", got)
	}
}

func MustRead(tb testing.TB, path string) []byte {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// MustReadShared reads a fixture slackfake embeds, from its directory.
func MustReadShared(tb testing.TB, name string) []byte {
	tb.Helper()
	return MustRead(tb, "slackfake/fixtures/"+name)
}

// TestParseCommand reads slash command forms as slack-go does.
func TestParseCommand(t *testing.T) {
	weather := strings.TrimSpace(string(MustReadShared(t, "slack_slash_command_weather.form")))
	for _, tt := range []struct{ name, body string }{
		{"SlackExample", weather},
		{"Fake", string(slackfake.Command{Team: "T1", User: "U1", Text: "request go goal: a &amp; b", ResponseURL: "https://hooks.slack.com/x?y=1&z=2", TriggerID: "t.1"}.Body())},
		{"SSLCheck", "ssl_check=1&token=x"},
		{"Repeated", "team_id=T1&team_id=T2&text=&text=later&user_id=U1"},
		{"EscapedKey", "team%5Fid=T1&user_id=U1"},
		{"Plus", "text=a+b%2Bc&team_id=T1"},
		{"Empty", ""},
		{"ErrSemicolon", "team_id=T1;user_id=U1"},
		{"ErrBadEscape", "team_id=T1&text=%zz"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got, want := slack.ParseCommand([]byte(tt.body)); got != want {
				t.Fatalf("got %s, want %s", got, want)
			}
		})
	}
}
