package discord

import (
	"bytes"
	"errors"
	"io"
	"mime"
	"net/http"

	"github.com/bwmarrin/discordgo"
)

// verifiedBody reads an interaction request and checks it, in this
// order: its size (413 over maxBody, without reading it when
// Content-Length says so), that it arrived whole (400 when it ended
// early), its timestamp and Ed25519 signature (401), and only then its
// media type (415), so that an unsigned caller learns nothing but 401. It
// returns the body, or the status that refuses the request.
func (a *Adapter) verifiedBody(w http.ResponseWriter, r *http.Request) ([]byte, int) {
	if r.ContentLength > maxBody {
		return nil, http.StatusRequestEntityTooLarge
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
		return nil, http.StatusRequestEntityTooLarge
	}
	if err != nil {
		return nil, http.StatusBadRequest
	}
	r.Body = io.NopCloser(bytes.NewReader(body)) // for VerifyInteraction
	if !a.fresh(r.Header.Get("X-Signature-Timestamp")) || !discordgo.VerifyInteraction(r, a.key) {
		return nil, http.StatusUnauthorized
	}
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		return nil, http.StatusUnsupportedMediaType
	}
	return body, 0
}
