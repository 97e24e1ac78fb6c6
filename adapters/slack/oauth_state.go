package slack

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"io"
	"strings"
	"time"
)

// The install's state (oauth.go) is "payload.mac" in unpadded base64url:
// the payload is a random nonce and the state's expiry (Unix seconds, big
// endian), the mac their HMAC-SHA256 under Options.StateKey. Any replica
// can check it; none keeps anything until it is used.
const (
	nonceSize = 16
	// stateLifetime is how long a state is accepted: time to read Slack's
	// consent page and click Allow. It must stay under the 15 minutes the
	// core remembers a delivery (bot.FirstDelivery), so that a state is
	// known as used for as long as it is valid.
	stateLifetime = 10 * time.Minute
)

// Why a state is refused.
var (
	errStateForged  = errors.New("state forged or malformed")
	errStateExpired = errors.New("state expired")
)

var b64 = base64.RawURLEncoding

// newState returns a fresh signed state, valid for stateLifetime.
func (a *Adapter) newState() (string, error) {
	payload := make([]byte, nonceSize+8)
	if _, err := io.ReadFull(a.opt.Rand, payload[:nonceSize]); err != nil {
		return "", err
	}
	binary.BigEndian.PutUint64(payload[nonceSize:], uint64(a.opt.Clock.Now().Add(stateLifetime).Unix()))
	return b64.EncodeToString(payload) + "." + b64.EncodeToString(a.stateMAC(payload)), nil
}

// checkState returns the key that names the state's single use, if the
// state is one of ours (errStateForged otherwise) and has not expired
// (errStateExpired). The key is a hash of the nonce, so that logging it
// shows nothing of the state.
func (a *Adapter) checkState(state string) (string, error) {
	p, m, ok := strings.Cut(state, ".")
	payload, err1 := b64.DecodeString(p)
	mac, err2 := b64.DecodeString(m)
	if !ok || err1 != nil || err2 != nil || len(payload) != nonceSize+8 || !hmac.Equal(mac, a.stateMAC(payload)) {
		return "", errStateForged
	}
	expiry := time.Unix(int64(binary.BigEndian.Uint64(payload[nonceSize:])), 0)
	if !a.opt.Clock.Now().Before(expiry) {
		return "", errStateExpired
	}
	sum := sha256.Sum256(payload[:nonceSize])
	return "oauth:" + hex.EncodeToString(sum[:16]), nil
}

func (a *Adapter) stateMAC(payload []byte) []byte {
	h := hmac.New(sha256.New, a.opt.StateKey)
	h.Write(payload)
	return h.Sum(nil)
}

// oauthDefaults fills the install flow's options. The state key, when not
// given, is derived from the client secret (HMAC with a fixed label), so
// that it is the same on every replica and a MAC made with it is not one
// made with the secret itself.
func (o *Options) oauthDefaults() {
	if o.Rand == nil {
		o.Rand = rand.Reader
	}
	if o.AuthorizeURL == "" {
		o.AuthorizeURL = DefaultAuthorizeURL
	}
	if len(o.StateKey) == 0 && o.ClientSecret != "" {
		h := hmac.New(sha256.New, []byte(o.ClientSecret))
		h.Write([]byte("mentorbot: Slack install state key"))
		o.StateKey = h.Sum(nil)
	}
}
