package slack

import (
	"context"
	"encoding/json"
	"net/http"
	"time"
)

// eventEnvelope is the outer shape of an Events API request, read by hand
// so that an inner event slack-go does not know cannot make us fail it
// (Slack would retry it, again and again).
type eventEnvelope struct {
	Type      string          `json:"type"`
	Challenge string          `json:"challenge"`
	TeamID    string          `json:"team_id"`
	EventID   string          `json:"event_id"`
	EventTime int64           `json:"event_time"` // seconds since the epoch
	Event     json.RawMessage `json:"event"`
}

// eventTime is an envelope's event_time, zero when it has none.
func eventTime(s int64) time.Time {
	if s <= 0 {
		return time.Time{}
	}
	return time.Unix(s, 0)
}

// eventType reads the type of an inner event.
func eventType(raw json.RawMessage) string {
	var e struct {
		Type string `json:"type"`
	}
	_ = json.Unmarshal(raw, &e)
	return e.Type
}

// serveEvent answers the Events API: the url_verification challenge when
// the request URL is set up, then events, acknowledged at once. Slack
// retries an event it thinks we missed (X-Slack-Retry-Num), maybe on
// another replica, so events are deduplicated by event_id across replicas.
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
	a.onEvent(e.TeamID, e.EventID, eventTime(e.EventTime), eventType(e.Event), e.Event)
	w.WriteHeader(http.StatusOK)
}

// onEvent handles one event callback once. user_change and team_join,
// when subscribed, keep the member directory fresh (directory.go), and a
// user_change of a deleted user erases them (leave.go); app_home_opened
// publishes the member's App Home (home.go); app_uninstalled and
// tokens_revoked (of the bot's token) erase the workspace's token and stop
// serving it (installs.go); its data stays until the core erases it.
func (a *Adapter) onEvent(team, id string, at time.Time, typ string, raw json.RawMessage) {
	if id != "" {
		ctx, cancel := context.WithTimeout(context.Background(), eventDedupeTimeout)
		first := a.firstDelivery(ctx, team, deliveryKey("event", id, nil))
		cancel()
		if !first {
			a.log.Debug("slack: duplicate event ignored", "team", team, "event_id", id)
			return
		}
	}
	if a.opt.OnEvent != nil {
		a.opt.OnEvent(team, typ)
	}
	switch typ {
	case "user_change", "team_join":
		a.onUserEvent(raw)
		a.onUserLeft(team, raw) // a deleted user left: erased (leave.go)
	case "app_home_opened":
		a.onHomeOpened(team, raw) // home.go
	case "app_uninstalled", "tokens_revoked":
		a.onUninstalled(team, typ, at, raw) // installs.go
	default:
		a.log.Debug("slack: event ignored", "team", team, "event", typ, "event_id", id)
	}
}
