package slack_test

import (
	"encoding/json"
	"fmt"
	"log/slog"
	mrand "math/rand/v2"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/store/inmem"
)

// firstContact is the real core, on a workspace whose default language
// is English, behind an adapter whose directory was read before its
// member UFR joined Slack: UFR's profile, fr-FR, is known to users.info
// only. replica is a second adapter of the same core with a profile
// cache of its own (socket: both in Socket Mode).
type firstContact struct {
	r, replica *rig
}

func mustFirstContact(t *testing.T, socket bool, cfg bot.Config) firstContact {
	t.Helper()
	fake := MustFakeOf(t, "T1")
	clock := bot.NewManualClock(time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	b := bot.New(cfg, inmem.New(clock.Now), clock, mrand.NewChaCha8([32]byte{1}), slog.New(slog.DiscardHandler))
	tune := func(o *slack.Options) { o.DirectoryRefresh, o.AckBudget = -1, 5*time.Second }
	var r *rig
	if socket {
		r = MustRigOn(t, fake, b, tune, func(o *slack.Options) { o.AppToken, o.SigningSecret = "xapp-test", "" })
		r.sock = fake.WaitSocket(t, 5*time.Second)
	} else {
		r = MustRigOn(t, fake, b, tune)
	}
	b.Register(slack.Platform, r.a)
	if _, err := r.a.ReadDirectory(t.Context()); err != nil {
		t.Fatal(err)
	}
	fake.AddUser(slackfake.User{ID: "UFR", Name: "fr", RealName: "Françoise", TZ: "Europe/Paris", Locale: "fr-FR"})
	// The replica serves over HTTP: what matters is its cache.
	replica := MustRigOn(t, fake, b, tune)
	return firstContact{r: r, replica: replica}
}

// openForm sends text as user's first command and returns the modal
// views.open opened, and how long after the command it was opened.
func openForm(t *testing.T, r *rig, user, text string) (map[string]any, time.Duration) {
	t.Helper()
	name := fmt.Sprintf("f%d", r.seq.Add(1))
	start := time.Now()
	if body, _ := r.command(t, slackfake.Command{Team: "T1", User: user, Text: text, ResponseURL: r.fake.ResponseURL(name), TriggerID: "tr-" + name}); body != "" {
		t.Fatalf("got ack %q, want an empty ack for a form", body)
	}
	c := r.fake.WaitCalls(t, "views.open", 1, func(c slackfake.Call) bool { return c.Get("trigger_id") == "tr-"+name }, 5*time.Second)[0]
	return c.View(), c.At.Sub(start)
}

// submitErrors submits view with values to r, as r receives them, and
// returns the errors the ack shows under the fields. Each submission has
// a user name of its own: the same body twice is one delivery replayed.
func submitErrors(t *testing.T, r *rig, user string, view map[string]any, values map[string]string) map[string]string {
	t.Helper()
	n := r.seq.Add(1)
	sub := slackfake.Submission{Team: "T1", User: user, UserName: fmt.Sprint("u", n), View: view, Values: values}
	var status int
	var body string
	if r.sock == nil {
		status, body = r.post(t, "/slack/interactions", time.Now(), sub.Body())
	} else {
		id := fmt.Sprintf("env-%d", n)
		if err := r.sock.Send(sub.Envelope(id)); err != nil {
			t.Fatal(err)
		}
		status, body = http.StatusOK, string(r.sock.WaitAck(t, id, 5*time.Second).Payload)
	}
	var ack struct {
		Action string            `json:"response_action"`
		Errors map[string]string `json:"errors"`
	}
	_ = json.Unmarshal([]byte(body), &ack)
	if status != http.StatusOK || ack.Action != "errors" {
		t.Fatalf("got %d %q, want the modal kept open with errors", status, body)
	}
	return ack.Errors
}

// viewText is a view's title, submit button and input labels.
func viewText(view map[string]any) (title, submit string, labels []string) {
	text := func(v any) string { m, _ := v.(map[string]any); return str(m["text"]) }
	blocks, _ := view["blocks"].([]any)
	for _, b := range blocks {
		if m, ok := b.(map[string]any); ok && m["type"] == "input" {
			labels = append(labels, text(m["label"]))
		}
	}
	return text(view["title"]), text(view["submit"]), labels
}

// fixedPart is the longest stretch of the catalog's sentence key in lang
// without a placeholder: what any rendering of it shows.
func fixedPart(lang bot.Lang, key string) string {
	best := ""
	for _, s := range strings.Split(bot.T(lang, key), "{") {
		if i := strings.Index(s, "}"); i >= 0 {
			s = s[i+1:]
		}
		if len(s) > len(best) {
			best = s
		}
	}
	return best
}

// TestFormFirstContactFrench: a French member whose first command opens
// a form, and whose profile the cache does not have, gets the form in
// French, and its errors too, over HTTP and Socket Mode, on the replica
// that opened it and on another whose cache knows nothing of them.
func TestFormFirstContactFrench(t *testing.T) {
	for _, socket := range []bool{false, true} {
		t.Run(map[bool]string{false: "HTTP", true: "SocketMode"}[socket], func(t *testing.T) {
			c := mustFirstContact(t, socket, bot.Config{})
			for _, tt := range []struct {
				name, text string
				values     map[string]string
				field      string
				key        string // the error's sentence
				title      string // the form's
				label      string // one of its labels
			}{
				{"Request", "request", map[string]string{"topic": "go", "kind": "individul"}, "kind", "err.bad_choice", "form.request.title", "label.kind"},
				{"Demande", "demande", map[string]string{"topic": "go", "kind": "individul"}, "kind", "err.bad_choice", "form.request.title", "label.kind"},
				{"OfferCapacityWord", "offer", map[string]string{"topics": "go", "capacity": "trois"}, "capacity", "err.bad_number", "form.offer.title", "label.capacity"},
				{"OfferCapacityZero", "propose", map[string]string{"topics": "go", "capacity": "0"}, "capacity", "err.bad_number", "form.offer.title", "label.capacity"},
			} {
				t.Run(tt.name, func(t *testing.T) {
					view, _ := openForm(t, c.r, "UFR", tt.text)
					title, submit, labels := viewText(view)
					if title != bot.T(bot.French, tt.title) || submit != bot.T(bot.French, "form.submit") || !strings.Contains(strings.Join(labels, "|"), bot.T(bot.French, tt.label)) {
						t.Fatalf("got title %q, submit %q, labels %q; want the form in French", title, submit, labels)
					}
					for i, r := range []*rig{c.r, c.replica} {
						errs := submitErrors(t, r, "UFR", view, tt.values)
						if got, want := errs[tt.field], fixedPart(bot.French, tt.key); !strings.Contains(got, want) {
							t.Fatalf("replica %d: got %q under %s, want French: %q", i, got, tt.field, want)
						}
					}
				})
			}
		})
	}
}

// TestFormFirstContactLookupFails: when users.info fails, or answers
// too late, the form opens all the same, in the workspace's language,
// well within the trigger's 3 s, and carries no language of its own.
func TestFormFirstContactLookupFails(t *testing.T) {
	for _, tt := range []struct {
		name string
		fail slackfake.Failure
	}{
		{"Error", slackfake.Failure{Error: "internal_error"}},
		{"Late", slackfake.Failure{Late: 10 * time.Second}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := mustFirstContact(t, false, bot.Config{})
			c.r.fake.Fail("users.info", tt.fail, tt.fail, tt.fail)
			view, took := openForm(t, c.r, "UFR", "request")
			if title, _, _ := viewText(view); title != bot.T(bot.English, "form.request.title") || took > 1500*time.Millisecond {
				t.Fatalf("got %q after %s, want the form in English within 1.5 s", title, took)
			}
			var meta map[string]any
			_ = json.Unmarshal([]byte(str(view["private_metadata"])), &meta)
			if _, ok := meta["l"]; ok {
				t.Fatalf("got metadata %v, want no language for a form in the default one", meta)
			}
		})
	}
}

// TestFormFirstContactClick: a French member whose first contact is an
// announcement's "Offer to mentor" gets its form in French, and its
// errors too, on another replica as well.
func TestFormFirstContactClick(t *testing.T) {
	c := mustFirstContact(t, false, bot.Config{})
	name := fmt.Sprintf("k%d", c.r.seq.Add(1))
	click := slackfake.Click{Team: "T1", User: "UFR", Channel: "C1", TS: "1700000000.000100", ResponseURL: c.r.fake.ResponseURL(name),
		TriggerID: "tr-" + name, Button: slackfake.Button{ActionID: bot.ActionOfferOpen, Value: "offer"}}
	if status, body := c.r.post(t, "/slack/interactions", time.Now(), click.Body()); status != http.StatusOK {
		t.Fatalf("got %d %q, want 200", status, body)
	}
	view := c.r.fake.WaitCalls(t, "views.open", 1, func(call slackfake.Call) bool { return call.Get("trigger_id") == "tr-"+name }, 5*time.Second)[0].View()
	if title, _, _ := viewText(view); title != bot.T(bot.French, "form.offer.title") {
		t.Fatalf("got title %q, want the form in French", title)
	}
	for i, r := range []*rig{c.r, c.replica} {
		errs := submitErrors(t, r, "UFR", view, map[string]string{"topics": "go", "capacity": "0"})
		if got, want := errs["capacity"], fixedPart(bot.French, "err.bad_number"); !strings.Contains(got, want) {
			t.Fatalf("replica %d: got %q under capacity, want French: %q", i, got, want)
		}
	}
}

// TestFormFirstContactLimited: when the core, asked again for the form
// in the member's language, refuses as the rate limit is reached, the
// form it gave first opens all the same, rather than no form.
func TestFormFirstContactLimited(t *testing.T) {
	c := mustFirstContact(t, false, bot.Config{RateLimit: bot.RateLimit{Commands: 1, Window: time.Minute}})
	view, _ := openForm(t, c.r, "UFR", "request")
	if title, _, _ := viewText(view); title != bot.T(bot.English, "form.request.title") {
		t.Fatalf("got title %q, want the form the core gave first", title)
	}
}
