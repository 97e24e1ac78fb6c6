package slackfake

import (
	"bytes"
	"cmp"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
)

// Server is the fake Slack. Its zero value is not usable: call New.
type Server struct {
	srv *httptest.Server

	mu        sync.Mutex
	calls     []Call
	counts    map[string]int
	succeeded map[string]int
	record    bool
	changed   chan struct{} // closed and replaced on every call
	users     map[string]User
	userIDs   []string // sorted, for users.list; nil when users changed
	team      string
	anyUser   bool
	failures  map[string][]Failure
	down      bool
	// downMethods answer 503 until told otherwise (SetMethodDown).
	downMethods map[string]bool
	ts          int
	triggers    map[string]bool
	socket      *Socket
	socketURL   string
	// tagged holds, by channel, the messages posted with metadata, for
	// conversations.history: the only messages it returns.
	tagged map[string][]map[string]any
	oauth  oauthCodes // oauth.go
	// workspaces are the workspaces other than team, by token
	// (AddWorkspace): any other xoxb- token acts in team.
	workspaces map[string]Workspace
}

// User is a member of the fake workspace, as users.info describes them.
type User struct {
	ID       string
	Name     string // handle
	RealName string
	TZ       string // IANA zone
	Locale   string // "en-US", "fr-FR"
	Deleted  bool
	Admin    bool // a workspace admin (is_admin)
}

// Failure is what the fake answers instead of success, once. To a
// response_url, Status 0 means 404 and Error is the body.
type Failure struct {
	Status     int    // HTTP status; 0 means 200 with ok:false
	RetryAfter string // Retry-After header, with Status 429
	Error      string // Slack's error string, with Status 0
	// Late, when set, makes the call succeed (the fake takes the message
	// at once: it is recorded, counted and succeeded) but answers only
	// after Late, or never if the client gives up first: a Slack that
	// takes the message and answers late. Status and Error are unused.
	Late time.Duration
}

// Call is one request the fake received.
type Call struct {
	Method string     // Web API method ("chat.postMessage"), or "response_url"
	Path   string     // the request path
	Token  string     // the token sent, from the form or the Bearer header
	Params url.Values // form or query parameters
	Body   map[string]any
	Status int            // what the fake answered
	Answer map[string]any // the JSON answer of a Web API call, if any
	Data   []byte         // the file of an upload
	At     time.Time
}

// New starts a fake Slack on loopback. Close it when done; MustNew does.
func New() *Server {
	s := &Server{
		counts: map[string]int{}, succeeded: map[string]int{}, record: true, changed: make(chan struct{}),
		users: map[string]User{}, failures: map[string][]Failure{}, triggers: map[string]bool{}, tagged: map[string][]map[string]any{}, team: Team,
		workspaces: map[string]Workspace{}, downMethods: map[string]bool{},
	}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	s.socketURL = "ws" + strings.TrimPrefix(s.srv.URL, "http") + "/socket"
	return s
}

// MustNew starts a fake Slack that closes with the test.
func MustNew(tb testing.TB) *Server {
	tb.Helper()
	s := New()
	tb.Cleanup(s.Close)
	return s
}

// Close stops the server and its websocket.
func (s *Server) Close() {
	s.mu.Lock()
	k := s.socket
	s.mu.Unlock()
	if k != nil {
		k.close()
	}
	s.srv.CloseClientConnections()
	s.srv.Close()
}

// APIURL is the Web API base to give slack-go (SLACK_API_URL), with the
// trailing slash it needs.
func (s *Server) APIURL() string { return s.srv.URL + "/api/" }

// ResponseURL returns a response_url on the fake, named name.
func (s *Server) ResponseURL(name string) string { return s.srv.URL + "/response/" + name }

// AddUser adds members to the workspace.
func (s *Server) AddUser(users ...User) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, u := range users {
		s.users[u.ID] = u
	}
	s.userIDs = nil
}

// SetTeam makes the fake answer for workspace team (auth.test, and the
// team_id of its users) instead of Team.
func (s *Server) SetTeam(team string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.team = team
}

// AnyUser makes every unknown user ID a member, named after its ID (load
// runs, where each request has its own user).
func (s *Server) AnyUser() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.anyUser = true
}

// Fail makes the next calls to method answer fs, in order.
func (s *Server) Fail(method string, fs ...Failure) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failures[method] = append(s.failures[method], fs...)
}

// nextFailure takes the next failure queued for method, or returns nil.
func (s *Server) nextFailure(method string) *Failure {
	s.mu.Lock()
	defer s.mu.Unlock()
	q := s.failures[method]
	if len(q) == 0 {
		return nil
	}
	s.failures[method] = q[1:]
	return &q[0]
}

// lateAnswer returns w, which writes nothing of its answer to r until d
// has passed, or the client gave up on r (Failure.Late).
func lateAnswer(w http.ResponseWriter, r *http.Request, d time.Duration) http.ResponseWriter {
	return &lateWriter{ResponseWriter: w, r: r, d: d}
}

type lateWriter struct {
	http.ResponseWriter
	r    *http.Request
	d    time.Duration
	once sync.Once
}

func (w *lateWriter) wait() {
	w.once.Do(func() {
		t := time.NewTimer(w.d)
		defer t.Stop()
		select {
		case <-t.C:
		case <-w.r.Context().Done():
		}
	})
}

func (w *lateWriter) WriteHeader(status int) { w.wait(); w.ResponseWriter.WriteHeader(status) }

func (w *lateWriter) Write(b []byte) (int, error) { w.wait(); return w.ResponseWriter.Write(b) }

// SetDown makes every Web API method answer 503 (true) or work again.
// response_url posts still work: on Slack they go to another host.
func (s *Server) SetDown(down bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.down = down
}

// SetMethodDown makes method answer 503 (true), for as long as it takes,
// or work again; the other methods work meanwhile.
func (s *Server) SetMethodDown(method string, down bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.downMethods[method] = down
}

// SetRecording turns the recording of calls off (load runs) or on. Counts
// are always kept.
func (s *Server) SetRecording(on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.record = on
}

// Calls returns the calls received so far, to method if it is not "".
func (s *Server) Calls(method string) []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	return filter(s.calls, method)
}

// Count returns how many calls to method the fake received.
func (s *Server) Count(method string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.counts[method]
}

// Succeeded returns how many calls to method the fake answered with
// success: HTTP 200 and, for a Web API method, "ok": true.
func (s *Server) Succeeded(method string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.succeeded[method]
}

func filter(calls []Call, method string) []Call {
	var out []Call
	for _, c := range calls {
		if method == "" || c.Method == method {
			out = append(out, c)
		}
	}
	return out
}

// WaitCalls waits until the fake has received at least n calls to method
// that satisfy match (nil: any), and returns them all. It fails the test
// after timeout.
func (s *Server) WaitCalls(tb testing.TB, method string, n int, match func(Call) bool, timeout time.Duration) []Call {
	tb.Helper()
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		s.mu.Lock()
		var got []Call
		for _, c := range filter(s.calls, method) {
			if match == nil || match(c) {
				got = append(got, c)
			}
		}
		changed := s.changed
		s.mu.Unlock()
		if len(got) >= n {
			return got
		}
		select {
		case <-changed:
		case <-deadline.C:
			tb.Fatalf("slackfake: got %d calls to %s, want %d within %s; all calls: %s", len(got), method, n, timeout, s.summary())
			return nil
		}
	}
}

// summary lists the methods called, for failure messages.
func (s *Server) summary() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var b strings.Builder
	for _, c := range s.calls {
		b.WriteString(c.Method)
		b.WriteString(" ")
	}
	return b.String()
}

// serve records a request and routes it.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.URL.Path == "/socket":
		s.serveSocket(w, r)
	case strings.HasPrefix(r.URL.Path, "/upload/"):
		s.serveUpload(w, r)
	case strings.HasPrefix(r.URL.Path, "/response/"):
		c := s.read(r, "response_url")
		switch f := s.nextFailure("response_url"); {
		case f != nil && f.Late == 0:
			status := cmp.Or(f.Status, http.StatusNotFound)
			s.finish(c, status)
			http.Error(w, f.Error, status)
			return
		case f != nil:
			w = lateAnswer(w, r, f.Late)
		}
		s.finish(c, http.StatusOK)
		w.Header().Set("Content-Type", "text/plain")
		io.WriteString(w, "ok")
	case r.URL.Path == "/api/oauth.v2.access":
		s.serveAPI(w, withBasicAuth(r), "oauth.v2.access") // oauth.go
	case strings.HasPrefix(r.URL.Path, "/api/"):
		s.serveAPI(w, r, strings.TrimPrefix(r.URL.Path, "/api/"))
	default:
		http.NotFound(w, r)
	}
}

// read decodes a request: form, query or JSON, and the token.
func (s *Server) read(r *http.Request, method string) Call {
	c := Call{Method: method, Path: r.URL.Path, Params: r.URL.Query(), At: time.Now()}
	body, done := readBody(r)
	defer done() // everything below copies what it keeps
	ct, _, _ := strings.Cut(r.Header.Get("Content-Type"), ";")
	switch strings.ToLower(strings.TrimSpace(ct)) {
	case "application/json":
		s.mu.Lock()
		record := s.record
		s.mu.Unlock()
		if !record {
			// Load runs: read only what the answer needs, so that the
			// fake's own work weighs little on the process it shares with
			// the bot under load.
			c.Body = map[string]any{"trigger_id": quickString(body, "trigger_id")}
			break
		}
		_ = json.Unmarshal(body, &c.Body)
	case "application/x-www-form-urlencoded":
		if form, err := url.ParseQuery(string(body)); err == nil {
			for k, v := range form {
				c.Params[k] = v
			}
		}
	}
	c.Token = c.Params.Get("token")
	if t, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok {
		c.Token = t
	}
	return c
}

// bodies are buffers for request bodies: load runs post thousands of
// views a second.
var bodies = sync.Pool{New: func() any { return new([]byte) }}

// readBody reads up to 4 MB of a request's body into a pooled buffer, and
// returns done to give it back once nothing refers to it any more.
func readBody(r *http.Request) ([]byte, func()) {
	const limit = 4 << 20
	p := bodies.Get().(*[]byte)
	buf := bytes.NewBuffer((*p)[:0])
	if n := r.ContentLength; n > 0 && n <= limit {
		buf.Grow(int(n))
	}
	_, _ = buf.ReadFrom(io.LimitReader(r.Body, limit))
	body := buf.Bytes()
	return body, func() {
		if cap(body) <= 64<<10 {
			*p = body[:0]
			bodies.Put(p)
		}
	}
}

// finish records a call once answered.
func (s *Server) finish(c Call, status int) {
	c.Status = status
	s.mu.Lock()
	defer s.mu.Unlock()
	s.counts[c.Method]++
	if status == http.StatusOK && (c.Answer == nil || c.Answer["ok"] == true) {
		s.succeeded[c.Method]++
	}
	if s.record {
		s.calls = append(s.calls, c)
	}
	close(s.changed)
	s.changed = make(chan struct{})
}

// quickString returns the string value of a top-level JSON field without
// decoding the document: enough for the IDs the fake itself generates,
// which need no unescaping. It falls back to a full decode.
func quickString(body []byte, field string) string {
	key := []byte(`"` + field + `":"`)
	if i := bytes.Index(body, key); i >= 0 {
		rest := body[i+len(key):]
		if j := bytes.IndexByte(rest, '"'); j >= 0 && bytes.IndexByte(rest[:j], '\\') < 0 {
			return string(rest[:j])
		}
	}
	var m map[string]any
	_ = json.Unmarshal(body, &m)
	s, _ := m[field].(string)
	return s
}
