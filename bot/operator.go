package bot

import (
	"context"
	"errors"
	"strings"
	"unicode"
)

// What an operator does for one member at their request, from the
// command line (cmd: mentorbot export and mentorbot forget), with no
// platform connected: the same export and erasure as the member's own
// /mentor export-me and /mentor forget.

// ParseMemberID reads a member ID as MemberID.String writes it and the
// log prints it: platform:workspace:user ("slack:T123:U456",
// "discord:<guild>:<user>"). It checks the form only: which platforms
// exist is the caller's to say, and whether the bot knows the member,
// ExportMember's and ForgetMember's.
func ParseMemberID(s string) (MemberID, error) {
	parts := strings.Split(s, ":")
	if len(parts) != 3 {
		return MemberID{}, errors.New("want platform:workspace:user, three parts separated by ':'")
	}
	for _, p := range parts {
		if p == "" || strings.IndexFunc(p, unicode.IsSpace) >= 0 {
			return MemberID{}, errors.New("want platform:workspace:user, each part an ID without white space")
		}
	}
	return MemberID{Platform: parts[0], Workspace: parts[1], User: parts[2]}, nil
}

// errNothingKept is ExportMember's and ForgetMember's ENOTFOUND.
var errNothingKept = errors.New("the bot keeps nothing about the member")

// ExportMember returns the JSON file /mentor export-me sends the member:
// everything the bot keeps about them (MemberJSON). ENOTFOUND when it
// keeps nothing: an ID mistyped, or a member erased already.
func (b *Bot) ExportMember(ctx context.Context, id MemberID) ([]byte, error) {
	d, err := b.operatorData(ctx, id)
	if err != nil {
		return nil, err
	}
	data, err := memberJSON(b.LangOf(ctx, id), id, d, b.clock.Now().UTC())
	if err != nil {
		return nil, err
	}
	b.log.Info("member data exported by an operator", "member", id.String(), "bytes", len(data))
	return data, nil
}

// ForgetMember erases the member as their "Yes, erase everything" does
// (Forget): what involves others winds down, and the others are told.
// ENOTFOUND when the bot keeps nothing about them. Where no adapter runs
// (the command line), register Relay for the platforms: what Forget
// sends is then kept for the replicas that run them.
func (b *Bot) ForgetMember(ctx context.Context, id MemberID) error {
	if _, err := b.operatorData(ctx, id); err != nil {
		return err
	}
	// The member asked (by mail, to an operator): worded as /mentor forget.
	return b.eraseMember(ctx, id, true)
}

// operatorData is the member's data as /mentor export-me reads it,
// ENOTFOUND when there is none.
func (b *Bot) operatorData(ctx context.Context, id MemberID) (MemberData, error) {
	d, err := b.memberData(ctx, id)
	if err != nil {
		return d, err
	}
	if d.Speed, err = b.speedTakings(ctx, id); err != nil {
		return d, err
	}
	if d.Empty() && len(d.Speed) == 0 && len(d.Goals) == 0 && d.Pause == nil && !d.OpenedHome && d.InstalledApp == nil {
		return d, &Error{Code: ENOTFOUND, Err: errNothingKept}
	}
	return d, nil
}

// Relay returns a Platform for a process that runs no adapter (the
// command line): each message sent through it is kept in the store as a
// notice due at once, which a replica running the member's platform
// delivers at its next tick (JobNotice), as it delivers a notice whose
// first send failed. An introduction becomes one notice to each member.
func (b *Bot) Relay() Platform { return relay{b} }

type relay struct{ b *Bot }

func (r relay) Send(ctx context.Context, to MemberID, msg Message) error {
	id, err := r.b.newID()
	if err != nil {
		return err
	}
	job := NewJob(r.b.clock.Now(), JobNotice, id)
	if err := r.b.store.delivery.SaveNotice(ctx, Notice{ID: id, To: to, Message: msg}, job, noticeTTL); err != nil {
		return err
	}
	r.b.log.Info("notice kept for a replica to send", "to", to.String(), "notice", id)
	return nil
}

func (r relay) Introduce(ctx context.Context, members []MemberID, msg Message) error {
	for _, m := range members {
		if err := r.Send(ctx, m, msg); err != nil {
			return err
		}
	}
	return nil
}
