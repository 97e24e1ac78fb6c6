package discordtest

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
