package discordtest

import (
	"net/http"
	"testing"
	"time"
)

// Client plays Discord members of one server using the bot: it sends
// their interactions the way Discord would and returns the bot's first
// response, whichever way interactions travel (HTTP endpoint or gateway).
type Client struct {
	REST  *REST
	AppID string
	Guild string
	// Send delivers an interaction and returns the bot's first response.
	Send func(tb testing.TB, p Payload) Response
}

// HTTPClient sends interactions to the endpoint at url, signed by signer.
func HTTPClient(rest *REST, signer *Signer, url, appID, guild string) *Client {
	return &Client{REST: rest, AppID: appID, Guild: guild, Send: func(tb testing.TB, p Payload) Response {
		tb.Helper()
		r := signer.MustPost(tb, url, p.JSON())
		if r.Status != http.StatusOK {
			tb.Fatalf("got HTTP %d (%s), want 200", r.Status, r.Body)
		}
		return r.Response()
	}}
}

// GatewayClient dispatches interactions over the fake gateway and reads
// the bot's response from its callback to the fake REST API.
func GatewayClient(rest *REST, gw *Gateway, appID, guild string) *Client {
	return &Client{REST: rest, AppID: appID, Guild: guild, Send: func(tb testing.TB, p Payload) Response {
		tb.Helper()
		gw.Dispatch(tb, p)
		var got []Response
		rest.WaitFor(tb, "the response to interaction "+p.ID(), func() bool {
			got = rest.Responses(p.ID())
			return len(got) > 0
		})
		return got[0]
	}}
}

// Command runs "/mentor sub" with options as user.
func (c *Client) Command(tb testing.TB, user, sub string, opts ...Option) Response {
	tb.Helper()
	return c.Send(tb, Command(c.AppID, c.Guild, user, sub, opts...))
}

// Submit submits the modal of response r (a modal) as user, with values.
func (c *Client) Submit(tb testing.TB, user string, modal Response, values map[string]string) Response {
	tb.Helper()
	if modal.Type != Modal || modal.Data == nil {
		tb.Fatalf("got response type %d, want a modal (9)", modal.Type)
	}
	return c.Send(tb, Submit(c.AppID, c.Guild, user, modal.Data.CustomID, values))
}

// LastDM returns the last message user received by DM, failing the test
// if there is none.
func (c *Client) LastDM(tb testing.TB, user string) Message {
	tb.Helper()
	dms := c.REST.DMs(user)
	if len(dms) == 0 {
		tb.Fatalf("user %s got no DM; calls: %v", user, routes(c.REST.Calls()))
	}
	return dms[len(dms)-1]
}

// Click clicks, as user, the button for action (such as
// "proposal.accept") on msg, a DM they received.
func (c *Client) Click(tb testing.TB, user string, msg Message, action string) Response {
	tb.Helper()
	return c.ClickWith(tb, user, msg, ":"+action+":")
}

// ClickWith clicks, as user, the first button of msg whose custom_id
// contains part (":rating:5").
func (c *Client) ClickWith(tb testing.TB, user string, msg Message, part string) Response {
	tb.Helper()
	b, ok := msg.ButtonWith(part)
	if !ok {
		tb.Fatalf("got buttons %+v, want one with %s", msg.Buttons(), part)
	}
	return c.Send(tb, Click(c.AppID, user, msg.ChannelID, msg.ID, b.CustomID))
}

// Updated is msg after a click's response r updated it in place.
func Updated(msg Message, r Response) Message {
	if r.Data == nil {
		return msg
	}
	next := *r.Data
	next.ID, next.ChannelID = msg.ID, msg.ChannelID
	return next
}

// Settle waits briefly for stray asynchronous calls, before a test
// asserts that one did not happen.
func Settle() { time.Sleep(50 * time.Millisecond) }
