package bot

import (
	"errors"
	"fmt"
)

// Code classifies an error for the person who caused it. Codes are only
// ever added to; each maps to a sentence in the message catalog.
type Code string

// Error codes. Store methods document which of these they return.
const (
	EINTERNAL    Code = "internal"    // a bug or an unexpected failure; details only in the log
	EUNAVAILABLE Code = "unavailable" // the store (Redis) or a platform cannot be reached
	EINVALID     Code = "invalid"     // the input is wrong; Error.Key says how
	ENOTFOUND    Code = "not_found"   // the thing does not exist (any more)
	ECONFLICT    Code = "conflict"    // the thing exists already or changed under us
	EFORBIDDEN   Code = "forbidden"   // someone else's button or an admin command
	ESTALE       Code = "stale"       // a button on something that is no longer pending
	ECAPACITY    Code = "capacity"    // the mentor has no free slot
	EGONE        Code = "gone"        // a member who left the workspace
)

// Error is a coded error. Key names the catalog sentence shown to the user
// (defaulting to "err."+Code) and Args fill its placeholders. Err is the
// underlying cause, logged for operators and never shown to users.
type Error struct {
	Code Code
	Key  string
	Args []string
	// Field names the option at fault, so a form can show the error inline.
	Field string
	Err   error
}

func (e *Error) Error() string {
	s := string(e.Code)
	if e.Key != "" {
		s += " " + e.Key
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns a coded error whose user sentence is the catalog entry key,
// filled with name/value pairs in args.
func Errorf(code Code, key string, args ...string) *Error {
	return &Error{Code: code, Key: key, Args: args}
}

// Wrap returns err with a code, for infrastructure failures. A nil err stays nil.
func Wrap(code Code, err error, format string, a ...any) error {
	if err == nil {
		return nil
	}
	return &Error{Code: code, Err: fmt.Errorf(format+": %w", append(a, err)...)}
}

// ErrorCode returns the code of the first coded error in err's chain,
// EINTERNAL for any other error and "" for nil.
func ErrorCode(err error) Code {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// userError returns the catalog key and args that explain err to a user.
// Infrastructure details never reach the user.
func userError(err error) (string, []string) {
	var e *Error
	if !errors.As(err, &e) {
		return "err." + string(EINTERNAL), nil
	}
	if e.Key != "" {
		return e.Key, e.Args
	}
	return "err." + string(e.Code), e.Args
}
