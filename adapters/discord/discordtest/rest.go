package discordtest

import (
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// APIPrefix is the path under which the fake serves the API, as Discord
// does (https://discord.com/api/v9/).
const APIPrefix = "/api/v9/"

// Call is one request the fake received, and the status it answered.
type Call struct {
	Method string
	Path   string // under APIPrefix: "channels/123/messages"
	Query  string
	Auth   string // the Authorization header
	Body   []byte // the JSON payload (payload_json of a multipart upload)
	Files  []File // files attached to a multipart upload
	Status int
	Resp   []byte // what the fake answered
}

// File is a file attached to a message.
type File struct {
	Name, Type string
	Data       []byte
}

// Route is "METHOD path", the form faults are matched against.
func (c Call) Route() string { return c.Method + " " + c.Path }

// Message decodes the call's body as a message payload.
func (c Call) Message() Message {
	m, _ := decode[Message](c.Body)
	return m
}

// Response decodes the call's body as an interaction response.
func (c Call) Response() Response {
	r, _ := decode[Response](c.Body)
	return r
}

// REST is a fake of Discord's REST API. Point discordgo at URL() (as
// DISCORD_API_URL). It keeps DM channels, threads, messages and members,
// answers what discordgo expects, and records every call. Methods are
// safe for concurrent use.
type REST struct {
	Server *httptest.Server

	mu          sync.Mutex
	calls       []Call
	next        int64
	gateway     string
	dmOf        map[string]string // user -> DM channel
	userOf      map[string]string // DM channel -> user
	threads     map[string]*Thread
	threadOrder []string
	closedDMs   map[string]bool
	expired     map[string]bool
	gone        map[string]bool
	names       map[string]string
	faults      []*fault
	holds       []*hold
	drops       []*fault
	registered  []Registration
	guildOf     map[string]string            // server channel -> its guild (channels.go)
	acked       map[string]bool              // interactions answered by a callback
	history     map[string][]json.RawMessage // channel -> its messages, oldest first
}

// Thread is a thread the bot created.
type Thread struct {
	ID, Parent, Name string
	Type             int
	Members          []string
}

// Registration is one bulk overwrite of the application's commands.
type Registration struct {
	AppID, GuildID string
	Commands       json.RawMessage
}

type fault struct {
	route  string
	n      int
	status int
	header http.Header
	body   []byte
	taken  bool // the call is carried out all the same (TakeThenFail)
}

// NewREST starts a fake REST API, closed with the test.
func NewREST(tb testing.TB) *REST {
	tb.Helper()
	f := &REST{
		next: 1_300_000_000_000_000_000, dmOf: map[string]string{}, userOf: map[string]string{},
		threads: map[string]*Thread{}, closedDMs: map[string]bool{}, expired: map[string]bool{},
		gone: map[string]bool{}, names: map[string]string{}, guildOf: map[string]string{},
		history: map[string][]json.RawMessage{},
	}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	tb.Cleanup(f.Server.Close)
	return f
}

// URL is the API base to configure, with the version and a final slash.
func (f *REST) URL() string { return f.Server.URL + APIPrefix }

// SetGateway sets the websocket URL that GET gateway and gateway/bot return.
func (f *REST) SetGateway(url string) { f.locked(func() { f.gateway = url }) }

// CloseDMs makes messages to the user's DM channel fail with 50007, as
// when a member turned off DMs from server members.
func (f *REST) CloseDMs(user string) { f.locked(func() { f.closedDMs[user] = true }) }

// ExpireToken makes every use of an interaction token fail with 10062
// Unknown interaction, as when Discord stopped waiting for the response.
func (f *REST) ExpireToken(token string) { f.locked(func() { f.expired[token] = true }) }

// Leave makes the user unknown: GET member and thread-member add fail
// with 10007 Unknown Member.
func (f *REST) Leave(user string) { f.locked(func() { f.gone[user] = true }) }

// SetName sets the nickname GET guilds/{g}/members/{user} returns.
func (f *REST) SetName(user, nick string) { f.locked(func() { f.names[user] = nick }) }

// RateLimit answers the next n calls whose route starts with route (like
// "POST channels/") with a 429 shaped like Discord's documented sample,
// retry_after set to after.
func (f *REST) RateLimit(route string, n int, after time.Duration) {
	secs := fmt.Sprintf("%.3f", after.Seconds())
	h := http.Header{}
	for k, v := range sample429Header {
		h[k] = v
	}
	h.Set("Retry-After", secs)
	h.Set("X-RateLimit-Reset-After", secs)
	h.Set("X-RateLimit-Reset", fmt.Sprintf("%.3f", float64(time.Now().Add(after).UnixMilli())/1000))
	body := fmt.Sprintf(`{"message": "You are being rate limited.", "retry_after": %s, "global": false}`, secs)
	f.locked(func() {
		f.faults = append(f.faults, &fault{route: route, n: n, status: 429, header: h, body: []byte(body)})
	})
}

// Drop takes the next n calls whose route starts with route (a message
// is posted) and then closes the connection without an answer, as when a
// network fails between Discord and the bot: the caller cannot tell
// whether its call was taken.
func (f *REST) Drop(route string, n int) {
	f.locked(func() { f.drops = append(f.drops, &fault{route: route, n: n}) })
}

// drop reports whether a call on route is to be dropped. It runs with
// f.mu held.
func (f *REST) drop(route string) bool { return take(&f.drops, route) != nil }

// hangUp closes the connection of w without writing a response.
func hangUp(w http.ResponseWriter) {
	if conn, _, err := http.NewResponseController(w).Hijack(); err == nil {
		conn.Close()
	}
}

// Fail answers the next n calls whose route starts with route with status
// (a 5xx: an outage).
func (f *REST) Fail(route string, n, status int) {
	body := fmt.Sprintf(`{"message": "%s", "code": 0}`, http.StatusText(status))
	f.locked(func() { f.faults = append(f.faults, &fault{route: route, n: n, status: status, body: []byte(body)}) })
}

// Refuse answers the next n calls whose route starts with route with
// status and Discord's JSON error code: a 403 with 50001 (Missing
// Access) for a channel the bot cannot see.
func (f *REST) Refuse(route string, n, status, code int, message string) {
	f.locked(func() {
		f.faults = append(f.faults, &fault{route: route, n: n, status: status, body: apiError(code, message)})
	})
}

func (f *REST) locked(fn func()) {
	f.mu.Lock()
	defer f.mu.Unlock()
	fn()
}

// serve records the call and answers it: with a pending fault, else from
// the fake's state.
func (f *REST) serve(w http.ResponseWriter, r *http.Request) {
	body, files := readBody(r)
	path, ok := strings.CutPrefix(r.URL.Path, APIPrefix)
	call := Call{Method: r.Method, Path: path, Query: r.URL.RawQuery, Auth: r.Header.Get("Authorization"), Body: body, Files: files}
	if !f.wait(r, call.Route()) {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	status, header, resp := http.StatusNotFound, http.Header{}, []byte(`{"message": "404: Not Found", "code": 0}`)
	if ok {
		ft := take(&f.faults, call.Route())
		switch {
		case ft == nil:
			status, resp = f.route(call)
		case ft.taken:
			f.route(call) // carried out, but answered with the fault
			fallthrough
		default:
			status, header, resp = ft.status, ft.header, ft.body
		}
	}
	call.Status, call.Resp = status, resp
	f.calls = append(f.calls, call)
	if ok && f.drop(call.Route()) {
		hangUp(w)
		return
	}
	for k, v := range header {
		w.Header()[k] = v
	}
	if status == http.StatusNoContent {
		w.WriteHeader(status)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(resp)
}

// readBody reads a JSON body, or the payload_json and files of a
// multipart upload, the way Discord takes attachments.
func readBody(r *http.Request) ([]byte, []File) {
	mt, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/form-data" {
		body, _ := io.ReadAll(r.Body)
		return body, nil
	}
	var body []byte
	var files []File
	mr := multipart.NewReader(r.Body, params["boundary"])
	for {
		part, err := mr.NextPart()
		if err != nil {
			return body, files
		}
		data, _ := io.ReadAll(part)
		if part.FormName() == "payload_json" {
			body = data
		} else if part.FileName() != "" {
			files = append(files, File{Name: part.FileName(), Type: part.Header.Get("Content-Type"), Data: data})
		}
	}
}

// TakeThenFail carries out the next n calls whose route starts with
// route, and answers them with status all the same (a 5xx after the
// work was done, as a proxy or Discord may give).
func (f *REST) TakeThenFail(route string, n, status int) {
	body := fmt.Sprintf(`{"message": "%s", "code": 0}`, http.StatusText(status))
	f.locked(func() {
		f.faults = append(f.faults, &fault{route: route, n: n, status: status, body: []byte(body), taken: true})
	})
}

// take returns the first fault of list for route, counting it down and
// removing it when spent; nil if none.
func take(list *[]*fault, route string) *fault {
	for i, ft := range *list {
		if strings.HasPrefix(route, ft.route) {
			if ft.n--; ft.n <= 0 {
				*list = append((*list)[:i], (*list)[i+1:]...)
			}
			return ft
		}
	}
	return nil
}

// newID returns a fresh snowflake-like ID.
func (f *REST) newID() string {
	f.next++
	return fmt.Sprint(f.next)
}

func jsonBytes(v any) []byte {
	b, _ := json.Marshal(v)
	return b
}

func apiError(code int, message string) []byte {
	return jsonBytes(map[string]any{"code": code, "message": message})
}
