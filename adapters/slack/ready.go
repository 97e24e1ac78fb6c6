package slack

import (
	"errors"
	"time"

	"github.com/slack-go/slack/socketmode"
)

var errSocketDown = errors.New("slack socket mode disconnected")

// Ready reports whether the adapter can receive: over HTTP it always
// can (Slack reaches the server); in Socket Mode only while the
// websocket is connected. slack-go reconnects by itself, and Ready is
// nil again once it has.
func (a *Adapter) Ready() error {
	if a.SocketMode() && !a.socketUp.Load() {
		return errSocketDown
	}
	return nil
}

// trackSocket follows the Socket Mode connection from the socket
// client's events: up once connected, down from the moment it loses the
// connection or starts a new one, until it is connected again.
func (a *Adapter) trackSocket(t socketmode.EventType) {
	switch t {
	case socketmode.EventTypeConnected:
		a.socketUp.Store(true)
	case socketmode.EventTypeConnecting, socketmode.EventTypeConnectionError,
		socketmode.EventTypeIncomingError, socketmode.EventTypeDisconnect, socketmode.EventTypeInvalidAuth:
		a.socketUp.Store(false)
	}
}

// socketAcked tells Options.OnSocketAck how long an envelope received
// at since took to be acknowledged.
func (a *Adapter) socketAcked(endpoint string, since time.Time) {
	if a.opt.OnSocketAck != nil {
		a.opt.OnSocketAck(endpoint, time.Since(since))
	}
}
