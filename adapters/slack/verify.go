package slack

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/slack-go/slack"
)

// The reasons a Verifier refuses a request (slack-go's own).
var (
	ErrInvalidConfiguration error = slack.ErrInvalidConfiguration // no signing secret
	ErrMissingHeaders       error = slack.ErrMissingHeaders       // unsigned
	ErrInvalidSignature     error = slack.ErrInvalidSignature     // forged, tampered or malformed
	ErrExpiredTimestamp     error = slack.ErrExpiredTimestamp     // more than 5 minutes off
)

// maxClockSkew is how far a request's timestamp may be from now.
const maxClockSkew = 5 * time.Minute

// Verifier checks that requests come from Slack: the v0 signature,
// HMAC-SHA256 of "v0:timestamp:body" with the signing secret, and a
// timestamp within 5 minutes of now. It is slack-go's SecretsVerifier
// without its allocations per request (a new HMAC, whose key setup hashes
// the secret, and formatted writes): HMACs keyed with the secret are
// reused. It is safe for concurrent use.
type Verifier struct {
	secret []byte
	macs   sync.Pool // *verifierMAC
}

type verifierMAC struct {
	mac hash.Hash
	buf []byte
}

// NewVerifier returns a verifier for the signing secret.
func NewVerifier(secret string) *Verifier {
	v := &Verifier{secret: []byte(secret)}
	v.macs.New = func() any {
		return &verifierMAC{mac: hmac.New(sha256.New, v.secret), buf: make([]byte, 0, 64)}
	}
	return v
}

// Verify reads the body of a request from Slack (at most limit bytes,
// else an *http.MaxBytesError) and returns it only if its signature and
// timestamp hold: else ErrMissingHeaders, ErrInvalidSignature,
// ErrExpiredTimestamp or ErrInvalidConfiguration.
func (v *Verifier) Verify(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, error) {
	body, err := readBody(w, r, limit)
	if err != nil {
		return nil, err
	}
	if err := v.check(r.Header, body, time.Now()); err != nil {
		return nil, err
	}
	return body, nil
}

// check verifies the signature headers of body at now.
func (v *Verifier) check(h http.Header, body []byte, now time.Time) error {
	if len(v.secret) == 0 {
		return ErrInvalidConfiguration
	}
	sig, stamp := h.Get("X-Slack-Signature"), h.Get("X-Slack-Request-Timestamp")
	if sig == "" || stamp == "" {
		return ErrMissingHeaders
	}
	var want [sha256.Size]byte
	if len(sig) != len("v0=")+hex.EncodedLen(sha256.Size) || sig[:3] != "v0=" || !decodeHex(want[:], sig[3:]) {
		return ErrInvalidSignature
	}
	ts, err := strconv.ParseInt(stamp, 10, 64)
	if err != nil {
		return ErrInvalidSignature
	}
	if now.Sub(time.Unix(ts, 0)).Abs() > maxClockSkew {
		return ErrExpiredTimestamp
	}
	m := v.macs.Get().(*verifierMAC)
	defer v.macs.Put(m)
	m.mac.Reset()
	m.buf = append(append(append(m.buf[:0], "v0:"...), stamp...), ':')
	m.mac.Write(m.buf)
	m.mac.Write(body)
	m.buf = m.mac.Sum(m.buf[:0])
	if !hmac.Equal(m.buf, want[:]) {
		return ErrInvalidSignature
	}
	return nil
}

// decodeHex decodes s, of twice len(dst) hex digits, into dst.
func decodeHex(dst []byte, s string) bool {
	for i := range dst {
		hi, ok1 := hexDigit(s[2*i])
		lo, ok2 := hexDigit(s[2*i+1])
		if !ok1 || !ok2 {
			return false
		}
		dst[i] = hi<<4 | lo
	}
	return true
}

func hexDigit(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}
