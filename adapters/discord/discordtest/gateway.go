package discordtest

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// Gateway is a fake of Discord's gateway websocket: on connection it
// sends Hello (op 10), reads Identify (op 2) and sends the READY
// dispatch; it acknowledges heartbeats (op 1 → op 11); Dispatch then
// sends INTERACTION_CREATE events. Like Discord to the sessions of one
// bot, it sends every event to every identified connection.
type Gateway struct {
	Server *httptest.Server
	appID  string

	mu         sync.Mutex
	conns      []*websocket.Conn // identified, in order
	seq        int
	identify   Identify // the last one
	identifies int      // how many connections identified, ever
	down       bool     // refuse connections (SetDown)
}

// Identify is what the bot sent in its Identify payload.
type Identify struct {
	Token   string `json:"token"`
	Intents int    `json:"intents"`
}

var upgrader = websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}

// NewGateway starts a fake gateway, closed with the test.
func NewGateway(tb testing.TB, appID string) *Gateway {
	tb.Helper()
	g := &Gateway{appID: appID}
	g.Server = httptest.NewServer(http.HandlerFunc(g.serve))
	tb.Cleanup(func() {
		g.mu.Lock()
		for _, c := range g.conns {
			c.Close()
		}
		g.mu.Unlock()
		g.Server.Close()
	})
	return g
}

// URL is the websocket URL for GET gateway to return.
func (g *Gateway) URL() string { return "ws" + strings.TrimPrefix(g.Server.URL, "http") }

func (g *Gateway) serve(w http.ResponseWriter, r *http.Request) {
	if g.isDown() {
		http.Error(w, "gateway down", http.StatusServiceUnavailable)
		return
	}
	conn, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	defer func() {
		g.mu.Lock()
		for i, c := range g.conns {
			if c == conn {
				g.conns = append(g.conns[:i], g.conns[i+1:]...)
				break
			}
		}
		g.mu.Unlock()
		conn.Close()
	}()
	if g.writeTo(conn, map[string]any{"op": 10, "d": map[string]any{"heartbeat_interval": 41250}}) != nil {
		return
	}
	var hello struct {
		Op int      `json:"op"`
		D  Identify `json:"d"`
	}
	// Identify (op 2), or Resume (op 6) after a lost connection: the
	// fake answers both with READY, which discordgo takes for either.
	if conn.ReadJSON(&hello) != nil || hello.Op != 2 && hello.Op != 6 {
		return
	}
	g.ready(conn, hello.D)
	for {
		var frame struct {
			Op int `json:"op"`
		}
		if conn.ReadJSON(&frame) != nil {
			return
		}
		if frame.Op == 1 {
			g.writeTo(conn, map[string]any{"op": 11})
		}
	}
}

// ready records the Identify, sends READY and adds the connection to
// those that receive events.
func (g *Gateway) ready(conn *websocket.Conn, id Identify) {
	g.writeTo(conn, map[string]any{"op": 0, "t": "READY", "s": g.nextSeq(), "d": map[string]any{
		"v": 10, "session_id": "fake-session", "resume_gateway_url": g.URL(), "guilds": []any{},
		"user":        map[string]any{"id": g.appID, "username": "mentorbot", "bot": true, "discriminator": "0"},
		"application": map[string]any{"id": g.appID, "flags": 0},
	}})
	g.mu.Lock()
	defer g.mu.Unlock()
	g.conns = append(g.conns, conn)
	g.identify = id
	g.identifies++
}

// WaitConnections waits until n connections in all have identified, as
// several replicas of the bot do.
func (g *Gateway) WaitConnections(tb testing.TB, n int) {
	tb.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		g.mu.Lock()
		got := g.identifies
		g.mu.Unlock()
		if got >= n {
			return
		}
		if time.Now().After(deadline) {
			tb.Fatalf("got %d connections identified on the gateway within 5 s, want %d", got, n)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// WaitIdentified waits for the bot to identify and returns its Identify.
func (g *Gateway) WaitIdentified(tb testing.TB) Identify {
	tb.Helper()
	g.WaitConnections(tb, 1)
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.identify
}

// Dispatch sends an interaction as an INTERACTION_CREATE event to every
// connection.
func (g *Gateway) Dispatch(tb testing.TB, p Payload) {
	tb.Helper()
	frame := map[string]any{"op": 0, "t": "INTERACTION_CREATE", "s": g.nextSeq(), "d": json.RawMessage(p.JSON())}
	g.mu.Lock()
	defer g.mu.Unlock()
	if len(g.conns) == 0 {
		tb.Fatal("dispatch: no connection")
	}
	for _, c := range g.conns {
		if err := c.WriteJSON(frame); err != nil {
			tb.Fatalf("dispatch: %v", err)
		}
	}
}

func (g *Gateway) nextSeq() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.seq++
	return g.seq
}

// write sends one frame; gorilla allows one writer at a time.
func (g *Gateway) writeTo(conn *websocket.Conn, v any) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	return conn.WriteJSON(v)
}
