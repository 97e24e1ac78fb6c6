package discord

import (
	"context"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/mentorbot/mentorbot/bot"
)

// On Discord, "installing" the app is the bot being in a server. Over the
// gateway (the GUILDS intent) GUILD_DELETE says the bot left a server:
// removed, or the server deleted, unless the guild is only unavailable
// (an outage, followed by GUILD_CREATE once it is back). A removal is
// recorded as an uninstall in Config.Installs, so that the core stops the
// server's scheduled work (Serves) and erases it after the retention
// (bot.Prune) unless the bot is added back first: GUILD_CREATE, sent when
// the bot joins a server and for each of its servers after READY, records
// the server installed again. A Discord record has no token: its
// Installed() is false, and only UninstalledAt tells.
//
// Every replica's gateway connection receives every event; both records
// are idempotent, so each replica writes them, with no claim. Over HTTP
// interactions there is no gateway: removals are not seen, and Serves
// only reflects the records the gateway wrote.

// How long Serves keeps what it read of a server's record: another
// replica's record of a removal or of a return (with no gateway here) is
// seen within servesTTL. maxServed bounds the cache.
const (
	servesTTL = time.Minute
	maxServed = 100_000
)

// served caches, by guild, whether the guild is served.
type served struct {
	mu sync.Mutex
	m  map[string]servedEntry
}

type servedEntry struct {
	serves bool
	until  time.Time
}

func (c *served) get(guild string, now time.Time) (serves, ok bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[guild]
	if !ok || !now.Before(e.until) {
		return false, false
	}
	return e.serves, true
}

func (c *served) put(guild string, serves bool, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || len(c.m) >= maxServed {
		c.m = map[string]servedEntry{} // rare: dropped whole, read again
	}
	c.m[guild] = servedEntry{serves: serves, until: now.Add(servesTTL)}
}

var _ bot.Serving = (*Adapter)(nil)

// Serves implements bot.Serving: every server but those whose record says
// the bot was removed. Without Config.Installs, with no record, or when
// the store cannot tell, the server is served (its work then fails and is
// retried as usual).
func (a *Adapter) Serves(ctx context.Context, t bot.Tenant) bool {
	if t.Platform != Platform {
		return false
	}
	if a.cfg.Installs == nil || t.Workspace == "" {
		return true
	}
	now := a.cfg.Now()
	if s, ok := a.served.get(t.Workspace, now); ok {
		return s
	}
	in, err := a.cfg.Installs.Installation(ctx, t)
	switch {
	case bot.ErrorCode(err) == bot.ENOTFOUND:
		a.served.put(t.Workspace, true, now)
		return true
	case err != nil:
		a.log.Warn("installation unread; the server is served", "guild", t.Workspace, "code", string(bot.ErrorCode(err)))
		return true
	}
	s := in.UninstalledAt.IsZero()
	a.served.put(t.Workspace, s, now)
	return s
}

// onGuildDelete receives GUILD_DELETE: the bot was removed from the
// server, or the server deleted, unless it is only unavailable.
func (a *Adapter) onGuildDelete(_ *discordgo.Session, e *discordgo.GuildDelete) {
	if e == nil || e.Guild == nil || e.ID == "" {
		return
	}
	guild := e.ID
	if e.Unavailable {
		a.log.Debug("server unavailable; kept", "guild", guild)
		return
	}
	if a.cfg.Installs == nil {
		a.log.Warn("bot removed from the server; no record kept", "guild", guild)
		return
	}
	a.served.put(guild, false, a.cfg.Now()) // at once here, whatever the store says
	a.log.Warn("bot removed from the server; it is no longer served", "guild", guild)
	a.spawn(func() {
		ctx, cancel := context.WithTimeout(context.Background(), a.cfg.WorkTimeout)
		defer cancel()
		if err := a.uninstall(ctx, bot.Tenant{Platform: Platform, Workspace: guild}); err != nil {
			a.log.Error("removal not recorded", "guild", guild, "code", string(bot.ErrorCode(err)), "err", err)
			return
		}
		// Again: a Serves that read the record before it changed may
		// have put its older answer meanwhile.
		a.served.put(guild, false, a.cfg.Now())
	})
}

// uninstall records t's removal, creating its record if it has none.
func (a *Adapter) uninstall(ctx context.Context, t bot.Tenant) error {
	now := a.now()
	err := a.cfg.Installs.Uninstall(ctx, t, now)
	if bot.ErrorCode(err) != bot.ENOTFOUND {
		return err
	}
	// No record yet: the bot was added before records were kept.
	if err := a.cfg.Installs.SaveInstallation(ctx, bot.Installation{Tenant: t, InstalledAt: now}); err != nil {
		return err
	}
	return a.cfg.Installs.Uninstall(ctx, t, now)
}

// onGuildCreate receives GUILD_CREATE: the bot joined the server, or the
// server is available (after READY, or after an outage). A server whose
// record says the bot was removed is recorded installed again: its
// retention clock stops. Other servers are left as they are.
func (a *Adapter) onGuildCreate(_ *discordgo.Session, e *discordgo.GuildCreate) {
	if e == nil || e.Guild == nil || e.ID == "" || e.Unavailable {
		return
	}
	guild := e.ID
	if a.cfg.Installs == nil {
		return
	}
	a.spawn(func() {
		ctx, cancel := context.WithTimeout(context.Background(), a.cfg.WorkTimeout)
		defer cancel()
		t := bot.Tenant{Platform: Platform, Workspace: guild}
		in, err := a.cfg.Installs.Installation(ctx, t)
		switch {
		case bot.ErrorCode(err) == bot.ENOTFOUND || err == nil && in.UninstalledAt.IsZero():
			a.served.put(guild, true, a.cfg.Now())
			return
		case err != nil:
			a.log.Error("server's installation unread", "guild", guild, "code", string(bot.ErrorCode(err)), "err", err)
			return
		}
		if err := a.cfg.Installs.SaveInstallation(ctx, bot.Installation{Tenant: t, InstalledAt: a.now()}); err != nil {
			a.log.Error("return to the server not recorded", "guild", guild, "code", string(bot.ErrorCode(err)), "err", err)
			return
		}
		a.served.put(guild, true, a.cfg.Now())
		a.log.Info("bot added back to the server; it is served again", "guild", guild)
	})
}

// now is the time of installs and removals: the core's clock, for the
// retention.
func (a *Adapter) now() time.Time {
	if a.cfg.Clock != nil {
		return a.cfg.Clock.Now()
	}
	return a.cfg.Now()
}
