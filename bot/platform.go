package bot

import (
	"context"
	"errors"
	"io"
	"time"
)

// Platform is a chat tool the bot talks through. Implementations return
// EGONE for a member who left or cannot be reached, EUNAVAILABLE when the
// platform cannot be reached after retries, and never lose a message they
// accepted silently.
type Platform interface {
	// Send delivers msg privately to one member (a DM).
	Send(ctx context.Context, to MemberID, msg Message) error
	// Introduce delivers one message to several members together: a group
	// DM on Slack, a private thread or one DM each on Discord.
	Introduce(ctx context.Context, members []MemberID, msg Message) error
}

// Verifier is an optional Platform feature: whether a message sent to a
// member with Message.Delivery set to key reached them. The bot asks it
// only after a replica died while sending that message (MarkSent's
// "retry"), so that the message is not sent twice. An error means the
// platform cannot tell: the message is sent again.
type Verifier interface {
	Delivered(ctx context.Context, to MemberID, key string) (bool, error)
}

// FormSizer is an optional Platform feature: how many inputs one of its
// forms holds, when more than MaxFormFields (a Discord modal's 5; Slack's
// modals hold many more). Forms that have more options than
// MaxFormFields show them all where the platform says it can.
type FormSizer interface {
	FormFields() int
}

// formFields is how many inputs a form for the member holds.
func (b *Bot) formFields(id MemberID) int {
	if p, err := b.platform(id); err == nil {
		if s, ok := p.(FormSizer); ok {
			return max(s.FormFields(), MaxFormFields)
		}
	}
	return MaxFormFields
}

// PairVerifier is an optional Platform feature, a Verifier for the
// members' shared conversation (Introduce): whether the message tagged
// key (Message.Delivery) is among its latest. A platform that introduces
// in a channel or by separate messages (ChannelIntroducer) is not asked.
type PairVerifier interface {
	DeliveredTogether(ctx context.Context, members []MemberID, key string) (bool, error)
}

// MaybeSent is what a Verifier's platform may make the error of a Send
// say: the request was written in full and no answer came (a timeout, a
// connection cut after writing), so the platform may have taken the
// message. The bot then does not send it again at once: once the
// delivery's mark runs out, it asks Delivered first (onceVerified).
type MaybeSent interface {
	MaybeSent() bool
}

// maybeSent reports whether err says the message may have been taken.
func maybeSent(err error) bool {
	var m MaybeSent
	return errors.As(err, &m) && m.MaybeSent()
}

// Unreachable is what a platform may make an EGONE error of a Send say:
// the member has not left the workspace, the platform cannot write to
// them for now (on Discord, error 50007: their direct messages are
// closed, or they blocked the bot). The send failed as for a member who
// left, and is not retried; but nothing lasting is to be recorded against
// the member (a proposal that could not reach them is not their
// decline): once they can be written to again, they count as before.
type Unreachable interface {
	Unreachable() bool
}

// UnreachableNow reports whether err says that its member is still in
// the workspace and cannot be written to for now (Unreachable), rather
// than gone.
func UnreachableNow(err error) bool {
	var u Unreachable
	return ErrorCode(err) == EGONE && errors.As(err, &u) && u.Unreachable()
}

// Retracter is an optional Platform feature: it replaces the message sent
// to a member with Message.Delivery set to key by msg, its buttons gone,
// as a click's answer replaces the message clicked. The bot asks it when
// what the message asked for is no longer to be answered (a proposal
// whose request was withdrawn), beside the notice that says so; it is
// best effort: ENOTFOUND when the platform no longer finds the message.
type Retracter interface {
	Retract(ctx context.Context, to MemberID, key string, msg Message) error
}

// Directory is an optional Platform feature: what the platform knows of a
// member. Platforms without it leave names and time zones to the members.
type Directory interface {
	// Profile returns the member's display name and IANA time zone (either
	// may be ""). EGONE if the member left or does not exist.
	Profile(ctx context.Context, id MemberID) (Profile, error)
}

// Profile is what a Directory knows of a member.
type Profile struct {
	Name   string
	TZ     string
	Locale string
}

// Clock tells the time. Tests and the shell's :advance use a settable one.
type Clock interface {
	Now() time.Time
}

// SystemClock is the real clock.
type SystemClock struct{}

// Now returns the current time.
func (SystemClock) Now() time.Time { return time.Now() }

// Randomness is where IDs and room names come from: crypto/rand in
// production, a seeded reader in tests.
type Randomness = io.Reader
