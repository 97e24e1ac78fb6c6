package slack

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/slack-go/slack"
)

// Request body limits. A slash command is a short form; an interaction
// carries a whole view or message, and Slack caps those well below 1 MB.
const (
	maxCommandBody     = 64 << 10
	maxInteractionBody = 1 << 20
	maxEventBody       = 1 << 20
)

// Mux is where Register adds the endpoints (an *http.ServeMux).
type Mux interface {
	Handle(pattern string, h http.Handler)
}

// Register adds the HTTP endpoints: POST /slack/commands (the Slash
// Commands request URL), /slack/interactions (Interactivity) and
// /slack/events (Event Subscriptions). Each verifies the request's
// signature before anything else: a forged, stale or unsigned request gets
// 401 and changes nothing. With a client ID, it adds the install flow,
// GET /slack/install and /slack/oauth_redirect (oauth.go), in Socket Mode
// too. In Socket Mode without a signing secret there is nothing else to
// register.
func (a *Adapter) Register(mux Mux) {
	a.registerOAuth(mux)
	if a.opt.SigningSecret == "" {
		return
	}
	mux.Handle("POST /slack/commands", a.verified(maxCommandBody, formType, a.serveCommand))
	mux.Handle("POST /slack/interactions", a.verified(maxInteractionBody, formType, a.serveInteraction))
	mux.Handle("POST /slack/events", a.verified(maxEventBody, jsonType, a.serveEvent))
}

// verified reads and verifies the request with VerifyRequest; only then
// does next see it. A request refused gets the status that says why
// (refusal), and next never sees it.
func (a *Adapter) verified(limit int64, mediaType string, next func(w http.ResponseWriter, body []byte)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := VerifyRequest(w, r, a.opt.SigningSecret, limit)
		if err == nil {
			err = checkMediaType(r, mediaType)
		}
		if status, why := refusal(err); status != 0 {
			a.log.Info("slack: request refused", "path", r.URL.Path, "status", status, "reason", refusedReason(err))
			http.Error(w, why, status)
			return
		}
		next(w, body)
	})
}

// refusedReason is err as logged: a timestamp that is no number is named
// so, without the header's text, which the sender chose.
func refusedReason(err error) string {
	if _, ok := errors.AsType[*strconv.NumError](err); ok {
		return "malformed timestamp"
	}
	return err.Error()
}

// VerifyRequest reads the body of a request from Slack (at most limit
// bytes, else an *http.MaxBytesError) and checks its signature with
// slack-go's verifier: HMAC-SHA256 of "v0:timestamp:body" with the signing
// secret, and a timestamp within 5 minutes of now. It returns the body only
// if both hold.
func VerifyRequest(w http.ResponseWriter, r *http.Request, secret string, limit int64) ([]byte, error) {
	body, err := readBody(w, r, limit)
	if err != nil {
		return nil, err
	}
	sv, err := slack.NewSecretsVerifier(r.Header, secret)
	if err != nil {
		return nil, err
	}
	_, _ = sv.Write(body)
	if err := sv.Ensure(); err != nil {
		return nil, err
	}
	return body, nil
}

// readBody reads at most limit bytes of r's body, in one allocation when
// its length is known.
func readBody(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, error) {
	if r.ContentLength > limit {
		return nil, &http.MaxBytesError{Limit: limit} // no need to read it
	}
	body := http.MaxBytesReader(w, r.Body, limit)
	if n := r.ContentLength; n > 0 && n <= limit {
		b := make([]byte, n)
		if _, err := io.ReadFull(body, b); err != nil {
			return nil, truncated(err)
		}
		return b, nil // the server reads no further than Content-Length
	}
	b, err := io.ReadAll(body)
	if err != nil {
		return nil, truncated(err)
	}
	return b, nil
}

// formRequest rebuilds a form POST from a body already read, for
// slack-go's parsers, which read the request themselves.
func formRequest(body []byte) *http.Request {
	r, _ := http.NewRequest(http.MethodPost, "/", bytes.NewReader(body))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return r
}

// serveCommand acknowledges a slash command, with its reply when the
// core answers within the inline budget. ssl_check is Slack probing the
// certificate: it wants a 200 and nothing else.
func (a *Adapter) serveCommand(w http.ResponseWriter, body []byte) {
	received := time.Now()
	c, sslCheck, err := parseCommand(body)
	if err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	if sslCheck {
		w.WriteHeader(http.StatusOK)
		return
	}
	if c.TeamID == "" || c.UserID == "" {
		http.Error(w, "missing team_id or user_id", http.StatusBadRequest)
		return
	}
	if in := a.onCommand(c, received, deliveryKey("cmd", c.TriggerID, body)); in != nil {
		writeAck(w, in.body)
		return
	}
	w.WriteHeader(http.StatusOK)
}

// commandFields are the form fields of a slash command that
// parseCommand keeps, in the order of its values.
var commandFields = []string{
	"token", "team_id", "team_domain", "enterprise_id", "enterprise_name", "is_enterprise_install",
	"channel_id", "channel_name", "user_id", "user_name", "command", "text", "response_url",
	"trigger_id", "api_app_id", "ssl_check",
}

// parseCommand reads a slash command's form as slack-go's
// SlashCommandParse does (the first of repeated fields; a ';' or a bad
// escape in a kept field refuses the form), and whether it is an
// ssl_check. It scans the body once and unescapes only the fields it
// keeps, instead of building an *http.Request and a map of every field.
func parseCommand(body []byte) (slack.SlashCommand, bool, error) {
	var v [16]string
	var seen [16]bool
	for q := string(body); q != ""; {
		var kv string
		kv, q, _ = strings.Cut(q, "&")
		if strings.Contains(kv, ";") {
			return slack.SlashCommand{}, false, errBadForm
		}
		k, val, _ := strings.Cut(kv, "=")
		k, err := url.QueryUnescape(k)
		if err != nil {
			return slack.SlashCommand{}, false, err
		}
		i := slices.Index(commandFields, k)
		if i < 0 || seen[i] {
			continue
		}
		seen[i] = true
		if v[i], err = url.QueryUnescape(val); err != nil {
			return slack.SlashCommand{}, false, err
		}
	}
	return slack.SlashCommand{
		Token: v[0], TeamID: v[1], TeamDomain: v[2], EnterpriseID: v[3], EnterpriseName: v[4],
		IsEnterpriseInstall: v[5] == "true", ChannelID: v[6], ChannelName: v[7], UserID: v[8],
		UserName: v[9], Command: v[10], Text: v[11], ResponseURL: v[12], TriggerID: v[13], APIAppID: v[14],
	}, v[15] == "1", nil
}

const errBadForm = constError("invalid semicolon separator in query")

// serveInteraction acknowledges a click or a modal submission.
func (a *Adapter) serveInteraction(w http.ResponseWriter, body []byte) {
	ic, err := slack.InteractionCallbackParse(formRequest(body))
	if err != nil {
		http.Error(w, "bad payload", http.StatusBadRequest)
		return
	}
	writeAck(w, a.onInteraction(ic, deliveryKey("act", ic.TriggerID, body)))
}

// writeAck writes a 200 with the ack's payload as JSON, or an empty body.
// An empty 200 is the quiet ack: the answer follows by other means.
func writeAck(w http.ResponseWriter, payload any) {
	if payload == nil {
		w.WriteHeader(http.StatusOK)
		return
	}
	b, ok := payload.(json.RawMessage)
	if !ok {
		var err error
		if b, err = json.Marshal(payload); err != nil {
			w.WriteHeader(http.StatusOK)
			return
		}
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(b)
}
