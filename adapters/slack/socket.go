package slack

import (
	"context"
	"encoding/json"
	"errors"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"
)

// startSocket connects over Socket Mode: slack-go calls
// apps.connections.open with the app token, dials the websocket it
// returns, and reconnects when Slack asks (disconnect) or the connection
// dies. Envelopes go through the same handlers as HTTP requests; only the
// ack differs: the envelope_id, with the same payload an HTTP response
// would carry. Close cancels ctx and waits for both loops.
func (a *Adapter) startSocket(ctx context.Context) {
	sm := socketmode.New(a.app)
	a.background.Add(2)
	go func() {
		defer a.background.Done()
		// RunContext always returns an error; a cancelled one is Close.
		if err := sm.RunContext(ctx); !errors.Is(err, context.Canceled) {
			a.log.Error("slack: socket mode stopped", "err", err)
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
			}
		}
	}()
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
		a.log.Info("slack: socket mode connected")
	case socketmode.EventTypeConnectionError, socketmode.EventTypeIncomingError, socketmode.EventTypeErrorWriteFailed:
		a.log.Warn("slack: socket mode trouble", "event", string(evt.Type))
	case socketmode.EventTypeInvalidAuth:
		a.log.Error("slack: socket mode: Slack refuses SLACK_APP_TOKEN")
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
