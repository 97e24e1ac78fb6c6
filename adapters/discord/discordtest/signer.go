package discordtest

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"io"
	"net/http"
	"strconv"
	"testing"
	"time"
)

// Signer signs interaction requests the way Discord does: Ed25519 over
// the timestamp followed by the body.
type Signer struct {
	public  ed25519.PublicKey
	private ed25519.PrivateKey
}

// MustSigner returns a signer with a freshly generated key pair.
func MustSigner(tb testing.TB) *Signer {
	tb.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		tb.Fatalf("generate key: %v", err)
	}
	return &Signer{public: pub, private: priv}
}

// PublicKey is the public key in hex, as DISCORD_PUBLIC_KEY.
func (s *Signer) PublicKey() string { return hex.EncodeToString(s.public) }

// Sign sets the signature headers of req for body, signed at t.
func (s *Signer) Sign(req *http.Request, body []byte, t time.Time) {
	ts := strconv.FormatInt(t.Unix(), 10)
	sig := ed25519.Sign(s.private, append([]byte(ts), body...))
	req.Header.Set("X-Signature-Timestamp", ts)
	req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(sig))
}

// Reply is what an HTTP endpoint answered.
type Reply struct {
	Status int
	Body   []byte
}

// Response decodes the reply as an interaction response.
func (r Reply) Response() Response {
	resp, _ := decode[Response](r.Body)
	return resp
}

// MustPost posts body to url signed now, and returns the answer.
func (s *Signer) MustPost(tb testing.TB, url string, body []byte) Reply {
	tb.Helper()
	return MustPostSigned(tb, url, body, func(req *http.Request) { s.Sign(req, body, time.Now()) })
}

// MustPostSigned posts body to url after sign has set its headers, so
// that tests can sign badly on purpose.
func MustPostSigned(tb testing.TB, url string, body []byte, sign func(*http.Request)) Reply {
	tb.Helper()
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		tb.Fatalf("new request: %v", err)
	}
	req.Header.Set("Content-Type", "application/json")
	sign(req)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		tb.Fatalf("post %s: %v", url, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatalf("read answer: %v", err)
	}
	return Reply{Status: resp.StatusCode, Body: b}
}
