package bot

import (
	"context"
	"strings"
	"unicode"
)

// File is a file the bot hands to managers: the digest's chart or an
// export.
type File struct {
	Name string // "digest-2026-W47.png": a safe base name
	Type string // MIME type: "image/png", "text/csv"
	Data []byte
}

// Uploader is an optional Platform feature: posting a message with a file
// attached. Without it the digest is posted without its chart (through
// Poster) and an export is refused politely.
type Uploader interface {
	// Upload posts msg with f attached in a channel of the workspace.
	Upload(ctx context.Context, t Tenant, channel string, f File, msg Message) error
	// SendFile delivers msg with f attached privately to one member.
	SendFile(ctx context.Context, to MemberID, f File, msg Message) error
}

// tenantPlatform returns the Platform of a workspace.
func (b *Bot) tenantPlatform(t Tenant) (Platform, error) { return b.platform(t.Member("")) }

// MemberRef writes a member named in a command in the core's form: "@"
// and their user ID ("@U123"). The core reads a member option (OptUser,
// Option.NamesMember) in this form or as the bare user ID, and knows no
// platform's mention syntax: each adapter rewrites its platform's mentions
// into this form before the core sees the command.
func MemberRef(user string) string { return "@" + user }

// ChannelRef writes a channel named in a command in the core's form: "#"
// and its ID ("#C123"). The core reads an OptChannel option in this form,
// as "#" and a channel name ("#general"), or as the bare ID or name.
func ChannelRef(id string) string { return "#" + id }

// parseUserRef reads a member named in a command, in the core's form
// (MemberRef) or as a bare user ID. It returns the user ID.
func parseUserRef(s string) (string, bool) {
	return validRef(strings.TrimPrefix(strings.TrimSpace(s), "@"))
}

// parseChannelRef reads a channel named in a command, in the core's form
// (ChannelRef) or as a bare ID or name. It returns the channel ID or name.
func parseChannelRef(s string) (string, bool) {
	return validRef(strings.TrimPrefix(strings.TrimSpace(s), "#"))
}

// validRef accepts IDs and names of letters, digits, '-', '_' and '.', at
// most 80 characters: what Slack, Discord and the shell use.
func validRef(s string) (string, bool) {
	if s == "" || len(s) > 80 {
		return "", false
	}
	for _, r := range s {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' || r == '.') {
			return "", false
		}
	}
	return s, true
}

// inWorkspace refuses a member a manager named who is not in the
// workspace: any word ("zqxmarker", "@bob" typed without Slack making it
// a mention) reads as a user ID, and a manager's typo paired a mentee with
// nobody, or made nobody a manager (inDirectory).
func (b *Bot) inWorkspace(ctx context.Context, field string, id MemberID, typed string) error {
	known, err := b.inDirectory(ctx, id)
	if err != nil || known {
		return err
	}
	return &Error{Code: EINVALID, Key: platformKey(id.Tenant(), "err.admin.no_member"), Args: []string{"value", clip(typed, 40)}, Field: field}
}

// inDirectory reports whether id, named by a manager, is a member of the
// workspace. A member the bot knows is, as is one the platform's directory
// cannot answer for (down, or none): only its "no such member" (EGONE)
// says no. The error is the store's.
func (b *Bot) inDirectory(ctx context.Context, id MemberID) (bool, error) {
	_, err := b.store.members.GetMember(ctx, id)
	if ErrorCode(err) != ENOTFOUND {
		return err == nil, err // known, or the store failed
	}
	p, perr := b.platform(id)
	if perr != nil {
		return true, nil
	}
	dir, ok := p.(Directory)
	if !ok {
		return true, nil
	}
	_, err = dir.Profile(ctx, id)
	return ErrorCode(err) != EGONE, nil
}

// badUser and badChannel are the errors for a member or a channel that
// cannot be read from the option field.
func badUser(field, value string) error {
	return &Error{Code: EINVALID, Key: "err.admin.bad_user", Args: []string{"value", clip(value, 40)}, Field: field}
}

func badChannel(field, value string) error {
	return &Error{Code: EINVALID, Key: "err.admin.bad_channel", Args: []string{"value", clip(value, 40)}, Field: field}
}
