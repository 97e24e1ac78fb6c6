package slack

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"
)

// socketStartWait bounds how long Start waits for Socket Mode's first
// outcome: connected, or the app token refused. Past it, or once a
// connection error says Slack cannot be reached, the bot starts anyway
// and slack-go keeps trying, as a bot whose auth.test could not reach
// Slack does.
const socketStartWait = 10 * time.Second

// startSocket connects over Socket Mode: slack-go calls
// apps.connections.open with the app token, dials the websocket it
// returns, and reconnects when Slack asks (disconnect) or the connection
// dies. Envelopes go through the same handlers as HTTP requests; only the
// ack differs: the envelope_id, with the same payload an HTTP response
// would carry. Close cancels ctx and waits for both loops.
//
// It returns once the first connection is up, or Slack could not be
// reached, or after socketStartWait; an app token Slack refuses
// (invalid_auth, ...) is an error, as a refused SLACK_BOT_TOKEN is:
// otherwise the bot would run on, unready, receiving nothing.
func (a *Adapter) startSocket(ctx context.Context) error {
	sm := socketmode.New(a.app)
	first := make(chan error, 1)
	var once sync.Once
	settle := func(err error) { once.Do(func() { first <- err }) }
	a.background.Add(2)
	go func() {
		defer a.background.Done()
		// RunContext always returns an error; a cancelled one is Close.
		err := sm.RunContext(ctx)
		switch code := refusedCode(err); {
		case errors.Is(err, context.Canceled):
			settle(nil)
		case code != "":
			a.socketTrouble(code)
			a.log.Error("slack: socket mode stopped: Slack refuses SLACK_APP_TOKEN", "code", code)
			settle(appTokenRefused(code))
		default:
			a.socketTrouble(troubleOf(err))
			a.log.Error("slack: socket mode stopped", "code", slackError(err), "err", err)
			settle(nil)
		}
	}()
	go func() {
		defer a.background.Done()
		for {
			select {
			case <-ctx.Done():
				return
			case evt := <-sm.Events:
				a.onSocketEvent(ctx, sm, evt)
				switch evt.Type {
				case socketmode.EventTypeConnected:
					settle(nil)
				case socketmode.EventTypeConnectionError:
					// slack-go retries every error but four codes, among
					// them token_expired: a refused token is refused.
					if code := refusedCode(eventErr(evt)); code != "" {
						settle(appTokenRefused(code))
					} else {
						settle(nil)
					}
				}
			}
		}
	}()
	wait := time.NewTimer(socketStartWait)
	defer wait.Stop()
	select {
	case err := <-first:
		return err
	case <-wait.C:
		a.log.Warn("slack: socket mode not connected yet; starting anyway, it keeps trying", "waited", socketStartWait)
	case <-ctx.Done():
	}
	return nil
}

// refusedCode is the code of an error by which Slack refuses the app
// token itself (refusedTokenErrors), or "": slack-go reads an HTTP 404
// from apps.connections.open as invalid auth too.
func refusedCode(err error) string {
	if code := slackError(err); refusedTokenErrors[code] {
		return code
	}
	if sc, ok := errors.AsType[slack.StatusCodeError](err); ok && sc.Code == http.StatusNotFound {
		return "invalid_auth"
	}
	return ""
}

// appTokenRefused is the error of an app token Slack refuses with code.
func appTokenRefused(code string) error {
	return fmt.Errorf("apps.connections.open: Slack refuses SLACK_APP_TOKEN: %s", code)
}

// SocketTrouble is why Socket Mode last lost or failed its connection:
// Slack's error code (invalid_auth, ratelimited, ...), an HTTP status or
// a network error; "" while connected, or over HTTP.
func (a *Adapter) SocketTrouble() string {
	if why := a.socketWhy.Load(); why != nil {
		return *why
	}
	return ""
}

// socketTrouble records why the connection is down ("" once it is up).
func (a *Adapter) socketTrouble(why string) { a.socketWhy.Store(&why) }

// eventErr is the error a Socket Mode event carries, if any.
func eventErr(evt socketmode.Event) error {
	switch d := evt.Data.(type) {
	case *slack.ConnectionErrorEvent:
		return d.ErrorObj
	case *slack.IncomingEventError:
		return d.ErrorObj
	case *socketmode.ErrorWriteFailed:
		return d.Cause
	}
	return nil
}

// troubleOf is what to say of a Socket Mode error: Slack's code when it
// gave one, else the error (which the log redacts: it holds no token).
func troubleOf(err error) string {
	if err == nil {
		return ""
	}
	if code := slackError(err); code != "" {
		return code
	}
	if rl, ok := errors.AsType[*slack.RateLimitedError](err); ok {
		return fmt.Sprintf("ratelimited (retry after %s)", rl.RetryAfter)
	}
	return err.Error()
}

// onSocketEvent handles one event of the socket client: envelopes are
// acknowledged by envelope_id, connection events are logged.
func (a *Adapter) onSocketEvent(ctx context.Context, sm *socketmode.Client, evt socketmode.Event) {
	a.trackSocket(evt.Type)
	switch evt.Type {
	case socketmode.EventTypeSlashCommand:
		c, ok := evt.Data.(slack.SlashCommand)
		if !ok || c.TeamID == "" || c.UserID == "" {
			_ = a.ack(ctx, sm, evt.Request, nil)
			return
		}
		// The ack may wait for the core (the inline budget): never hold
		// the event loop, and so every other envelope, for it.
		received := time.Now()
		a.background.Add(1)
		go func() {
			defer a.background.Done()
			in := a.onCommand(c, received, deliveryKey("cmd", c.TriggerID, evt.Request.Payload))
			if in == nil {
				_ = a.ack(ctx, sm, evt.Request, nil)
				a.socketAcked("socket_mode/commands", received)
				return
			}
			err := a.ack(ctx, sm, evt.Request, in.body)
			a.socketAcked("socket_mode/commands", received)
			if err != nil {
				a.undelivered(in)
			}
		}()
	case socketmode.EventTypeInteractive:
		ic, ok := evt.Data.(slack.InteractionCallback)
		// A submission may wait for the core before its ack: never hold
		// the event loop, and so every other envelope, for it.
		received := time.Now()
		a.background.Add(1)
		go func() {
			defer a.background.Done()
			defer a.socketAcked("socket_mode/interactions", received)
			var payload any
			if ok {
				payload = a.onInteraction(ic, deliveryKey("act", ic.TriggerID, evt.Request.Payload))
			}
			_ = a.ack(ctx, sm, evt.Request, payload)
		}()
	case socketmode.EventTypeEventsAPI:
		received := time.Now()
		_ = a.ack(ctx, sm, evt.Request, nil)
		a.socketAcked("socket_mode/events", received)
		if ea, ok := evt.Data.(slackevents.EventsAPIEvent); ok {
			if cb, ok := ea.Data.(*slackevents.EventsAPICallbackEvent); ok {
				var raw json.RawMessage
				if cb.InnerEvent != nil {
					raw = *cb.InnerEvent
				}
				a.onEvent(ea.TeamID, cb.EventID, eventTime(int64(cb.EventTime)), ea.InnerEvent.Type, raw)
			}
		}
	case socketmode.EventTypeErrorBadMessage:
		// An envelope slack-go could not decode still wants its ack, or
		// Slack sends it again.
		if bad, ok := evt.Data.(*socketmode.ErrorBadMessage); ok {
			var req socketmode.Request
			if json.Unmarshal(bad.Message, &req) == nil && req.EnvelopeID != "" {
				_ = a.ack(ctx, sm, &req, nil)
			}
			a.log.Warn("slack: undecodable envelope", "envelope", req.EnvelopeID, "type", req.Type, "err", bad.Cause)
		}
	case socketmode.EventTypeConnected:
		a.socketTrouble("")
		a.log.Info("slack: socket mode connected")
	case socketmode.EventTypeConnectionError, socketmode.EventTypeIncomingError, socketmode.EventTypeErrorWriteFailed:
		err := eventErr(evt)
		why := troubleOf(err)
		if evt.Type != socketmode.EventTypeErrorWriteFailed {
			a.socketTrouble(why) // a failed write alone leaves the connection up
		}
		a.log.Warn("slack: socket mode trouble", "event", string(evt.Type), "code", slackError(err), "err", why)
	case socketmode.EventTypeDisconnect:
		a.socketTrouble("Slack asked to reconnect (disconnect)")
	case socketmode.EventTypeInvalidAuth:
		// Over HTTP 404 from apps.connections.open; RunContext returns.
		a.socketTrouble("invalid_auth")
		a.log.Error("slack: socket mode: Slack refuses SLACK_APP_TOKEN", "code", "invalid_auth")
	}
}

// ack acknowledges one envelope. It gives up when the adapter closes, so a
// dead connection cannot hold a goroutine forever. An error means the ack
// was not sent.
func (a *Adapter) ack(ctx context.Context, sm *socketmode.Client, req *socketmode.Request, payload any) error {
	if req == nil || req.EnvelopeID == "" {
		return nil
	}
	err := sm.AckCtx(ctx, req.EnvelopeID, payload)
	if err != nil && ctx.Err() == nil {
		a.log.Warn("slack: ack failed", "envelope", req.EnvelopeID, "err", err)
	}
	return err
}
