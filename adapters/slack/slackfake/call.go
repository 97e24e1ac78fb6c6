package slackfake

import (
	"encoding/json"
	"strings"
)

// Get returns a parameter of the call: a form or query value, or a
// top-level string of a JSON body.
func (c Call) Get(name string) string {
	if v := c.Params.Get(name); v != "" {
		return v
	}
	if s, ok := c.Body[name].(string); ok {
		return s
	}
	return ""
}

// Blocks returns the Block Kit blocks the call carried: the "blocks"
// parameter of chat.*, the blocks of a response_url post, or the blocks of
// the view of views.open.
func (c Call) Blocks() []map[string]any {
	var raw any
	switch {
	case c.Params.Get("blocks") != "":
		_ = json.Unmarshal([]byte(c.Params.Get("blocks")), &raw)
	case c.Body["blocks"] != nil:
		raw = c.Body["blocks"]
	case c.View() != nil:
		raw = c.View()["blocks"]
	}
	list, _ := raw.([]any)
	out := make([]map[string]any, 0, len(list))
	for _, b := range list {
		if m, ok := b.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

// View returns the view of a views.open or views.publish call, or nil.
func (c Call) View() map[string]any {
	v, _ := c.Body["view"].(map[string]any)
	return v
}

// Button is a button found in a message.
type Button struct {
	Text, ActionID, Value, Style string
}

// Buttons returns the buttons of the call's blocks, in order.
func (c Call) Buttons() []Button {
	var out []Button
	for _, b := range c.Blocks() {
		els, _ := b["elements"].([]any)
		for _, e := range els {
			el, _ := e.(map[string]any)
			if el["type"] != "button" {
				continue
			}
			out = append(out, Button{Text: textOf(el["text"]), ActionID: str(el["action_id"]), Value: str(el["value"]), Style: str(el["style"])})
		}
	}
	return out
}

// Button returns the button with that action ID, and whether there is one.
func (c Call) Button(actionID string) (Button, bool) {
	for _, b := range c.Buttons() {
		if b.ActionID == actionID {
			return b, true
		}
	}
	return Button{}, false
}

// AllText returns every text of the call, joined by newlines: the "text"
// parameter and each text of its blocks (sections, fields, headers,
// contexts, buttons, inputs), as sent, escaped. For "contains" checks.
func (c Call) AllText() string {
	parts := []string{c.Get("text")}
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			if t, ok := x["text"].(string); ok {
				parts = append(parts, t)
			}
			for k, y := range x {
				if k != "text" || !isString(y) {
					walk(y)
				}
			}
		case []any:
			for _, y := range x {
				walk(y)
			}
		}
	}
	if v := c.View(); v != nil {
		walk(v["title"])
		walk(v["submit"])
	}
	for _, b := range c.Blocks() {
		walk(b)
	}
	return strings.Join(parts, "\n")
}

func isString(v any) bool { _, ok := v.(string); return ok }

func textOf(v any) string {
	if m, ok := v.(map[string]any); ok {
		return str(m["text"])
	}
	return str(v)
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

// Inline reads the body of a slash command's ack (HTTP) or an ack's
// payload (Socket Mode): the reply it carries, as a Call of method
// "inline" whose Body is the JSON, and whether it carries one. An empty
// body, "null" or JSON that is not an ephemeral message carry none.
func Inline(body []byte) (Call, bool) {
	var m map[string]any
	if json.Unmarshal(body, &m) != nil || m["response_type"] != "ephemeral" {
		return Call{}, false
	}
	return Call{Method: "inline", Body: m, Status: 200}, true
}

// TS is the ts of the message a chat.postMessage call created.
func (c Call) TS() string { return str(c.Answer["ts"]) }
