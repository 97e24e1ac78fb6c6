package slack

import (
	"errors"
	"fmt"
	"mime"
	"net/http"
)

// The media types of Slack's requests: slash commands and interactions
// are forms, Events API callbacks are JSON.
const (
	formType = "application/x-www-form-urlencoded"
	jsonType = "application/json"
)

// errTruncated is a body that ended before its Content-Length, or whose
// connection broke while it was read: a 400, not a forgery.
var errTruncated = errors.New("request body truncated")

// errMediaType is a signed request of the wrong Content-Type.
var errMediaType = errors.New("unsupported content type")

func truncated(err error) error {
	if isTooLarge(err) {
		return err
	}
	return fmt.Errorf("%w: %w", errTruncated, err)
}

// checkMediaType refuses a request whose Content-Type is not want
// (parameters such as charset aside).
func checkMediaType(r *http.Request, want string) error {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != want {
		return fmt.Errorf("%w, want %s", errMediaType, want) // the header itself stays out of the log
	}
	return nil
}

// refusal maps why a request was refused to its HTTP status: 413 for a
// body over the limit, 400 for a truncated one, 415 for a signed request
// of the wrong media type, 401 for anything the signature check refused.
// The signature is checked before the media type, so that an unsigned
// caller learns nothing but 401. Status 0 means no refusal.
func refusal(err error) (int, string) {
	switch {
	case err == nil:
		return 0, ""
	case isTooLarge(err):
		return http.StatusRequestEntityTooLarge, "request too large"
	case errors.Is(err, errTruncated):
		return http.StatusBadRequest, "truncated body"
	case errors.Is(err, errMediaType):
		return http.StatusUnsupportedMediaType, "unsupported content type"
	default:
		return http.StatusUnauthorized, "invalid or missing Slack signature"
	}
}

func isTooLarge(err error) bool {
	_, ok := errors.AsType[*http.MaxBytesError](err)
	return ok
}
