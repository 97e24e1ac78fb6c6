package slackfake

import "encoding/json"

var jsonUnmarshal = json.Unmarshal

// Menu is a static_select or multi_static_select found in a message.
type Menu struct {
	BlockID, ActionID, Type string
	Options                 []Option
}

// Option is one option of a menu.
type Option struct{ Text, Value string }

// Menus returns the menus of the call's blocks, in order.
func (c Call) Menus() []Menu {
	var out []Menu
	for _, b := range c.Blocks() {
		els, _ := b["elements"].([]any)
		for _, e := range els {
			el, _ := e.(map[string]any)
			t := str(el["type"])
			if t != "static_select" && t != "multi_static_select" {
				continue
			}
			m := Menu{BlockID: str(b["block_id"]), ActionID: str(el["action_id"]), Type: t}
			opts, _ := el["options"].([]any)
			for _, o := range opts {
				om, _ := o.(map[string]any)
				m.Options = append(m.Options, Option{Text: textOf(om["text"]), Value: str(om["value"])})
			}
			out = append(out, m)
		}
	}
	return out
}

// Choice is options chosen in a menu of a message the bot posted, as a
// block_actions payload.
type Choice struct {
	Click
	Menu   Menu
	Values []string // the values of the options chosen
}

// JSON fills Slack's block_actions example with the choice.
func (c Choice) JSON() []byte {
	var p map[string]any
	if err := jsonUnmarshal(c.Click.JSON(), &p); err != nil {
		panic(err)
	}
	a := p["actions"].([]any)[0].(map[string]any)
	delete(a, "value")
	delete(a, "text")
	a["type"], a["action_id"], a["block_id"] = c.Menu.Type, c.Menu.ActionID, c.Menu.BlockID
	option := func(v string) map[string]any {
		for _, o := range c.Menu.Options {
			if o.Value == v {
				return map[string]any{"value": v, "text": map[string]any{"type": "plain_text", "text": o.Text}}
			}
		}
		return map[string]any{"value": v}
	}
	if c.Menu.Type == "multi_static_select" {
		chosen := []any{}
		for _, v := range c.Values {
			chosen = append(chosen, option(v))
		}
		a["selected_options"] = chosen
	} else if len(c.Values) > 0 {
		a["selected_option"] = option(c.Values[0])
	}
	return mustJSON(p)
}

// Body is the choice as the HTTP form body: payload=<json>.
func (c Choice) Body() []byte { return payloadBody(c.JSON()) }

// Envelope is the choice as a Socket Mode interactive envelope.
func (c Choice) Envelope(envelopeID string) []byte { return envelope(c.JSON(), envelopeID) }
