package slack

import (
	"encoding/json"
	"net/http"
)

// eventEnvelope is the outer shape of an Events API request, read by hand
// so that an inner event slack-go does not know cannot make us fail it
// (Slack would retry it, again and again).
type eventEnvelope struct {
	Type      string `json:"type"`
	Challenge string `json:"challenge"`
	TeamID    string `json:"team_id"`
	EventID   string `json:"event_id"`
	Event     struct {
		Type string `json:"type"`
	} `json:"event"`
}

// serveEvent answers the Events API: the url_verification challenge when
// the request URL is set up, then events, acknowledged at once. Slack
// retries an event it thinks we missed (X-Slack-Retry-Num), so events
// are deduplicated by event_id.
func (a *Adapter) serveEvent(w http.ResponseWriter, body []byte) {
	var e eventEnvelope
	if err := json.Unmarshal(body, &e); err != nil {
		http.Error(w, "bad event", http.StatusBadRequest)
		return
	}
	if e.Type == "url_verification" {
		writeAck(w, map[string]string{"challenge": e.Challenge})
		return
	}
	a.onEvent(e.TeamID, e.EventID, e.Event.Type)
	w.WriteHeader(http.StatusOK)
}

// onEvent handles one event callback once. mentorbot subscribes to no
// event it must act on: app_home_opened and app_uninstalled are noted and
// ignored, and the state of an uninstalled workspace simply stays put.
func (a *Adapter) onEvent(team, id, typ string) {
	if id != "" && !a.seen.add(id, struct{}{}) {
		a.log.Debug("slack: duplicate event ignored", "team", team, "event_id", id)
		return
	}
	if a.opt.OnEvent != nil {
		a.opt.OnEvent(team, typ)
	}
	switch typ {
	case "app_uninstalled", "tokens_revoked":
		a.log.Warn("slack: app uninstalled or tokens revoked", "team", team, "event", typ)
	default:
		a.log.Debug("slack: event ignored", "team", team, "event", typ, "event_id", id)
	}
}
