package slackfake

import (
	"encoding/json"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// Socket is the fake's end of a Socket Mode connection: the test sends
// envelopes through it and reads the acks the bot sends back.
type Socket struct {
	conn   *websocket.Conn
	origin string
	wmu    sync.Mutex // gorilla allows one writer at a time
	done   chan struct{}
	once   sync.Once

	mu      sync.Mutex
	acks    map[string]Ack
	changed chan struct{}
}

// Ack is what the bot answered to one envelope.
type Ack struct {
	EnvelopeID string
	Payload    json.RawMessage // null or absent for a plain ack
	At         time.Time
}

// serveSocket upgrades to a websocket and says hello, as Slack does. It
// accepts any Origin: slack-go sends "https://api.slack.com".
func (s *Server) serveSocket(w http.ResponseWriter, r *http.Request) {
	up := websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}
	conn, err := up.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	k := &Socket{conn: conn, origin: r.Header.Get("Origin"), done: make(chan struct{}), acks: map[string]Ack{}, changed: make(chan struct{})}
	s.mu.Lock()
	old := s.socket
	s.socket = k
	close(s.changed)
	s.changed = make(chan struct{})
	s.mu.Unlock()
	if old != nil {
		old.close()
	}
	go k.read()
	go k.ping()
	_ = k.Send(Frame("hello"))
}

// WaitSocket waits for the bot to connect and returns the connection.
func (s *Server) WaitSocket(tb testing.TB, timeout time.Duration) *Socket {
	tb.Helper()
	return s.WaitNewSocket(tb, nil, timeout)
}

// WaitNewSocket waits for a connection other than old: the bot's
// reconnection after a disconnect.
func (s *Server) WaitNewSocket(tb testing.TB, old *Socket, timeout time.Duration) *Socket {
	tb.Helper()
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		s.mu.Lock()
		k, changed := s.socket, s.changed
		s.mu.Unlock()
		if k != nil && k != old {
			return k
		}
		select {
		case <-changed:
		case <-deadline.C:
			tb.Fatalf("slackfake: no Socket Mode connection within %s", timeout)
			return nil
		}
	}
}

// Origin is the Origin header the client sent.
func (k *Socket) Origin() string { return k.origin }

// Send writes one frame (an envelope) to the bot.
func (k *Socket) Send(frame []byte) error {
	k.wmu.Lock()
	defer k.wmu.Unlock()
	return k.conn.WriteMessage(websocket.TextMessage, frame)
}

// WaitAck waits for the ack of an envelope.
func (k *Socket) WaitAck(tb testing.TB, envelopeID string, timeout time.Duration) Ack {
	tb.Helper()
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		k.mu.Lock()
		a, ok := k.acks[envelopeID]
		changed := k.changed
		k.mu.Unlock()
		if ok {
			return a
		}
		select {
		case <-changed:
		case <-deadline.C:
			tb.Fatalf("slackfake: no ack of envelope %s within %s", envelopeID, timeout)
			return Ack{}
		}
	}
}

// read collects acks until the connection ends.
func (k *Socket) read() {
	defer k.close()
	for {
		_, b, err := k.conn.ReadMessage()
		if err != nil {
			return
		}
		var a Ack
		var raw struct {
			EnvelopeID string          `json:"envelope_id"`
			Payload    json.RawMessage `json:"payload"`
		}
		if json.Unmarshal(b, &raw) != nil || raw.EnvelopeID == "" {
			continue
		}
		a.EnvelopeID, a.Payload, a.At = raw.EnvelopeID, raw.Payload, time.Now()
		k.mu.Lock()
		k.acks[a.EnvelopeID] = a
		close(k.changed)
		k.changed = make(chan struct{})
		k.mu.Unlock()
	}
}

// ping sends websocket pings, as Slack does: slack-go reconnects when it
// hears none for 30 s.
func (k *Socket) ping() {
	t := time.NewTicker(5 * time.Second)
	defer t.Stop()
	for {
		if err := k.conn.WriteControl(websocket.PingMessage, []byte("ping"), time.Now().Add(time.Second)); err != nil {
			return
		}
		select {
		case <-k.done:
			return
		case <-t.C:
		}
	}
}

func (k *Socket) close() {
	k.once.Do(func() {
		close(k.done)
		k.conn.Close()
	})
}
