package slack

import (
	"context"
	"encoding/json"

	"github.com/mentorbot/mentorbot/bot"
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
	_ = a.jobs.force(func(ctx context.Context) {
		if err := f.Forget(ctx, id); err != nil {
			a.log.Error("slack: member left: not erased", "member", id.String(), "err", err)
			return
		}
		a.log.Info("slack: member left: erased", "member", id.String())
	})
}
