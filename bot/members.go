package bot

import (
	"context"
	"time"
)

// touchMember makes sure the bot knows the member, creating the record on
// first contact with what the platform's Directory knows (name, time zone,
// language). Directory failures are not fatal: the member can say it all.
func (b *Bot) touchMember(ctx context.Context, id MemberID, locale string) error {
	m, err := b.store.GetMember(ctx, id)
	if err == nil && m.Name != "" {
		return nil
	}
	if err != nil && ErrorCode(err) != ENOTFOUND {
		return err
	}
	if err != nil {
		m = Member{ID: id, Joined: b.clock.Now().UTC()}
		if l, ok := ParseLang(locale); ok {
			m.Lang = l
		}
	}
	if p := b.profile(ctx, id); p.Name != "" || p.TZ != "" {
		m.Name = p.Name
		if m.TZ == "" {
			m.TZ = p.TZ
		}
		if l, ok := ParseLang(p.Locale); ok && m.Lang == "" {
			m.Lang = l
		}
	}
	return b.store.SaveMember(ctx, m)
}

// profile asks the member's platform what it knows of them, if it can.
func (b *Bot) profile(ctx context.Context, id MemberID) Profile {
	p, err := b.platform(id)
	if err != nil {
		return Profile{}
	}
	dir, ok := p.(Directory)
	if !ok {
		return Profile{}
	}
	pr, err := dir.Profile(ctx, id)
	if err != nil {
		b.log.Info("profile unavailable", "member", id.String(), "code", string(ErrorCode(err)))
		return Profile{}
	}
	return pr
}

// member returns the member's record, or a default one if the bot has
// none yet.
func (b *Bot) member(ctx context.Context, id MemberID) (Member, error) {
	m, err := b.store.GetMember(ctx, id)
	if ErrorCode(err) == ENOTFOUND {
		return Member{ID: id, Lang: b.cfg.DefaultLang}, nil
	}
	if err != nil {
		return m, err
	}
	if m.Lang == "" {
		m.Lang = b.cfg.DefaultLang
	}
	return m, nil
}

// displayName is how the bot names a member in messages.
func (m Member) displayName() string {
	if m.Name != "" {
		return m.Name
	}
	return m.ID.User
}

// utcOffset returns the member's UTC offset in seconds at t, 0 if unknown.
func utcOffset(tz string, t time.Time) int {
	if tz == "" {
		return 0
	}
	loc, err := time.LoadLocation(tz)
	if err != nil {
		return 0
	}
	_, off := t.In(loc).Zone()
	return off
}
