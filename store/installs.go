package store

import (
	"context"
	"sort"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/redis/go-redis/v9"
)

// An installation is a hash in the workspace's keyspace (keys.install),
// so that EraseTenant takes it with the rest; the set of a platform's
// installed workspaces (installsKey) is global, for Installations. The
// set is written first and may name a workspace whose record a failed
// write left out: Installations skips it.

// installsKey is the set of the workspaces of platform that have (or
// had) an installation.
func installsKey(platform string) string { return "mb:installs:" + platform }

func (k keys) install() string { return string(k) + "install" }

// SaveInstallation implements bot.InstallStore. It replaces the record in
// one MULTI: a saved installation is installed, so in.UninstalledAt is
// not kept.
func (s *Store) SaveInstallation(ctx context.Context, in bot.Installation) error {
	if err := s.rdb.SAdd(ctx, installsKey(in.Tenant.Platform), in.Tenant.Workspace).Err(); err != nil {
		return classify(err, "save installation")
	}
	key := keysFor(in.Tenant).install()
	_, err := s.rdb.TxPipelined(ctx, func(p redisPipe) error {
		p.Del(ctx, key)
		p.HSet(ctx, key,
			"enterprise", in.Enterprise, "bot", in.BotUser, "token", in.Token,
			"scopes", in.Scopes, "by", in.InstalledBy, "at", ms(in.InstalledAt))
		return nil
	})
	return classify(err, "save installation")
}

// Installation implements bot.InstallStore.
func (s *Store) Installation(ctx context.Context, t bot.Tenant) (bot.Installation, error) {
	h, err := s.rdb.HGetAll(ctx, keysFor(t).install()).Result()
	if err != nil {
		return bot.Installation{}, classify(err, "installation")
	}
	if len(h) == 0 {
		return bot.Installation{}, notFound("installation")
	}
	return installationFrom(t, h), nil
}

func installationFrom(t bot.Tenant, h map[string]string) bot.Installation {
	in := bot.Installation{Tenant: t, Enterprise: h["enterprise"], BotUser: h["bot"], Scopes: h["scopes"],
		InstalledBy: h["by"], InstalledAt: fromMS(h["at"]), UninstalledAt: fromMS(h["gone"])}
	if tok, ok := h["token"]; ok && tok != "" {
		in.Token = []byte(tok)
	}
	return in
}

// uninstallScript erases the token, and who installed, the bot user, the
// scopes and the organisation (docs/privacy.md: the record keeps only
// when the app was installed and removed), and sets "gone" unless it is
// set.
// KEYS: the install hash. ARGV: the time (ms), and the latest install
// time (ms) it may undo. Returns 0 without a record, 2 for a record
// installed after that.
var uninstallScript = redis.NewScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
if tonumber(redis.call('HGET', KEYS[1], 'at') or '0') > tonumber(ARGV[2]) then return 2 end
redis.call('HDEL', KEYS[1], 'token', 'by', 'bot', 'scopes', 'enterprise')
redis.call('HSETNX', KEYS[1], 'gone', ARGV[1])
return 1
`)

// Uninstall implements bot.InstallStore.
func (s *Store) Uninstall(ctx context.Context, t bot.Tenant, at time.Time) error {
	n, err := uninstallScript.Run(ctx, s.rdb, []string{keysFor(t).install()}, ms(at), ms(at.Add(bot.UninstallSlack))).Int()
	if err != nil {
		return classify(err, "uninstall")
	}
	switch n {
	case 0:
		return notFound("installation")
	case 2:
		return &bot.Error{Code: bot.ESTALE, Err: errString("installed after the uninstall")}
	}
	return nil
}

// Installations implements bot.InstallStore: the platform's records,
// sorted by workspace.
func (s *Store) Installations(ctx context.Context, platform string) ([]bot.Installation, error) {
	ws, err := s.rdb.SMembers(ctx, installsKey(platform)).Result()
	if err != nil {
		return nil, classify(err, "installations")
	}
	sort.Strings(ws)
	cmds := make([]*redis.MapStringStringCmd, len(ws))
	_, err = s.rdb.Pipelined(ctx, func(p redisPipe) error {
		for i, w := range ws {
			cmds[i] = p.HGetAll(ctx, keysFor(bot.Tenant{Platform: platform, Workspace: w}).install())
		}
		return nil
	})
	if err != nil {
		return nil, classify(err, "installations")
	}
	out := make([]bot.Installation, 0, len(ws))
	for i, w := range ws {
		if h := cmds[i].Val(); len(h) > 0 {
			out = append(out, installationFrom(bot.Tenant{Platform: platform, Workspace: w}, h))
		}
	}
	return out, nil
}

// forgetInstallerScript blanks the installer of the installation if it is
// the member. KEYS: the install hash. ARGV: the member's user ID.
var forgetInstallerScript = redis.NewScript(`
if redis.call('HGET', KEYS[1], 'by') == ARGV[1] then redis.call('HSET', KEYS[1], 'by', '') end
return 0
`)

// forgetInstaller takes a member who asked to be forgotten out of the
// installation they made (Erase): the record stays, without their ID.
func (s *Store) forgetInstaller(ctx context.Context, k keys, user string) error {
	return classify(forgetInstallerScript.Run(ctx, s.rdb, []string{k.install()}, user).Err(), "erase member: installer")
}
