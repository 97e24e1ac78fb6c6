package discord

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// Over the gateway, a member who leaves the server is erased as they
// leave (GUILD_MEMBER_REMOVE, leave.go): the buttons of the DMs they keep
// then answer that they no longer work. Over HTTP no such event comes,
// and the daily check (bot.ForgetLeavers) may be a day away: meanwhile a
// leaver could accept a proposal from their DMs, and their mentee would
// wait on someone gone. A click in a server carries the clicker's guild
// member, so they are in it; a click in a DM carries none. So a DM click
// over HTTP first asks Discord whether the clicker is still a member of
// the button's server (GET guilds/{guild}/members/{user}, roster.go):
// only 10007 Unknown Member or 10013 Unknown User say they left. Then
// they are erased as over the gateway, and told why nothing happened.
// Any other answer, or none within memberCheckTimeout, runs the click
// as before: Discord failing must not block it.

const (
	// memberCheckTimeout bounds the check, retries included: the rest
	// of the answer wait is the core's (budget.go).
	memberCheckTimeout = 750 * time.Millisecond
	// memberCacheTTL is how long a member found in the server is not
	// asked about again: a survey's clicks come in a row.
	memberCacheTTL = time.Minute
	// memberCacheMax bounds the cache: past it, expired entries go, and
	// if none had expired, all of them.
	memberCacheMax = 4096
)

// stillMembers remembers the members lately found in their server.
type stillMembers struct {
	mu    sync.Mutex
	until map[bot.MemberID]time.Time
}

func (s *stillMembers) has(id bot.MemberID, now time.Time) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	t, ok := s.until[id]
	if ok && !now.Before(t) {
		delete(s.until, id)
		return false
	}
	return ok
}

func (s *stillMembers) add(id bot.MemberID, now time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.until == nil {
		s.until = map[bot.MemberID]time.Time{}
	}
	if len(s.until) >= memberCacheMax {
		for k, t := range s.until {
			if !now.Before(t) {
				delete(s.until, k)
			}
		}
		if len(s.until) >= memberCacheMax {
			clear(s.until)
		}
	}
	s.until[id] = now.Add(memberCacheTTL)
}

func (s *stillMembers) drop(id bot.MemberID) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.until, id)
}

// clickerLeft reports whether ev, a click, comes from a DM of someone
// who is no longer a member of the button's server, and if so erases
// them (eraseLeaver) and returns the answer: the button no longer works,
// and why, in the clicker's language. Only over HTTP (over the gateway
// the leave erased them already), only for a click of ours in a DM.
func (a *Adapter) clickerLeft(ctx context.Context, log *slog.Logger, ev event) (bot.Reply, bool) {
	if a.key == nil || !ev.InDM || ev.Action == nil || ev.Action.ActionID == "" || checkMember(ev.Member) != nil {
		return bot.Reply{}, false
	}
	now := time.Now()
	if a.members.has(ev.Member, now) {
		return bot.Reply{}, false
	}
	ctx, cancel := context.WithTimeout(ctx, min(memberCheckTimeout, a.cfg.Outbound.LookupTimeout))
	still, err := a.StillMember(ctx, ev.Member)
	cancel()
	switch {
	case err != nil:
		log.Warn("click from a DM: membership not checked, running it", "code", string(bot.ErrorCode(err)))
		return bot.Reply{}, false
	case still:
		a.members.add(ev.Member, now)
		return bot.Reply{}, false
	}
	log.Info("click from a DM by a member who left the server: erasing them")
	a.members.drop(ev.Member)
	a.eraseLeaver(ev.Member)
	return bot.Reply{Message: bot.Message{Text: text(ev.Lang, "left_server")}, Lang: ev.Lang}, true
}

// counterparts is what the core may say of a click about another member
// than the clicker: *bot.Bot's CounterpartLeft.
type counterparts interface {
	CounterpartLeft(ctx context.Context, a bot.Action) (bot.Reply, bool)
}

// counterpartLeft is clickerLeft for the other member a click concerns
// (a proposal's mentee, when its mentor accepts): over HTTP no leave
// reaches the bot, so the core asks Discord (StillMember) whether that
// member is still in the server, and one who left is erased as the core
// erases leavers, and the clicker told. Over the gateway the leave erased
// them already.
func (a *Adapter) counterpartLeft(ctx context.Context, ev event) (bot.Reply, bool) {
	c, ok := a.h.(counterparts)
	if a.key == nil || !ok || ev.Action == nil {
		return bot.Reply{}, false
	}
	return c.CounterpartLeft(ctx, *ev.Action)
}
