package slack_test

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/bot"
)

// modal is the part of a modal view the tests look at.
type modal struct {
	Type            string `json:"type"`
	CallbackID      string `json:"callback_id"`
	PrivateMetadata string `json:"private_metadata"`
	Title, Submit   text
	Blocks          []struct {
		Type     string `json:"type"`
		BlockID  string `json:"block_id"`
		Optional bool   `json:"optional"`
		Label    text   `json:"label"`
		Element  struct {
			Type         string `json:"type"`
			ActionID     string `json:"action_id"`
			Multiline    bool   `json:"multiline"`
			MaxLength    int    `json:"max_length"`
			InitialValue string `json:"initial_value"`
			Placeholder  *text  `json:"placeholder"`
		} `json:"element"`
	} `json:"blocks"`
}

// TestRenderModal renders the core's forms as modals within Slack's limits.
func TestRenderModal(t *testing.T) {
	form := bot.Form{Command: "request", Title: "Ask for a mentor, please, right now", Submit: "Send this request to a mentor", Fields: []bot.FormField{
		{Name: "topic", Label: "Topic", Placeholder: strings.Repeat("p", 300), Required: true, MaxLength: 60, Value: strings.Repeat("v", 80)},
		{Name: "goal", Label: "Your goal", Multiline: true, MaxLength: 5000},
		{Name: "topic", Label: "Twice"},
	}}
	for _, tt := range []struct {
		name, responseURL string
		check             func(t *testing.T, m modal)
	}{
		{"OK", "https://hooks.slack.com/commands/T1/1/x", func(t *testing.T, m modal) {
			if m.Type != "modal" || m.CallbackID != "mentor.form" || len(m.Blocks) != 2 {
				t.Fatalf("got %s %s with %d blocks, want our modal with 2 inputs", m.Type, m.CallbackID, len(m.Blocks))
			}
			topic, goal := m.Blocks[0], m.Blocks[1]
			if topic.BlockID != "topic" || topic.Element.ActionID != "topic" || topic.Optional || topic.Element.MaxLength != 60 {
				t.Fatalf("got topic input %+v, want a required input of 60 named topic", topic)
			}
			if n := utf8.RuneCountInString(topic.Element.InitialValue); n > 60 {
				t.Fatalf("got an initial value of %d characters, want at most max_length", n)
			}
			if n := utf8.RuneCountInString(topic.Element.Placeholder.Text); n > 150 {
				t.Fatalf("got a placeholder of %d characters, want at most 150", n)
			}
			if !goal.Optional || !goal.Element.Multiline || goal.Element.MaxLength != 3000 {
				t.Fatalf("got goal input %+v, want an optional paragraph of at most 3000", goal)
			}
			var meta map[string]string
			if err := json.Unmarshal([]byte(m.PrivateMetadata), &meta); err != nil || meta["c"] != "request" || meta["r"] == "" {
				t.Fatalf("got private_metadata %q, want the command and the response URL", m.PrivateMetadata)
			}
		}},
		{"LongResponseURL", "https://hooks.slack.com/" + strings.Repeat("x", 3000), func(t *testing.T, m modal) {
			if len(m.PrivateMetadata) > 3000 || !strings.Contains(m.PrivateMetadata, `"c":"request"`) {
				t.Fatalf("got private_metadata of %d bytes, want the command within 3000", len(m.PrivateMetadata))
			}
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var m modal
			if err := json.Unmarshal([]byte(slack.ModalJSON(form, form.Command, tt.responseURL)), &m); err != nil {
				t.Fatal(err)
			}
			for _, s := range []string{m.Title.Text, m.Submit.Text} {
				if n := utf8.RuneCountInString(s); n == 0 || n > 24 {
					t.Fatalf("got modal title or submit of %d characters, want 1 to 24", n)
				}
			}
			tt.check(t, m)
		})
	}
}

// TestRenderedInputsReused: an empty field's input block, rendered once
// and reused, is the same JSON as one rendered afresh, in every language;
// a prefilled value is the member's own and never reused for another.
func TestRenderedInputsReused(t *testing.T) {
	for _, lang := range bot.Langs {
		for _, f := range []bot.FormField{
			{Name: "topic", Label: bot.T(lang, "label.topic"), Placeholder: bot.T(lang, "opt.topic"), Required: true, MaxLength: 60},
			{Name: "goal", Label: bot.T(lang, "label.goal"), Multiline: true, MaxLength: 500},
		} {
			for range 2 { // a miss, then a hit
				if cached, fresh := slack.InputJSON(f); cached != fresh {
					t.Fatalf("got cached input\n  %s\nwant\n  %s", cached, fresh)
				}
			}
			prefilled := f
			prefilled.Value = "kubernetes"
			if cached, _ := slack.InputJSON(prefilled); !strings.Contains(cached, `"initial_value":"kubernetes"`) {
				t.Fatalf("got %s, want the prefilled value", cached)
			}
			if cached, _ := slack.InputJSON(f); strings.Contains(cached, "kubernetes") {
				t.Fatalf("got %s, want no value from another member's form", cached)
			}
		}
	}
}

// TestPlaceholderWithoutBackticks: a placeholder is plain text, where
// Slack shows backticks as they are: the catalog's spans lose them, as on
// Discord ("9h-18h, 9h30-17h", not "`9h-18h`, `9h30-17h`").
func TestPlaceholderWithoutBackticks(t *testing.T) {
	f := bot.FormField{Name: "hours", Label: "Heures de travail", Placeholder: bot.T(bot.French, "opt.hours")}
	if !strings.Contains(f.Placeholder, "`") {
		t.Fatalf("got %q, want a placeholder with spans (the scenario)", f.Placeholder)
	}
	cached, _ := slack.InputJSON(f)
	if strings.Contains(cached, "`") || !strings.Contains(cached, "9h-18h") {
		t.Fatalf("got %s, want the placeholder without backticks", cached)
	}
}
