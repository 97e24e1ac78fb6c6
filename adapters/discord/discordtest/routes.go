package discordtest

import (
	"encoding/json"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// route answers a call from the fake's state. It runs with f.mu held.
func (f *REST) route(c Call) (int, []byte) {
	p := strings.Split(c.Path, "/")
	switch {
	case c.Method == "GET" && (c.Path == "gateway" || c.Path == "gateway/bot"):
		return http.StatusOK, jsonBytes(map[string]any{"url": f.gateway, "shards": 1,
			"session_start_limit": map[string]int{"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}})
	case c.Method == "PUT" && p[0] == "applications" && p[len(p)-1] == "commands":
		return f.register(c, p)
	case c.Method == "POST" && c.Path == "users/@me/channels":
		return f.openDM(c)
	case c.Method == "POST" && len(p) == 3 && p[0] == "channels" && p[2] == "messages":
		return f.postMessage(c, p[1])
	case c.Method == "GET" && len(p) == 3 && p[0] == "channels" && p[2] == "messages":
		return f.latest(p[1], c.Query)
	case c.Method == "PATCH" && len(p) == 4 && p[0] == "channels" && p[2] == "messages":
		m := map[string]any{}
		json.Unmarshal(c.Body, &m)
		m["id"], m["channel_id"], m["type"] = p[3], p[1], 0
		m["author"] = map[string]any{"id": "1", "username": "mentorbot", "bot": true}
		delete(m, "allowed_mentions")
		f.edited(p[1], m)
		return http.StatusOK, jsonBytes(m)
	case c.Method == "POST" && len(p) == 3 && p[0] == "channels" && p[2] == "threads":
		return f.startThread(c, p[1])
	case c.Method == "PUT" && len(p) == 4 && p[0] == "channels" && p[2] == "thread-members":
		return f.addThreadMember(p[1], p[3])
	case c.Method == "GET" && len(p) == 2 && p[0] == "channels":
		return f.channel(p[1])
	case c.Method == "GET" && len(p) == 4 && p[0] == "guilds" && p[2] == "members":
		return f.member(p[3])
	case c.Method == "POST" && len(p) == 4 && p[0] == "interactions" && p[3] == "callback":
		if f.expired[p[2]] {
			return http.StatusNotFound, apiError(10062, "Unknown interaction")
		}
		if f.acked[p[1]] {
			return http.StatusBadRequest, apiError(40060, "Interaction has already been acknowledged.")
		}
		if f.acked == nil {
			f.acked = map[string]bool{}
		}
		f.acked[p[1]] = true
		return http.StatusNoContent, nil
	case p[0] == "webhooks" && len(p) >= 3:
		if f.expired[p[2]] {
			return http.StatusNotFound, apiError(10062, "Unknown interaction")
		}
		if (c.Method == "PATCH" && len(p) == 5) || (c.Method == "POST" && len(p) == 3) {
			return http.StatusOK, f.echoMessage(c.Body, "")
		}
	}
	return http.StatusNotFound, apiError(0, "404: Not Found")
}

func (f *REST) register(c Call, p []string) (int, []byte) {
	var cmds []map[string]any
	if err := json.Unmarshal(c.Body, &cmds); err != nil {
		return http.StatusBadRequest, apiError(50035, "Invalid Form Body")
	}
	for _, cmd := range cmds {
		if CommandSize(cmd) > MaxCommandSize {
			return http.StatusBadRequest, jsonBytes(map[string]any{"code": 50035, "message": "Invalid Form Body",
				"errors": map[string]any{"_errors": []map[string]string{{"code": "APPLICATION_COMMAND_TOO_LARGE", "message": "Command exceeds maximum size (8000)"}}}})
		}
	}
	reg := Registration{AppID: p[1], Commands: json.RawMessage(c.Body)}
	if len(p) == 5 {
		reg.GuildID = p[3]
	}
	f.registered = append(f.registered, reg)
	for _, cmd := range cmds {
		cmd["id"], cmd["application_id"], cmd["version"] = f.newID(), reg.AppID, f.newID()
	}
	return http.StatusOK, jsonBytes(cmds)
}

func (f *REST) openDM(c Call) (int, []byte) {
	var req struct {
		RecipientID string `json:"recipient_id"`
	}
	if json.Unmarshal(c.Body, &req) != nil || req.RecipientID == "" {
		return http.StatusBadRequest, apiError(50035, "Invalid Form Body")
	}
	id, ok := f.dmOf[req.RecipientID]
	if !ok {
		id = f.newID()
		f.dmOf[req.RecipientID], f.userOf[id] = id, req.RecipientID
	}
	return http.StatusOK, jsonBytes(map[string]any{"id": id, "type": 1, "last_message_id": nil,
		"recipients": []map[string]any{{"id": req.RecipientID, "username": "user" + req.RecipientID}}})
}

func (f *REST) postMessage(c Call, channel string) (int, []byte) {
	if user, ok := f.userOf[channel]; ok && f.closedDMs[user] {
		return http.StatusForbidden, apiError(50007, "Cannot send messages to this user")
	}
	if _, ok := f.userOf[channel]; !ok && f.threads[channel] == nil && !f.isChannel(channel) {
		return http.StatusNotFound, apiError(10003, "Unknown Channel")
	}
	m := f.echoMessage(c.Body, channel)
	f.history[channel] = append(f.history[channel], m)
	return http.StatusOK, m
}

// latest answers GET channels/{id}/messages: the channel's messages,
// newest first, at most limit of them (50 by default, as Discord).
func (f *REST) latest(channel, query string) (int, []byte) {
	q, _ := url.ParseQuery(query)
	limit := 50
	if n, err := strconv.Atoi(q.Get("limit")); err == nil && n >= 1 && n <= 100 {
		limit = n
	}
	h := f.history[channel]
	out := []json.RawMessage{}
	for i := len(h) - 1; i >= 0 && len(out) < limit; i-- {
		out = append(out, h[i])
	}
	return http.StatusOK, jsonBytes(out)
}

// edited replaces a kept message by its edit, the fields the edit sets.
func (f *REST) edited(channel string, edit map[string]any) {
	for i, raw := range f.history[channel] {
		m := map[string]any{}
		json.Unmarshal(raw, &m)
		if m["id"] == edit["id"] {
			maps.Copy(m, edit)
			f.history[channel][i] = jsonBytes(m)
		}
	}
}

// isChannel accepts any server channel ID: the fake knows no server.
func (f *REST) isChannel(id string) bool { return id != "" }

func (f *REST) startThread(c Call, parent string) (int, []byte) {
	var req struct {
		Name string `json:"name"`
		Type int    `json:"type"`
	}
	if json.Unmarshal(c.Body, &req) != nil || req.Name == "" || len([]rune(req.Name)) > 100 {
		return http.StatusBadRequest, apiError(50035, "Invalid Form Body")
	}
	t := &Thread{ID: f.newID(), Parent: parent, Name: req.Name, Type: req.Type}
	f.threads[t.ID] = t
	f.threadOrder = append(f.threadOrder, t.ID)
	return http.StatusCreated, jsonBytes(map[string]any{"id": t.ID, "type": t.Type, "parent_id": parent, "name": t.Name})
}

func (f *REST) addThreadMember(thread, user string) (int, []byte) {
	t, ok := f.threads[thread]
	if !ok {
		return http.StatusNotFound, apiError(10003, "Unknown Channel")
	}
	if f.gone[user] {
		return http.StatusNotFound, apiError(10007, "Unknown Member")
	}
	if !slices.Contains(t.Members, user) { // a member added twice is one member, as on Discord
		t.Members = append(t.Members, user)
	}
	return http.StatusNoContent, nil
}

func (f *REST) member(user string) (int, []byte) {
	if f.gone[user] {
		return http.StatusNotFound, apiError(10007, "Unknown Member")
	}
	return http.StatusOK, jsonBytes(map[string]any{"nick": f.names[user], "roles": []string{},
		"user": map[string]any{"id": user, "username": "user" + user, "global_name": nil}})
}

// echoMessage answers a message creation or edit with the message, as
// Discord does: the payload plus an ID, a channel and an author.
func (f *REST) echoMessage(body []byte, channel string) []byte {
	m := map[string]any{}
	json.Unmarshal(body, &m)
	m["id"], m["type"] = f.newID(), 0
	if channel != "" {
		m["channel_id"] = channel
	}
	m["author"] = map[string]any{"id": "1", "username": "mentorbot", "bot": true}
	delete(m, "allowed_mentions")
	return jsonBytes(m)
}
