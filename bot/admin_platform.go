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

// parseUserRef reads a member named in a command: a Slack mention
// ("<@U123>", "<@U123|ada>"), a Discord one ("<@123>", "<@!123>"), or a
// raw user ID, with or without a leading "@" ("U123", "@alice" in the
// shell). It returns the user ID.
func parseUserRef(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "<@") && strings.HasSuffix(s, ">") {
		s = strings.TrimPrefix(strings.TrimSuffix(s[2:], ">"), "!")
		s, _, _ = strings.Cut(s, "|")
	}
	return validRef(strings.TrimPrefix(s, "@"))
}

// parseChannelRef reads a channel: "<#C123|general>" (Slack), "<#123>"
// (Discord), "#general" or a raw ID. It returns the channel ID or name.
func parseChannelRef(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "<#") && strings.HasSuffix(s, ">") {
		s, _, _ = strings.Cut(strings.TrimSuffix(s[2:], ">"), "|")
	}
	return validRef(strings.TrimPrefix(s, "#"))
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

// badUser and badChannel are the errors for a member or a channel that
// cannot be read from the option field.
func badUser(field, value string) error {
	return &Error{Code: EINVALID, Key: "err.admin.bad_user", Args: []string{"value", clip(value, 40)}, Field: field}
}

func badChannel(field, value string) error {
	return &Error{Code: EINVALID, Key: "err.admin.bad_channel", Args: []string{"value", clip(value, 40)}, Field: field}
}
