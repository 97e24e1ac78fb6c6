package discord

import (
	"context"
	"errors"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/mentorbot/mentorbot/bot"
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

// Registering reports whether Open found Discord unavailable and /mentor
// is still being registered in the background: the bot serves meanwhile
// (with the commands an earlier start registered), but is not all there.
func (a *Adapter) Registering() bool { return a.registering.Load() }

// trackGateway follows the gateway connection through discordgo's
// Connect and Disconnect events, and returns what removes the handlers.
func (a *Adapter) trackGateway() func() {
	up := a.gateway.AddHandler(func(*discordgo.Session, *discordgo.Connect) { a.gatewayUp.Store(true) })
	down := a.gateway.AddHandler(func(*discordgo.Session, *discordgo.Disconnect) { a.gatewayUp.Store(false) })
	return func() { up(); down() }
}

// retryOpen finishes in the background an Open that found Discord
// unavailable: it registers cmds again after RegisterRetry, then after
// twice as long, up to RegisterRetryMax, until Discord takes them, then
// connects the gateway the same way (over the gateway, Ready stays false
// until then). It stops at Close, or when Discord refuses the
// registration (logged as an error: the configuration is to be fixed).
// It runs as the adapter's work, so that Close waits for it.
func (a *Adapter) retryOpen(cmds []*discordgo.ApplicationCommand) {
	ctx, cancel := context.WithCancel(context.Background())
	a.mu.Lock()
	a.cancelRetry = cancel
	a.mu.Unlock()
	if !a.spawn(func() {
		defer cancel()
		if a.retry(ctx, "register /"+rootCommand, func() (bool, error) {
			err := a.register(ctx, cmds)
			if err == nil {
				a.registering.Store(false)
			}
			return err == nil || !unavailable(err), err
		}) {
			a.retry(ctx, "connect the gateway", func() (bool, error) {
				err := a.connect()
				return err == nil, err
			})
		}
	}) {
		cancel() // closed already
	}
}

// retry runs try after RegisterRetry, doubling the pause up to
// RegisterRetryMax, until it reports done or ctx ends, and reports
// whether it ended without an error. Each failure is logged.
func (a *Adapter) retry(ctx context.Context, what string, try func() (done bool, err error)) bool {
	wait := a.cfg.RegisterRetry
	for attempt := 1; ; attempt++ {
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return false
		case <-t.C:
		}
		done, err := try()
		switch {
		case ctx.Err() != nil:
			return false
		case err == nil:
			a.log.Info("discord available again", "done", what, "attempts", attempt)
			return true
		case done:
			a.log.Error("discord refused: "+what+" is not tried again; fix the configuration and restart",
				"code", restCode(err), "status", restStatus(err), "err", err)
			return false
		}
		wait = min(2*wait, a.cfg.RegisterRetryMax)
		a.log.Warn("discord still unavailable: "+what+" is tried again", "attempts", attempt,
			"retry", wait, "code", string(bot.ErrorCode(coded(err, what))), "err", err)
	}
}
