package slackfake

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"maps"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"time"
)

//go:embed fixtures/*.json fixtures/*.form
var fixtures embed.FS

// fixture decodes one of Slack's documented examples: a fresh copy each
// time, so that callers may change it.
func fixture(name string) map[string]any {
	b, err := fixtures.ReadFile("fixtures/" + name)
	if err != nil {
		panic(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		panic(err)
	}
	return m
}

// Signature returns Slack's v0 signature of body sent at timestamp:
// "v0=" + hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + body)).
func Signature(secret, timestamp string, body []byte) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte("v0:" + timestamp + ":"))
	mac.Write(body)
	return "v0=" + hex.EncodeToString(mac.Sum(nil))
}

// NewRequest returns a POST of body to url, signed at ts as Slack signs
// it: a form, or JSON when body is a JSON object (an Events API callback). Use time.Now(): slack-go's verifier refuses timestamps more
// than 5 minutes away and has no clock to move.
func NewRequest(url, secret string, ts time.Time, body []byte) *http.Request {
	r, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		panic(err)
	}
	stamp := strconv.FormatInt(ts.Unix(), 10)
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if bytes.HasPrefix(body, []byte("{")) {
		r.Header.Set("Content-Type", "application/json")
	}
	r.Header.Set("X-Slack-Request-Timestamp", stamp)
	r.Header.Set("X-Slack-Signature", Signature(secret, stamp, body))
	return r
}

// Command is a slash command as Slack posts it.
type Command struct {
	Team, User, UserName, Channel string
	Command                       string // default /mentor
	Text                          string // as Slack sends it: escaped
	ResponseURL, TriggerID        string
}

// weather is Slack's /weather example, parsed once: load runs build
// thousands of commands a second from it.
var weather = sync.OnceValue(func() url.Values {
	b, _ := fixtures.ReadFile("fixtures/slack_slash_command_weather.form")
	v, _ := url.ParseQuery(string(bytes.TrimSpace(b)))
	return v
})

// values fills Slack's /weather example with the command's fields; a
// plain workspace, so without the enterprise fields.
func (c Command) values() url.Values {
	v := maps.Clone(weather())
	v.Del("enterprise_id")
	v.Del("enterprise_name")
	if c.Command == "" {
		c.Command = "/mentor"
	}
	set := map[string]string{
		"team_id": c.Team, "user_id": c.User, "user_name": c.UserName, "channel_id": c.Channel,
		"command": c.Command, "text": c.Text, "response_url": c.ResponseURL, "trigger_id": c.TriggerID,
	}
	for k, x := range set {
		v.Set(k, x)
	}
	return v
}

// Body is the command's form-encoded POST body.
func (c Command) Body() []byte { return []byte(c.values().Encode()) }

// Envelope is the command as a Socket Mode slash_commands envelope.
func (c Command) Envelope(envelopeID string) []byte {
	env := fixture("slack_socket_mode_frames.json")["slash_commands_envelope"].(map[string]any)
	payload := map[string]any{}
	for k, v := range c.values() {
		payload[k] = v[0]
	}
	env["payload"] = payload
	env["envelope_id"] = envelopeID
	return mustJSON(env)
}

// Click is a button click on a message the bot posted, as a block_actions
// payload.
type Click struct {
	Team, User, UserName string
	Channel, TS          string // the message's
	Ephemeral            bool
	ResponseURL          string
	TriggerID            string
	Button               Button
	// Home: the button is on the App Home tab, a view: the click has no
	// channel, no message and no response_url (Channel, TS, Ephemeral
	// and ResponseURL are ignored).
	Home bool
}

// JSON fills Slack's block_actions example with the click.
func (c Click) JSON() []byte {
	p := fixture("slack_block_actions.json")
	p["team"].(map[string]any)["id"] = c.Team
	p["user"] = map[string]any{"id": c.User, "username": c.UserName, "name": c.UserName, "team_id": c.Team}
	p["container"] = map[string]any{"type": "message", "message_ts": c.TS, "channel_id": c.Channel, "is_ephemeral": c.Ephemeral}
	p["channel"] = map[string]any{"id": c.Channel, "name": "directmessage"}
	p["message"].(map[string]any)["ts"] = c.TS
	p["response_url"] = c.ResponseURL
	p["trigger_id"] = c.TriggerID
	if c.Home {
		delete(p, "channel")
		delete(p, "message")
		delete(p, "response_url")
		p["container"] = map[string]any{"type": "view", "view_id": "VHOME" + c.User}
		p["view"] = map[string]any{"id": "VHOME" + c.User, "type": "home", "callback_id": "mentorbot.home", "team_id": c.Team}
	}
	a := p["actions"].([]any)[0].(map[string]any)
	a["action_id"], a["value"], a["block_id"] = c.Button.ActionID, c.Button.Value, "actions"
	a["text"].(map[string]any)["text"] = c.Button.Text
	return mustJSON(p)
}

// Body is the click as the HTTP form body: payload=<json>.
func (c Click) Body() []byte { return payloadBody(c.JSON()) }

// Envelope is the click as a Socket Mode interactive envelope.
func (c Click) Envelope(envelopeID string) []byte { return envelope(c.JSON(), envelopeID) }

// Submission is a modal submitted with values, as a view_submission.
type Submission struct {
	Team, User, UserName string
	View                 map[string]any    // the view the bot opened (Call.View of views.open)
	Values               map[string]string // by block_id, whose action_id is the same
}

// JSON fills Slack's view_submission example with the submission.
func (s Submission) JSON() []byte {
	p := fixture("slack_view_submission.json")
	p["team"].(map[string]any)["id"] = s.Team
	p["user"] = map[string]any{"id": s.User, "username": s.UserName, "name": s.UserName, "team_id": s.Team}
	view := p["view"].(map[string]any)
	for _, k := range []string{"callback_id", "private_metadata", "blocks", "title", "submit"} {
		if v, ok := s.View[k]; ok {
			view[k] = v
		}
	}
	values := map[string]any{}
	for id, v := range s.Values {
		values[id] = map[string]any{id: map[string]any{"type": "plain_text_input", "value": v}}
	}
	view["state"] = map[string]any{"values": values}
	p["response_urls"] = []any{}
	return mustJSON(p)
}

// Body is the submission as the HTTP form body.
func (s Submission) Body() []byte { return payloadBody(s.JSON()) }

// Envelope is the submission as a Socket Mode interactive envelope.
func (s Submission) Envelope(envelopeID string) []byte { return envelope(s.JSON(), envelopeID) }

func payloadBody(js []byte) []byte {
	return []byte(url.Values{"payload": {string(js)}}.Encode())
}

func envelope(payload []byte, id string) []byte {
	env := fixture("slack_socket_mode_frames.json")["interactive_envelope"].(map[string]any)
	env["payload"] = json.RawMessage(payload)
	env["envelope_id"] = id
	return mustJSON(env)
}

// Frame returns one of the documented Socket Mode frames: "hello",
// "disconnect_warning", "disconnect_refresh".
func Frame(name string) []byte {
	return mustJSON(fixture("slack_socket_mode_frames.json")[name])
}

// Event is an Events API event callback, or url_verification when Type is
// "url_verification".
func Event(typ, team, eventID, eventType string) []byte {
	if typ == "url_verification" {
		return mustJSON(map[string]any{"token": "x", "challenge": eventID, "type": typ})
	}
	return mustJSON(map[string]any{
		"token": "x", "team_id": team, "api_app_id": "AFAKE", "type": typ, "event_id": eventID,
		"event_time": 1700000000, "event": map[string]any{"type": eventType, "user": "U1", "tab": "home"},
	})
}

// HomeOpened is the app_home_opened event of a user opening the bot's
// App Home tab ("home") or its Messages tab ("messages").
func HomeOpened(team, eventID, user, tab string) []byte {
	return mustJSON(map[string]any{
		"token": "x", "team_id": team, "api_app_id": "AFAKE", "type": "event_callback", "event_id": eventID,
		"event_time": 1700000000, "event": map[string]any{"type": "app_home_opened", "user": user, "channel": "D" + user, "tab": tab, "event_ts": "1700000000.000100"},
	})
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

// EventEnvelope is an Events API event as a Socket Mode events_api
// envelope.
func EventEnvelope(event []byte, envelopeID string) []byte {
	return mustJSON(map[string]any{
		"envelope_id": envelopeID, "type": "events_api", "accepts_response_payload": false,
		"payload": json.RawMessage(event),
	})
}
