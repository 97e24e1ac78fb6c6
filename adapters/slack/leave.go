package slack

import (
	"context"
	"encoding/json"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/slack-go/slack"
)

// onUserLeft reads a user_change event: a user whose account was
// deactivated (deleted) has left the workspace, and is erased as /mentor
// forget erases (bot.Forgetter), after the event's ack.
func (a *Adapter) onUserLeft(team string, raw json.RawMessage) {
	var e struct {
		User struct {
			ID      string `json:"id"`
			TeamID  string `json:"team_id"`
			Deleted bool   `json:"deleted"`
		} `json:"user"`
	}
	if err := json.Unmarshal(raw, &e); err != nil || !e.User.Deleted || e.User.ID == "" {
		return
	}
	f, ok := a.h.(bot.Forgetter)
	if !ok {
		return
	}
	if team == "" {
		team = e.User.TeamID
	}
	id := member(team, e.User.ID)
	// Forced past the limit: nobody waits on an erasure, and none is lost.
	_ = a.jobs.force(func(ctx context.Context) { a.forgetLeft(ctx, f, id, "event") })
}

// forgetLeft erases a member who left, as the core's Forget does: their
// offer, requests, proposals and pairs are wound down (the other members
// told), then everything about them erased. Running it again is
// harmless. how says what told us ("event", "directory"), for the log.
func (a *Adapter) forgetLeft(ctx context.Context, f bot.Forgetter, id bot.MemberID, how string) {
	if err := f.Forget(ctx, id); err != nil {
		a.log.Error("slack: member left: not erased", "member", id.String(), "seen_by", how, "code", string(bot.ErrorCode(err)), "err", err)
		return
	}
	a.log.Info("slack: member left: erased", "member", id.String(), "seen_by", how)
}

// forgetDeparted erases the members a read of the directory found
// deactivated since the bot last saw them active (departedSince), one
// after the other, each within Options.WorkTimeout: with the default
// manifest no user_change event comes, and the directory is what tells
// that a member left. The read runs in the background: nobody waits.
func (a *Adapter) forgetDeparted(ctx context.Context, ids []bot.MemberID) {
	f, ok := a.h.(bot.Forgetter)
	if !ok {
		return
	}
	for _, id := range ids {
		if ctx.Err() != nil {
			return
		}
		fctx, cancel := context.WithTimeout(ctx, a.opt.WorkTimeout)
		a.forgetLeft(fctx, f, id, "directory")
		cancel()
	}
}

// StillMember implements bot.Roster, for the core's nightly check of the
// members it keeps a record of (bot.ForgetLeavers): false for a member
// Slack says is deactivated. The directory answers without a call (a
// member it read deactivated, or active); users.info answers for the
// others. A user Slack does not know (user_not_found) is EGONE, which the
// check passes over; any other failure is an error, never a leave.
func (a *Adapter) StillMember(ctx context.Context, id bot.MemberID) (bool, error) {
	if err := checkMembers(id); err != nil {
		return false, err
	}
	if _, ok := a.left.get(id); ok {
		return false, nil
	}
	if _, ok := a.profiles.get(id); ok {
		return true, nil
	}
	api, err := a.clientOf(ctx, id.Workspace)
	if err != nil {
		return false, err
	}
	var u *slack.User
	err = call(ctx, a.opt.Retry, "users.info", func(ctx context.Context) error {
		var err error
		u, err = api.GetUserInfoContext(ctx, id.User)
		return err
	})
	if err != nil {
		return false, err
	}
	if u.Deleted {
		a.profiles.del(id)
		a.left.put(id, struct{}{})
		return false, nil
	}
	a.profiles.put(id, bot.Profile{Name: displayName(u), TZ: u.TZ, Locale: u.Locale})
	return true, nil
}

// leftSilently reads conversations.open's refusal of a member's DM: a
// user Slack says is deactivated (user_disabled) has left the workspace,
// and is erased as a user_change event with deleted=true erases them
// (forgetLeft: their offer retired, their requests and pairs wound down),
// once: with the default manifest no such event comes, and until the next
// read of the directory every proposal to them failed, and their offer
// still counted. A user Slack does not find (user_not_found) is erased
// only if users.info says they are deactivated (StillMember): an unknown
// ID is not a leave. The send itself still fails with EGONE.
func (a *Adapter) leftSilently(id bot.MemberID, err error) {
	why := slackError(err)
	if why != "user_disabled" && why != "user_not_found" {
		return
	}
	f, ok := a.h.(bot.Forgetter)
	if !ok {
		return
	}
	if _, seen := a.left.get(id); seen {
		return // erased already, or being erased
	}
	if why == "user_disabled" {
		a.profiles.del(id)
		a.left.put(id, struct{}{})
	}
	_ = a.jobs.force(func(ctx context.Context) {
		if why == "user_not_found" {
			if still, err := a.StillMember(ctx, id); err != nil || still {
				return
			}
		}
		a.forgetLeft(ctx, f, id, "send")
	})
}
