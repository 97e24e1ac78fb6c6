package discord

import (
	"context"
	"time"

	"github.com/bwmarrin/discordgo"
)

// onInteraction receives INTERACTION_CREATE from the gateway. discordgo
// calls it on a goroutine of its own; serving happens on one that Close
// waits for.
func (a *Adapter) onInteraction(_ *discordgo.Session, ic *discordgo.InteractionCreate) {
	if ic == nil || ic.Interaction == nil {
		return
	}
	i, b := ic.Interaction, newBudget()
	if translate(i).Kind == kindIgnored {
		return // nothing to answer, nor to claim (nor to log: see translate)
	}
	if !a.spawn(func() {
		if a.claimed("interaction:" + i.ID) {
			a.serve(i, restAck{rest: a.rest, i: i}, b)
		}
	}) {
		a.log.Info("interaction dropped while closing", "interaction", i.ID)
	}
}

// claimed reports whether this replica acts on the event named by key
// (see Config.Claim), asking within claimTimeout: an interaction's
// first part of its response budget (budget.go).
func (a *Adapter) claimed(key string) bool {
	if a.cfg.Claim == nil {
		return true
	}
	ctx, cancel := context.WithTimeout(context.Background(), claimTimeout)
	defer cancel()
	ok, err := a.cfg.Claim(ctx, key)
	switch {
	case err != nil:
		a.log.Warn("claim failed; acting anyway", "event", key, "err", err)
		return true
	case !ok:
		a.log.Debug("event taken by another replica", "event", key)
	}
	return ok
}

// ackTimeout bounds the callback that acknowledges a gateway interaction:
// past Discord's 3 s it is of no use.
const ackTimeout = 3 * time.Second

// restAck sends the first response to a gateway interaction through the
// REST callback endpoint (interactions/{id}/{token}/callback). It goes
// straight out, on no lane: an ack never waits behind outbound work, and
// each interaction's callback has a rate-limit bucket of its own.
type restAck struct {
	rest restAPI
	i    *discordgo.Interaction
}

func (r restAck) ack(ctx context.Context, resp *discordgo.InteractionResponse) error {
	ctx, cancel := context.WithTimeout(ctx, ackTimeout)
	defer cancel()
	err := call(ctx, "response", func(opt discordgo.RequestOption) error {
		if resp.Type == discordgo.InteractionApplicationCommandAutocompleteResult {
			// discordgo would write the choices' data its own way
			// (responseBody): the same endpoint and bucket, our body.
			uri := discordgo.EndpointInteractionResponse(r.i.ID, r.i.Token)
			_, err := r.rest.RequestWithBucketID("POST", uri, responseBody(resp), uri, opt)
			return err
		}
		return r.rest.InteractionRespond(r.i, resp, opt)
	})
	if restCode(err) == codeAlreadyAcked {
		// A try that Discord took but answered with a 5xx (or a
		// timeout) was retried: the interaction is acknowledged, and
		// what follows (the deferred reply's edit) must still go.
		return nil
	}
	return err
}
