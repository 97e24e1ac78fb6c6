package discord

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/bwmarrin/discordgo"
)

// maxBody bounds an interaction payload; real ones are a few KB.
const maxBody = 1 << 20

var errNoResponse = errors.New("the HTTP request ended before the response was ready")

// ServeHTTP is the interactions endpoint (POST /discord/interactions).
// Every request must carry a valid Ed25519 signature over its timestamp
// and body, and a timestamp within MaxSkew: Discord sends bad signatures
// on purpose to check that they get 401, and VerifyInteraction does not
// look at freshness, so a replayed request is refused here. PING gets
// PONG; everything else goes to serve, whose first response becomes the
// HTTP response, while its work may go on after.
func (a *Adapter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b := newBudget()
	if a.key == nil {
		http.NotFound(w, r)
		return
	}
	if r.Method != http.MethodPost {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	body, status := a.verifiedBody(w, r)
	if status != 0 {
		http.Error(w, http.StatusText(status), status)
		return
	}
	var i discordgo.Interaction
	if err := json.Unmarshal(body, &i); err != nil {
		http.Error(w, "bad interaction", http.StatusBadRequest)
		return
	}
	if i.Type == discordgo.InteractionPing {
		writeJSON(w, &discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong})
		return
	}
	if translate(&i).Kind == kindIgnored {
		// An unknown type, no member, or an ID that is not Discord's.
		http.Error(w, "unsupported interaction", http.StatusBadRequest)
		return
	}
	ack := &httpAck{resp: make(chan *discordgo.InteractionResponse, 1), done: make(chan error, 1)}
	if !a.spawn(func() {
		if !a.claimed("interaction:" + i.ID) {
			// A replay of an interaction served already (Config.Claim):
			// its sender gets an empty deferral, and nothing runs again.
			_ = ack.ack(context.Background(), deferredResponse(translate(&i).Kind))
			return
		}
		a.serve(&i, ack, b)
	}) {
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	}
	a.respond(w, r, ack, b)
}

// respond writes serve's first response and tells serve once it is out,
// so that follow-ups never overtake it. serve sends it within the
// interaction's budget; past Discord's 3 s no one waits for it any more.
func (a *Adapter) respond(w http.ResponseWriter, r *http.Request, ack *httpAck, b budget) {
	timeout := time.NewTimer(time.Until(b.givenUp()))
	defer timeout.Stop()
	select {
	case resp := <-ack.resp:
		err := writeJSON(w, responseBody(resp))
		if f, ok := w.(http.Flusher); ok && err == nil {
			f.Flush()
		}
		ack.done <- err
	case <-r.Context().Done():
		ack.done <- errNoResponse
	case <-timeout.C:
		ack.done <- errNoResponse
		http.Error(w, "no response in time", http.StatusServiceUnavailable)
	}
}

// fresh reports whether a signature timestamp (Unix seconds) is within
// MaxSkew of now.
func (a *Adapter) fresh(ts string) bool {
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return false
	}
	skew := a.cfg.Now().Sub(time.Unix(sec, 0))
	return skew <= a.cfg.MaxSkew && skew >= -a.cfg.MaxSkew
}

func writeJSON(w http.ResponseWriter, v any) error {
	w.Header().Set("Content-Type", "application/json")
	return json.NewEncoder(w).Encode(v)
}

// httpAck hands serve's first response to the HTTP handler. Both
// channels hold one value, so neither side ever blocks on the other.
type httpAck struct {
	resp chan *discordgo.InteractionResponse
	done chan error
}

func (h *httpAck) ack(ctx context.Context, resp *discordgo.InteractionResponse) error {
	h.resp <- resp
	select {
	case err := <-h.done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}
