package slack_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
)

// TestFormFixedValues: a form's fixed values (the program an invitation's
// offer joins) travel in the modal's private_metadata, unseen by the
// member, and come back with the submission as the command's values.
func TestFormFixedValues(t *testing.T) {
	form := bot.Reply{Form: &bot.Form{Command: "offer", Title: "Offer", Fields: []bot.FormField{{Name: "topics", Label: "Topics", Required: true}},
		Fixed: map[string]string{"program": "mentorat-2028"}}}
	h := &recorder{reply: form}
	r := MustRig(t, h)
	r.command(t, slackfake.Command{Team: "T1", User: "U1", Text: "offer", ResponseURL: r.fake.ResponseURL("cmd"), TriggerID: "trigger-1"})
	view := r.fake.WaitCalls(t, "views.open", 1, nil, 5*time.Second)[0].View()
	var meta struct {
		C string            `json:"c"`
		F map[string]string `json:"f"`
	}
	if err := json.Unmarshal([]byte(str(view["private_metadata"])), &meta); err != nil || meta.C != "offer" || meta.F["program"] != "mentorat-2028" {
		t.Fatalf("got private_metadata %v, want the command and its fixed program", view["private_metadata"])
	}
	for _, b := range r.fake.WaitCalls(t, "views.open", 1, nil, time.Second)[0].Blocks() {
		if b["block_id"] == "program" {
			t.Fatalf("got a program input %v, want the fixed value unseen", b)
		}
	}
	h.mu.Lock()
	h.reply = bot.Reply{Message: bot.Message{Text: "saved"}}
	h.mu.Unlock()
	sub := slackfake.Submission{Team: "T1", User: "U1", View: map[string]any{"callback_id": "mentor.form", "private_metadata": str(view["private_metadata"])},
		Values: map[string]string{"topics": "go", "program": "typed-by-someone"}}
	r.post(t, "/slack/interactions", time.Now(), sub.Body())
	r.fake.WaitCalls(t, "response_url", 1, nil, 5*time.Second)
	cmds := h.Commands()
	if c := cmds[len(cmds)-1]; c.Name != "offer" || c.Values["topics"] != "go" || c.Values["program"] != "mentorat-2028" {
		t.Fatalf("got command %+v, want the offer with its topics and the fixed program", c)
	}
}

// TestFormFixedValueRefused: when the core refuses a form's fixed value
// (the program an invitation's offer joins was closed meanwhile), the
// modal has no input to show it under, and Slack refuses
// response_action errors on a block it does not know (the member would
// see only "trouble connecting"): the modal closes and the sentence is
// the reply, through response_url.
func TestFormFixedValueRefused(t *testing.T) {
	const closed = "The program “Mentorat 2028” is closed."
	h := &recorder{reply: bot.Reply{Message: bot.Message{Text: closed}, FieldErrors: map[string]string{"program": closed}}}
	r := MustRig(t, h)
	view := map[string]any{
		"callback_id":      "mentor.form",
		"private_metadata": `{"c":"offer","r":"` + r.fake.ResponseURL("form") + `","f":{"program":"mentorat-2028"}}`,
		"blocks":           []any{map[string]any{"type": "input", "block_id": "topics", "label": map[string]any{"type": "plain_text", "text": "Topics"}, "element": map[string]any{"type": "plain_text_input", "action_id": "topics"}}},
	}
	sub := slackfake.Submission{Team: "T1", User: "U1", View: view, Values: map[string]string{"topics": "go"}}
	status, body := r.post(t, "/slack/interactions", time.Now(), sub.Body())
	if status != 200 || body != "" {
		t.Fatalf("got %d %q, want an empty 200 that closes the modal", status, body)
	}
	reply := r.fake.WaitCalls(t, "response_url", 1, nil, 5*time.Second)[0]
	if !strings.Contains(reply.AllText(), "is closed") {
		t.Fatalf("got reply %q, want the refusal", reply.AllText())
	}
}
