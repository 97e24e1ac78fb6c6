package bot

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"sort"
	"time"
)

// Roster is an optional part of a Platform (type-asserted): whether a
// member still belongs to their workspace. Discord implements it for the
// servers whose leaves the bot may not hear of (no gateway, or none
// connected when the member left); Slack for the workspaces whose app
// does not subscribe to user_change (the default manifest), from its
// directory, then users.info.
type Roster interface {
	// StillMember reports false only when the platform says the member
	// is not in the workspace; any other failure (the workspace itself
	// gone, a missing permission, an outage) is an error, never a leave.
	StillMember(ctx context.Context, id MemberID) (bool, error)
}

// leaversCursor is the draft holding where the last check of a workspace
// stopped: a hash, not a user ID, so that it keeps nobody's identity.
const (
	leaversCursor    = "leavers-checked"
	leaversCursorTTL = 90 * 24 * time.Hour
)

// ForgetLeavers checks, in every workspace whose platform is a Roster, up
// to limit of the members the bot keeps a record of, and erases those
// who left as /mentor forget does (Forget). Each run goes on where the
// last one stopped, in an order fixed by a hash of the user ID, and
// starts again at the beginning once all were checked: every member is
// checked every members/limit runs, and a run makes at most limit calls
// per workspace, one at a time. A daily cron entry calls it.
func (b *Bot) ForgetLeavers(ctx context.Context, limit int) error {
	tenants, err := b.Tenants(ctx)
	if err != nil {
		return err
	}
	var errs []error
	for _, t := range tenants {
		b.mu.RLock()
		r, ok := b.platforms[t.Platform].(Roster)
		b.mu.RUnlock()
		if !ok {
			continue
		}
		if err := b.forgetLeavers(ctx, t, r, limit); err != nil {
			errs = append(errs, fmt.Errorf("leavers %s: %w", t, err))
		}
	}
	return errors.Join(errs...)
}

func (b *Bot) forgetLeavers(ctx context.Context, t Tenant, r Roster, limit int) error {
	users, err := b.store.privacy.MembersWithRecord(ctx, t)
	if err != nil {
		return err
	}
	after, err := b.store.drafts.Draft(ctx, t, leaversCursor)
	if err != nil && ErrorCode(err) != ENOTFOUND {
		return err
	}
	batch, last := nextLeaversBatch(users, after, limit)
	checked, erased := 0, 0
	defer func() {
		b.log.Info("leavers: checked", "tenant", t.String(), "checked", checked, "erased", erased, "members", len(users))
	}()
	for _, u := range batch {
		id := t.Member(u.user)
		still, err := r.StillMember(ctx, id)
		if ErrorCode(err) == EGONE {
			continue // not a member the platform can tell about
		}
		if err != nil {
			return b.saveLeaversCursor(ctx, t, u.hash, false, err)
		}
		checked++
		if !still {
			if err := b.Forget(ctx, id); err != nil {
				return b.saveLeaversCursor(ctx, t, u.hash, false, err)
			}
			erased++
			b.log.Info("member left: erased", "member", id.String())
		}
	}
	return b.saveLeaversCursor(ctx, t, last, true, nil)
}

// saveLeaversCursor records where the next run starts: after the last
// member checked (done), or at the member whose check failed.
func (b *Bot) saveLeaversCursor(ctx context.Context, t Tenant, hash string, done bool, cause error) error {
	if !done {
		hash = before(hash)
	}
	if err := b.store.drafts.SaveDraft(ctx, t, leaversCursor, hash, leaversCursorTTL); err != nil {
		return errors.Join(cause, err)
	}
	return cause
}

// before is a cursor that sorts just before hash, so that the member
// with that hash comes next ("" when it is the first).
func before(hash string) string {
	if hash == "" {
		return ""
	}
	return hash[:len(hash)-1]
}

type hashedUser struct{ hash, user string }

// nextLeaversBatch orders users by hash and returns up to limit of those
// whose hash comes after the cursor, and the cursor after them: "" once
// the end is reached, so that the next run starts again.
func nextLeaversBatch(users []string, after string, limit int) ([]hashedUser, string) {
	all := make([]hashedUser, 0, len(users))
	for _, u := range users {
		sum := sha256.Sum256([]byte(u))
		all = append(all, hashedUser{hex.EncodeToString(sum[:16]), u})
	}
	sort.Slice(all, func(i, j int) bool { return all[i].hash < all[j].hash })
	i := sort.Search(len(all), func(i int) bool { return all[i].hash > after })
	rest := all[i:]
	if limit > 0 && len(rest) > limit {
		return rest[:limit], rest[limit-1].hash
	}
	return rest, ""
}

// counterpartCheckTimeout bounds CounterpartLeft's question to the
// platform: Discord failing to answer must not hold the click.
const counterpartCheckTimeout = 750 * time.Millisecond

// CounterpartLeft answers a click that concerns a member other than the
// clicker, when that member has left the workspace and the bot was not
// told (a platform whose leaves it may not hear of: Discord over HTTP).
// A mentor's Accept concerns the proposal's mentee: a pair with someone
// gone would wait on nobody. The platform, as a Roster, says whether the
// member is still there; one who left is erased as ForgetLeavers erases
// those who left (Forget: their request withdrawn, the others told), and
// the clicker reads that they left, in the clicker's language, and that
// nothing was changed. Any other click, a member still there, and a
// platform or store that cannot tell (an error is never a leave) give
// false: the click then runs as usual.
func (b *Bot) CounterpartLeft(ctx context.Context, a Action) (Reply, bool) {
	other, ok := b.counterpart(ctx, a)
	if !ok {
		return Reply{}, false
	}
	b.mu.RLock()
	r, ok := b.platforms[other.Platform].(Roster)
	b.mu.RUnlock()
	if !ok {
		return Reply{}, false
	}
	cctx, cancel := context.WithTimeout(ctx, counterpartCheckTimeout)
	still, err := r.StillMember(cctx, other)
	cancel()
	if err != nil || still {
		return Reply{}, false
	}
	b.log.Info("click about a member who left: erasing them", "member", a.Member.String(), "left", other.String(), "action", a.ActionID)
	if err := b.Forget(ctx, other); err != nil {
		b.log.Error("member left: not erased", "member", other.String(), "code", string(ErrorCode(err)), "err", err)
	} else {
		b.log.Info("member left: erased", "member", other.String())
	}
	me, lookup := b.store.members.GetMember(ctx, a.Member)
	lang := b.langFor(ctx, a.Member, me, lookup, a.Locale)
	return Reply{Message: Message{Text: T(lang, platformKey(a.Member.Tenant(), "err.mentee_left"))}, Replace: true, Lang: lang}, true
}

// counterpart is the member other than the clicker whom a click
// concerns, and who must still be in the workspace for it to go on: the
// mentee of a pending proposal its own mentor accepts. false for any
// other click, and for one the store cannot read (it then runs, and
// meets what it meets).
func (b *Bot) counterpart(ctx context.Context, a Action) (MemberID, bool) {
	if a.ActionID != ActionProposalAccept {
		return MemberID{}, false
	}
	owner, id := buttonOwner(a.ActionID, a.Value)
	if id == "" || owner != "" && owner != a.Member.User {
		return MemberID{}, false
	}
	p, err := b.store.proposals.GetProposal(ctx, a.Member.Tenant(), id)
	if err != nil || p.State != ProposalPending || p.Mentor != a.Member || p.Mentee == a.Member {
		return MemberID{}, false
	}
	return p.Mentee, true
}
