package discord

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/bwmarrin/discordgo"
	"github.com/mentorbot/mentorbot/bot"
)

// Discord JSON error codes this package acts on.
const (
	codeUnknownMember      = 10007
	codeUnknownUser        = 10013
	codeUnknownWebhook     = 10015 // an interaction token past its 15 minutes
	codeUnknownInteraction = 10062 // answered too late, or twice
	codeAlreadyAcked       = 40060
	codeCannotDM           = 50007 // the member closed their DMs, or blocked the bot
	codeUnknownChannel     = 10003
	codeUnknownMessage     = 10008 // deleted since it was posted
	codeMissingAccess      = 50001 // the bot cannot see the channel
	codeMissingPermissions = 50013 // nor send messages in it
	codeArchivedThread     = 50083 // a thread archived and locked
)

// restCode returns the JSON error code of a Discord REST error, 0 if err
// is not one or has none.
func restCode(err error) int {
	var re *discordgo.RESTError
	if errors.As(err, &re) && re.Message != nil {
		return re.Message.Code
	}
	return 0
}

// restStatus returns the HTTP status of a Discord REST error, 0 if none.
func restStatus(err error) int {
	var re *discordgo.RESTError
	if errors.As(err, &re) && re.Response != nil {
		return re.Response.StatusCode
	}
	return 0
}

// staleToken reports whether err says the interaction can no longer be
// answered: its token expired, or it was already answered.
func staleToken(err error) bool {
	switch restCode(err) {
	case codeUnknownInteraction, codeUnknownWebhook, codeAlreadyAcked:
		return true
	}
	return false
}

// coded translates a REST failure into the core's error codes: EGONE for
// a member who cannot be reached (left, unknown, DMs closed: the last one
// marked bot.Unreachable, for they have not left),
// EUNAVAILABLE (with the busy sentence) when Discord could not be reached
// after retries, or its queue was full, EINTERNAL
// for anything else (a bug on our side, such as a rejected payload).
func coded(err error, op string) error {
	if err == nil {
		return nil
	}
	if _, ok := errors.AsType[*bot.Error](err); ok {
		return fmt.Errorf("discord %s: %w", op, err) // coded already (outbound.go, call.go)
	}
	switch restCode(err) {
	case codeCannotDM:
		// The member is still in the server: their DMs are closed, or
		// they blocked the bot. Not sent, as for a member who left
		// (EGONE), but only for now (bot.Unreachable): nothing lasting
		// is recorded against them, and they count again once their DMs
		// are open.
		return bot.Wrap(bot.EGONE, &dmsClosedError{err}, "discord %s", op)
	case codeUnknownMember, codeUnknownUser:
		return bot.Wrap(bot.EGONE, err, "discord %s", op)
	}
	var un *unavailableError
	switch {
	case errors.As(err, &un), restStatus(err) >= http.StatusInternalServerError,
		errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		// Discord failed, not the database: the member reads the busy
		// sentence, not err.unavailable.
		return &bot.Error{Code: bot.EUNAVAILABLE, Key: "err.busy", Err: fmt.Errorf("discord %s: %w", op, err)}
	}
	return bot.Wrap(bot.EINTERNAL, err, "discord %s", op)
}

// dmsClosedError is Discord's 50007 (Cannot send messages to this user)
// for a member who has not left the server: bot.Unreachable.
type dmsClosedError struct{ err error }

func (e *dmsClosedError) Error() string     { return "DMs closed: " + e.err.Error() }
func (e *dmsClosedError) Unwrap() error     { return e.err }
func (e *dmsClosedError) Unreachable() bool { return true }
