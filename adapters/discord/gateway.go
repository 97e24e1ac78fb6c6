package discord

import (
	"context"

	"github.com/bwmarrin/discordgo"
)

// onInteraction receives INTERACTION_CREATE from the gateway. discordgo
// calls it on a goroutine of its own; serving happens on one that Close
// waits for.
func (a *Adapter) onInteraction(_ *discordgo.Session, ic *discordgo.InteractionCreate) {
	if ic == nil || ic.Interaction == nil {
		return
	}
	i := ic.Interaction
	if !a.spawn(func() { a.serve(i, restAck{rest: a.rest, i: i}) }) {
		a.log.Info("interaction dropped while closing", "interaction", i.ID)
	}
}

// restAck sends the first response to a gateway interaction through the
// REST callback endpoint (interactions/{id}/{token}/callback).
type restAck struct {
	rest restAPI
	i    *discordgo.Interaction
}

func (r restAck) ack(ctx context.Context, resp *discordgo.InteractionResponse) error {
	return r.rest.InteractionRespond(r.i, resp, discordgo.WithContext(ctx))
}
