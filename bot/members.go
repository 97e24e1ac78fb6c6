package bot

import (
	"context"
	"sync"
	"time"
)

// MemberStore reads and saves members' profiles (members.go, status.go).
type MemberStore interface {
	// GetMember returns the member, or ENOTFOUND.
	GetMember(ctx context.Context, id MemberID) (Member, error)

	// Members returns the members of a workspace with these user IDs, in
	// one round trip; a user the bot does not know is left out.
	Members(ctx context.Context, t Tenant, users []string) (map[string]Member, error)

	// SaveMember creates or replaces the member's profile fields. It never
	// changes the recorded charter acceptance, which only AcceptCharter sets.
	SaveMember(ctx context.Context, m Member) error

	// Overview returns what /mentor status shows of a member in as few
	// round trips as it can: their offer, open request and pairs (newest
	// first), and the display names of the other members of those pairs.
	Overview(ctx context.Context, m MemberID) (Overview, error)
}

// touchMember makes sure the bot knows the member, creating the record on
// first contact with what the platform's Directory knows (name, time zone,
// language). m and err are the result of reading the member. Directory
// failures are not fatal: the member can say it all. It returns the member
// with Lang set to the language to use. With record false (a read-only
// command), a newcomer is looked up the same way but not saved.
func (b *Bot) touchMember(ctx context.Context, id MemberID, m Member, err error, locale string, record bool) (Member, error) {
	if err == nil && m.Name != "" {
		if record {
			m = b.learnLang(ctx, m, locale)
		}
		return b.withLang(ctx, m), nil
	}
	if err != nil && ErrorCode(err) != ENOTFOUND {
		return m, err
	}
	if err != nil {
		m = Member{ID: id, Joined: b.clock.Now().UTC()}
		if locale == "" {
			locale = localeOf(ctx, id) // their click's (HandleAction)
		}
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
	if !record {
		return b.withLang(ctx, m), nil
	}
	return b.withLang(ctx, m), b.store.members.SaveMember(ctx, m)
}

// learnLang records the language of a member the bot knows without one
// (a record another member's command made: a manager's admin pair, on a
// platform whose directory tells no language) from their own client's
// locale (locale, else their click's: localeOf), at their first command
// or click that changes something, as a newcomer's is recorded
// (touchMember). Without it, their direct messages would follow the
// workspace's language while the replies to their clicks follow their
// client's. A failure to save is logged: the member is then only asked
// again next time.
func (b *Bot) learnLang(ctx context.Context, m Member, locale string) Member {
	if m.Lang != "" {
		return m
	}
	if locale == "" {
		locale = localeOf(ctx, m.ID)
	}
	l, ok := ParseLang(locale)
	if !ok {
		return m
	}
	m.Lang = l
	if err := b.store.members.SaveMember(ctx, m); err != nil {
		b.log.Warn("language not recorded", "member", m.ID.String(), "code", string(ErrorCode(err)))
	}
	return m
}

// withLang fills in the workspace's default language.
func (b *Bot) withLang(ctx context.Context, m Member) Member {
	if m.Lang == "" {
		m.Lang = b.settings(ctx, m.ID.Tenant()).DefaultLang
	}
	return m
}

// profile asks the member's platform what it knows of them, if it can.
func (b *Bot) profile(ctx context.Context, id MemberID) Profile {
	if pr, ok := profileIn(ctx, id); ok {
		return pr // asked already while this command runs (HandleCommand)
	}
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
	// A name is shown to others: a right-to-left override or a newline
	// in it would turn the text around it (the times beside it) around.
	pr.Name = cleanText(pr.Name, false)
	return pr
}

// member returns the member's record, or a default one if the bot has
// none yet.
func (b *Bot) member(ctx context.Context, id MemberID) (Member, error) {
	m, err := b.store.members.GetMember(ctx, id)
	if ErrorCode(err) == ENOTFOUND {
		return b.withLang(ctx, Member{ID: id}), nil
	}
	if err != nil {
		return m, err
	}
	return b.withLang(ctx, m), nil
}

// displayName is how the bot names a member in messages.
func (m Member) displayName() string {
	// Cleaned here too: a record saved before names were cleaned on
	// their way in may hold control or format characters.
	if name := cleanText(m.Name, false); name != "" {
		return name
	}
	return m.ID.User
}

// utcOffset returns the member's UTC offset in seconds at t, 0 if unknown.
func utcOffset(tz string, t time.Time) int {
	off, _ := tzOffset(tz, t)
	return off
}

// tzOffset returns the UTC offset in seconds at t of the zone tz, and
// whether tz names a zone the bot can read (0 and false if not).
func tzOffset(tz string, t time.Time) (int, bool) {
	if tz == "" {
		return 0, false
	}
	loc, err := loadLocation(tz)
	if err != nil {
		return 0, false
	}
	_, off := t.In(loc).Zone()
	return off, true
}

// locations caches time.LoadLocation, which reads the zone database from
// disk on every call: matching asks for every mentor's zone each time.
var locations sync.Map // name → *time.Location

// LoadLocation returns the time zone of a member's or a workspace's tz
// setting as stored: an IANA name, or a fixed offset ("UTC+2",
// "UTC-5:30") that time.LoadLocation does not read. What reads a
// schedule in a workspace's zone (cmd/mentorbot's digest) takes it from
// here.
func LoadLocation(name string) (*time.Location, error) { return loadLocation(name) }

// loadLocation also reads the fixed offsets parseTZ stores ("UTC+2").
func loadLocation(name string) (*time.Location, error) {
	if l, ok := locations.Load(name); ok {
		return l.(*time.Location), nil
	}
	l, err := time.LoadLocation(name)
	if off, ok := fixedOffset(name); ok {
		l, err = time.FixedZone(name, off), nil
	}
	if err != nil {
		return nil, err
	}
	locations.Store(name, l)
	return l, nil
}
