package slack

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/slack-go/slack"
)

// The member directory. The core asks for a member's profile (name, time
// zone, language) the first time it meets them, before it can even choose
// the language of its answer. One users.info call each is slow for that
// first answer and, when an announcement brings hundreds of members at
// once, runs into its rate limit. So the adapter reads the whole
// workspace with users.list (200 members a page) when it starts and every
// Options.DirectoryRefresh after, into the profile cache, and a workspace
// that installs the app by OAuth right after its install
// (readAfterInstall); users.info remains for members who joined since. With the user_change and
// team_join events subscribed, changes arrive at once.

const (
	// directoryPage is how many members one users.list call asks for
	// (Slack recommends no more than 200).
	directoryPage = 200
	// MaxProfiles bounds the profile cache: a workspace larger than that
	// is read whole, but the cache then drops members at random to make
	// room: those dropped come from users.info when they need to.
	MaxProfiles = 250_000
	// directoryRetry is how soon a failed read of the directory is tried
	// again.
	directoryRetry = 5 * time.Minute
	// directoryMaxWait is the longest Retry-After a read of the directory
	// waits out; past it, the read stops and is tried again later.
	directoryMaxWait = 10 * time.Minute
)

// startDirectory reads the directory now and then every
// Options.DirectoryRefresh, until ctx ends (Close).
func (a *Adapter) startDirectory(ctx context.Context) {
	interval := a.opt.DirectoryRefresh
	a.background.Add(1)
	go func() {
		defer a.background.Done()
		for {
			start := time.Now()
			n, err := a.syncDirectory(ctx)
			next := interval
			switch {
			case ctx.Err() != nil:
				return
			case err != nil:
				a.log.Warn("slack: directory read stopped; profiles come from users.info meanwhile", "members", n, "err", err)
				next = min(interval, directoryRetry)
			default:
				a.log.Info("slack: directory read", "members", n, "took", time.Since(start).Round(time.Millisecond))
			}
			select {
			case <-ctx.Done():
				return
			case <-time.After(next):
			}
		}
	}()
}

// installReadTimeout bounds the read of a workspace's directory right
// after its install: long enough for a large workspace read at
// users.list's pace, short of the next refresh.
const installReadTimeout = 30 * time.Minute

// readAfterInstall reads, in the background, the directory of a workspace
// that has just installed the app: its members' first commands and App
// Home are then in their language at once, not after the next refresh
// (Options.DirectoryRefresh, hours away). Nobody waits on it: the
// install's page is answered meanwhile. One read at a time per workspace
// (an install done twice at once reads once), none after Close, and none
// when the directory is off.
func (a *Adapter) readAfterInstall(team string) {
	if a.opt.DirectoryRefresh <= 0 {
		return
	}
	if _, reading := a.installReads.LoadOrStore(team, struct{}{}); reading {
		return
	}
	a.mu.Lock()
	bg := a.bg
	if bg == nil || bg.Err() != nil {
		a.mu.Unlock()
		a.installReads.Delete(team)
		return
	}
	a.background.Add(1)
	a.mu.Unlock()
	go func() {
		defer a.background.Done()
		defer a.installReads.Delete(team)
		ctx, cancel := context.WithTimeout(bg, installReadTimeout)
		defer cancel()
		start := time.Now()
		ws, err := a.lookup(ctx, team)
		n := 0
		if err == nil {
			n, err = a.syncWorkspace(ctx, ws.api)
		}
		if err != nil {
			a.log.Warn("slack: directory of a new install not read; profiles come from users.info until the next read", "team", team, "members", n, "err", err)
			return
		}
		a.log.Info("slack: directory read after install", "team", team, "members", n, "took", time.Since(start).Round(time.Millisecond))
	}()
}

// syncDirectory reads the directory of each workspace served, one after
// the other; it returns how many members it read, and what failed.
func (a *Adapter) syncDirectory(ctx context.Context) (int, error) {
	all, err := a.served(ctx)
	errs := []error{err}
	n := 0
	for _, ws := range all {
		read, err := a.syncWorkspace(ctx, ws.api)
		n += read
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", workspaceName(ws), err))
		}
		if ctx.Err() != nil {
			break
		}
	}
	return n, errors.Join(errs...)
}

// workspaceName names ws in an error: its team ID, or, for the single
// token's while auth.test has not told it, that it is not known yet (an
// empty ID would read as a missing one).
func workspaceName(ws *workspace) string {
	if ws.team == "" {
		return "SLACK_BOT_TOKEN's workspace (not known yet: auth.test has not answered)"
	}
	return "workspace " + ws.team
}

// syncWorkspace reads every page of one workspace's users.list into the
// profile cache, waiting out rate limits; it returns how many members it
// read. Members it finds deactivated since the bot last saw them active
// are then erased as members who left (forgetDeparted).
func (a *Adapter) syncWorkspace(ctx context.Context, api webAPI) (int, error) {
	ttl := a.directoryTTL()
	n := 0
	var departed []bot.MemberID
	defer func() { a.forgetDeparted(ctx, departed) }()
	p := api.GetUsersPaginated(slack.GetUsersOptionLimit(directoryPage), slack.GetUsersOptionIncludeLocale(true))
	for {
		var err error
		p, err = p.Next(ctx)
		if rl, ok := errors.AsType[*slack.RateLimitedError](err); ok {
			// Nobody waits on the directory: it may wait longer than
			// a member's call would (users.list is Tier 2, about 20
			// calls a minute, shared by every replica).
			if rl.RetryAfter > directoryMaxWait {
				return n, err
			}
			select {
			case <-ctx.Done():
				return n, ctx.Err()
			case <-time.After(rl.RetryAfter):
			}
			continue // the same page again
		}
		if p.Done(err) {
			return n, nil
		}
		if err = p.Failure(err); err != nil {
			return n, err
		}
		for _, u := range p.Users {
			if id, ok := a.departedSince(u); ok {
				departed = append(departed, id)
			}
			if a.keepProfile(u, ttl) {
				n++
			}
		}
	}
}

// keepProfile caches a member's profile from a user object of users.list
// or of an event; it forgets members who were deactivated, and skips bots.
func (a *Adapter) keepProfile(u slack.User, ttl time.Duration) bool {
	if u.ID == "" || u.TeamID == "" || u.IsBot || u.ID == "USLACKBOT" {
		return false
	}
	// The workspace, time zone and locale are shared by thousands of
	// members: each cached profile points at one copy of them (a
	// directory of 250,000 members kept 10 MB of copies).
	id := member(a.shared.of(u.TeamID), u.ID)
	if u.Deleted {
		a.profiles.del(id)
		a.left.putFor(id, struct{}{}, ttl)
		return false
	}
	a.left.del(id) // reactivated
	a.profiles.putFor(id, bot.Profile{Name: displayName(&u), TZ: a.shared.of(u.TZ), Locale: a.shared.of(u.Locale)}, ttl)
	return true
}

// departedSince reports, for a user object of users.list, whether the
// member is deactivated and this replica knew them active (their profile
// is cached, from the last read of the directory or from users.info):
// they left since, and no user_change event said so (the default
// manifest subscribes none). A member deactivated before this replica
// read the directory is not one: the bot may never have met them, and
// finding out costs the core a walk of the workspace's data each; the
// nightly check of the members the bot keeps a record of
// (bot.ForgetLeavers, StillMember) erases them.
func (a *Adapter) departedSince(u slack.User) (bot.MemberID, bool) {
	if !u.Deleted || u.ID == "" || u.TeamID == "" || u.IsBot || u.ID == "USLACKBOT" {
		return bot.MemberID{}, false
	}
	id := member(u.TeamID, u.ID)
	_, known := a.profiles.get(id)
	return id, known
}

// maxShared bounds the strings sharedStrings keeps: workspaces, time
// zones (about 400) and locales.
const maxShared = 4096

// sharedStrings keeps one copy of strings many cached profiles hold.
type sharedStrings struct {
	mu sync.Mutex
	m  map[string]string
}

// of returns the copy of s kept, keeping s if there is room.
func (c *sharedStrings) of(s string) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.m[s]; ok {
		return v
	}
	if c.m == nil {
		c.m = map[string]string{}
	}
	if len(c.m) < maxShared {
		c.m[s] = s
	}
	return s
}

// onUserEvent applies user_change and team_join: the event carries the
// member's whole user object.
func (a *Adapter) onUserEvent(raw json.RawMessage) {
	var e struct {
		User slack.User `json:"user"`
	}
	if err := json.Unmarshal(raw, &e); err != nil {
		a.log.Warn("slack: user event unreadable", "err", err)
		return
	}
	a.keepProfile(e.User, a.directoryTTL())
}

// directoryTTL is how long a profile from the directory or an event is
// kept: past the next read of the directory.
func (a *Adapter) directoryTTL() time.Duration {
	if a.opt.DirectoryRefresh > 0 {
		return a.opt.DirectoryRefresh + time.Hour
	}
	return a.opt.ProfileTTL
}
