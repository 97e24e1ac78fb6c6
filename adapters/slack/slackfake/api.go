package slackfake

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"
)

// Team is the workspace the fake answers for in auth.test.
const (
	Team    = "T0FAKE"
	BotUser = "UBOT"
)

// serveAPI answers one Web API method like Slack: HTTP 200 with
// {"ok":true,...} or {"ok":false,"error":"..."}, a 429 with Retry-After,
// or a 5xx when told to fail.
func (s *Server) serveAPI(w http.ResponseWriter, r *http.Request, method string) {
	c := s.read(r, method)
	s.mu.Lock()
	down := s.down || s.downMethods[method]
	s.mu.Unlock()
	f := s.nextFailure(method)
	if f != nil && f.Late > 0 {
		w, f = lateAnswer(w, r, f.Late), nil // answered as usual below, but late
	}
	switch {
	case down:
		s.finish(c, http.StatusServiceUnavailable)
		http.Error(w, "<html>Service Unavailable</html>", http.StatusServiceUnavailable)
		return
	case f != nil && f.Status != 0:
		if f.RetryAfter != "" {
			w.Header().Set("Retry-After", f.RetryAfter)
		}
		s.finish(c, f.Status)
		w.WriteHeader(f.Status)
		return
	case f != nil:
		c.Answer = fail(f.Error)
		s.finish(c, http.StatusOK)
		writeJSON(w, c.Answer)
		return
	}
	if method == "views.open" && !s.recording() && strings.HasPrefix(c.Token, "xoxb-") {
		// Load runs: the same answer as below, without building it.
		body := expiredTrigger
		c.Answer = answerFailed // not recorded: never changed
		if s.useTrigger(c.Get("trigger_id")) {
			body, c.Answer = viewOpened, answerOK
		}
		s.finish(c, http.StatusOK)
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		_, _ = w.Write(body)
		return
	}
	res := s.answer(method, c)
	c.Answer = res
	s.finish(c, http.StatusOK)
	writeJSON(w, res)
}

// What views.open answers, as JSON.
var (
	answerOK       = map[string]any{"ok": true}
	answerFailed   = map[string]any{"ok": false}
	viewOpened     = []byte(`{"ok":true,"view":{"id":"VFAKE","type":"modal"}}` + "\n")
	expiredTrigger = []byte(`{"ok":false,"error":"expired_trigger_id"}` + "\n")
)

func (s *Server) recording() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.record
}

func fail(e string) map[string]any { return map[string]any{"ok": false, "error": e} }

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_ = json.NewEncoder(w).Encode(v)
}

// answer is the successful (or Slack-refused) answer to a method.
func (s *Server) answer(method string, c Call) map[string]any {
	if method == "oauth.v2.access" {
		return s.oauthAccess(c) // no token: the app's credentials (oauth.go)
	}
	want := "xoxb-"
	if method == "apps.connections.open" {
		want = "xapp-"
	}
	if !strings.HasPrefix(c.Token, want) {
		return fail("not_authed")
	}
	switch method {
	case "auth.revoke":
		return s.authRevoke(c) // oauth.go
	case "auth.test":
		w := s.workspaceOf(c.Token)
		return map[string]any{"ok": true, "team_id": w.Team, "user_id": w.BotUser, "bot_id": "BFAKE", "team": "fake", "user": "mentorbot"}
	case "users.info":
		return s.usersInfo(s.teamOf(c.Token), c.Get("user"))
	case "users.list":
		return s.usersList(s.teamOf(c.Token), c.Get("cursor"), c.Get("limit"))
	case "conversations.open":
		return s.conversationsOpen(s.teamOf(c.Token), c.Get("users"))
	case "chat.postMessage", "chat.update":
		return s.chat(method, c)
	case "conversations.history":
		return s.history(c)
	case "views.open":
		return s.viewsOpen(c)
	case "views.publish":
		return s.viewsPublish(c) // views.go
	case "apps.connections.open":
		return map[string]any{"ok": true, "url": s.socketURL}
	case "files.getUploadURLExternal":
		return s.uploadURL(c)
	case "files.completeUploadExternal":
		return s.completeUpload(c)
	}
	return fail("unknown_method")
}

func (s *Server) user(id string) (User, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, ok := s.users[id]
	if !ok && s.anyUser && id != "" {
		u, ok = User{ID: id, Name: strings.ToLower(id), RealName: "User " + id, TZ: "Europe/Paris", Locale: "en-US"}, true
	}
	return u, ok
}

func (s *Server) usersInfo(team, id string) map[string]any {
	u, ok := s.user(id)
	if !ok {
		return fail("user_not_found")
	}
	return map[string]any{"ok": true, "user": userObject(team, u)}
}

// userObject is a user of team as users.info and users.list describe them.
func userObject(team string, u User) map[string]any {
	return map[string]any{
		"id": u.ID, "team_id": team, "name": u.Name, "real_name": u.RealName, "deleted": u.Deleted,
		"tz": u.TZ, "locale": u.Locale, "is_admin": u.Admin, "is_bot": false,
		"profile": map[string]any{"real_name": u.RealName, "display_name": u.Name},
	}
}

// usersList pages through the users added with AddUser, in ID order:
// cursor is where the page starts, limit its size (Slack's default 0
// means "as many as it likes": here 100, at most 1000).
func (s *Server) usersList(team, cursor, limit string) map[string]any {
	n, _ := strconv.Atoi(limit)
	if n <= 0 {
		n = 100
	}
	n = min(n, 1000)
	from, _ := strconv.Atoi(cursor)
	s.mu.Lock()
	if s.userIDs == nil {
		s.userIDs = make([]string, 0, len(s.users))
		for id := range s.users {
			s.userIDs = append(s.userIDs, id)
		}
		sort.Strings(s.userIDs)
	}
	ids := s.userIDs
	page := make([]User, 0, n)
	for i := from; i < len(ids) && len(page) < n; i++ {
		page = append(page, s.users[ids[i]])
	}
	s.mu.Unlock()
	members := make([]any, len(page))
	for i, u := range page {
		members[i] = userObject(team, u)
	}
	next := ""
	if from+len(page) < len(ids) {
		next = strconv.Itoa(from + len(page))
	}
	return map[string]any{"ok": true, "members": members, "response_metadata": map[string]any{"next_cursor": next}}
}

// conversationsOpen opens a DM (one user) or a group DM (2 to 8 users).
// Its IDs are stable: the same users always get the same conversation;
// the same users in another workspace (AddWorkspace) get another one.
func (s *Server) conversationsOpen(team, users string) map[string]any {
	ids := strings.Split(users, ",")
	if users == "" || len(ids) > 8 {
		return fail("invalid_users")
	}
	for _, id := range ids {
		if u, ok := s.user(id); !ok {
			return fail("user_not_found")
		} else if u.Deleted {
			return fail("user_disabled")
		}
	}
	in := s.channelPrefix(team)
	if len(ids) == 1 {
		return map[string]any{"ok": true, "channel": map[string]any{"id": "D" + in + ids[0], "is_im": true}}
	}
	sort.Strings(ids)
	return map[string]any{"ok": true, "channel": map[string]any{"id": "G" + in + strings.Join(ids, ""), "is_mpim": true}}
}

// chat answers chat.postMessage with a fresh ts, and chat.update.
func (s *Server) chat(method string, c Call) map[string]any {
	channel := c.Get("channel")
	if channel == "" {
		return fail("channel_not_found")
	}
	ts := c.Get("ts")
	if method == "chat.postMessage" {
		s.mu.Lock()
		s.ts++
		ts = fmt.Sprintf("1700000000.%06d", s.ts)
		var meta map[string]any
		if m := c.Get("metadata"); m != "" && json.Unmarshal([]byte(m), &meta) == nil {
			s.tagged[channel] = append(s.tagged[channel], map[string]any{"type": "message", "ts": ts, "metadata": meta})
		}
		s.mu.Unlock()
	}
	return map[string]any{"ok": true, "channel": channel, "ts": ts}
}

// history answers conversations.history with the channel's messages that
// were posted with metadata, newest first, up to limit (default 100);
// their metadata only with include_all_metadata, as Slack does. Other
// messages are left out: no test reads them back.
func (s *Server) history(c Call) map[string]any {
	limit, _ := strconv.Atoi(c.Get("limit"))
	if limit <= 0 {
		limit = 100
	}
	withMeta := c.Get("include_all_metadata") == "1" || c.Get("include_all_metadata") == "true"
	s.mu.Lock()
	defer s.mu.Unlock()
	all := s.tagged[c.Get("channel")]
	out := []any{}
	for i := len(all) - 1; i >= 0 && len(out) < limit; i-- {
		m := map[string]any{"type": "message", "ts": all[i]["ts"]}
		if withMeta {
			m["metadata"] = all[i]["metadata"]
		}
		out = append(out, m)
	}
	return map[string]any{"ok": true, "messages": out, "has_more": false}
}

// viewsOpen accepts each trigger_id once, as Slack does.
func (s *Server) viewsOpen(c Call) map[string]any {
	if !s.useTrigger(c.Get("trigger_id")) {
		return fail("expired_trigger_id")
	}
	return map[string]any{"ok": true, "view": map[string]any{"id": "VFAKE", "type": "modal"}}
}

// useTrigger reports whether trigger is a trigger_id not used before, and
// uses it.
func (s *Server) useTrigger(trigger string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	used := s.triggers[trigger]
	s.triggers[trigger] = true
	return trigger != "" && !used
}
