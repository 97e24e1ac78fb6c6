package discordtest

import "testing"

// SetDown makes the gateway refuse connections (down) or take them
// again. Going down also drops every connection, as a network failure
// would: the bot then tries to reconnect, and fails until SetDown(false).
func (g *Gateway) SetDown(down bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.down = down
	if down {
		for _, c := range g.conns {
			c.Close()
		}
	}
}

func (g *Gateway) isDown() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.down
}

// Kill drops the i-th connection still open (in the order they
// identified), as when the replica holding it is killed, and refuses
// connections from then on, so that it never comes back; the other
// connections go on receiving events.
func (g *Gateway) Kill(tb testing.TB, i int) {
	tb.Helper()
	g.mu.Lock()
	defer g.mu.Unlock()
	if i >= len(g.conns) {
		tb.Fatalf("kill connection %d: only %d open", i, len(g.conns))
	}
	g.down = true
	g.conns[i].Close()
	g.conns = append(g.conns[:i:i], g.conns[i+1:]...)
}

// Connections is how many connections are open and receive events.
func (g *Gateway) Connections() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return len(g.conns)
}
