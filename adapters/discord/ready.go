package discord

import (
	"errors"

	"github.com/bwmarrin/discordgo"
)

var errGatewayDown = errors.New("discord gateway disconnected")

// Ready reports whether the adapter can receive interactions: over HTTP
// it always can (Discord reaches the server); over the gateway only
// while the websocket is connected. discordgo reconnects by itself, and
// Ready is nil again once it has.
func (a *Adapter) Ready() error {
	if a.key == nil && !a.gatewayUp.Load() {
		return errGatewayDown
	}
	return nil
}

// trackGateway follows the gateway connection through discordgo's
// Connect and Disconnect events, and returns what removes the handlers.
func (a *Adapter) trackGateway() func() {
	up := a.gateway.AddHandler(func(*discordgo.Session, *discordgo.Connect) { a.gatewayUp.Store(true) })
	down := a.gateway.AddHandler(func(*discordgo.Session, *discordgo.Disconnect) { a.gatewayUp.Store(false) })
	return func() { up(); down() }
}
