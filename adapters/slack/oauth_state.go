package slack

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
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
	// receiptLifetime is how long the success page can be shown again
	// (reloaded, or its address opened again) in the browser that
	// installed.
	receiptLifetime = 24 * time.Hour
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
// (errStateExpired, with the key: a receipt may still name it). The key
// is a hash of the nonce, so that logging it shows nothing of the state.
func (a *Adapter) checkState(state string) (string, error) {
	p, m, ok := strings.Cut(state, ".")
	payload, err1 := b64.DecodeString(p)
	mac, err2 := b64.DecodeString(m)
	if !ok || err1 != nil || err2 != nil || len(payload) != nonceSize+8 || !hmac.Equal(mac, a.stateMAC(payload)) {
		return "", errStateForged
	}
	sum := sha256.Sum256(payload[:nonceSize])
	key := "oauth:" + hex.EncodeToString(sum[:16])
	expiry := time.Unix(int64(binary.BigEndian.Uint64(payload[nonceSize:])), 0)
	if !a.opt.Clock.Now().Before(expiry) {
		return key, errStateExpired
	}
	return key, nil
}

func (a *Adapter) stateMAC(payload []byte) []byte {
	h := hmac.New(sha256.New, a.opt.StateKey)
	h.Write(payload)
	return h.Sum(nil)
}

// installDone is what the success page shows, and the receipt of an
// install that the browser that made it keeps in the state's cookie
// (oauth.go): a reload of the page, whose code Slack no longer takes,
// shows the page again from it. It is signed like the state, with a label
// of its own, and holds the state's key, so that it names that install
// only; its fields are shown escaped, like Slack's answer they come from.
type installDone struct {
	Key     string `json:"k"`
	Team    string `json:"t"`
	Name    string `json:"n,omitempty"` // the workspace's name
	App     string `json:"a,omitempty"`
	Manager bool   `json:"m,omitempty"` // the installer was made a manager
	Expires int64  `json:"e"`           // Unix seconds
}

// receiptLabel sets the MAC of a receipt apart from a state's.
const receiptLabel = "mentorbot install receipt\x00"

// sealReceipt returns d, valid for receiptLifetime, as a cookie value.
func (a *Adapter) sealReceipt(d installDone) string {
	d.Expires = a.opt.Clock.Now().Add(receiptLifetime).Unix()
	payload, _ := json.Marshal(d) // strings and numbers only: no error
	return b64.EncodeToString(payload) + "." + b64.EncodeToString(a.receiptMAC(payload))
}

// openReceipt returns the receipt in a cookie value if it is ours,
// unexpired, and of the state named key.
func (a *Adapter) openReceipt(value, key string) (installDone, bool) {
	p, m, ok := strings.Cut(value, ".")
	payload, err1 := b64.DecodeString(p)
	mac, err2 := b64.DecodeString(m)
	var d installDone
	if !ok || err1 != nil || err2 != nil || !hmac.Equal(mac, a.receiptMAC(payload)) || json.Unmarshal(payload, &d) != nil {
		return installDone{}, false
	}
	if d.Key != key || !a.opt.Clock.Now().Before(time.Unix(d.Expires, 0)) || !slackID.MatchString(d.Team) {
		return installDone{}, false
	}
	return d, true
}

func (a *Adapter) receiptMAC(payload []byte) []byte {
	h := hmac.New(sha256.New, a.opt.StateKey)
	h.Write([]byte(receiptLabel))
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
