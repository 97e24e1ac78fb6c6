package slack

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"strings"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// Installs and uninstalls of the app in a workspace, and what a member of
// a workspace without it is told. The registry of workspaces is in
// workspaces.go.

// Install records an installation by OAuth with its bot token, sealed,
// and acts for the workspace at once (on other replicas, within
// notInstallTTL). It replaces any earlier installation of the workspace.
// EINVALID for a token that is not a bot token; the store's errors
// otherwise.
func (a *Adapter) Install(ctx context.Context, in bot.Installation, token string) error {
	w := a.ws
	if w.installs == nil || w.sealer == nil {
		return bot.Wrap(bot.EINTERNAL, errors.New("no install store or no sealer"), "slack install")
	}
	t := in.Tenant
	if t.Platform != Platform || t.Workspace == "" || !strings.HasPrefix(token, "xoxb-") {
		return bot.Wrap(bot.EINVALID, errors.New("not a Slack workspace's bot token"), "slack install")
	}
	sealed, err := w.sealer.Seal([]byte(token), t.String())
	if err != nil {
		return bot.Wrap(bot.EINTERNAL, err, "slack install: seal")
	}
	in.Token, in.UninstalledAt = sealed, time.Time{}
	if in.InstalledAt.IsZero() {
		in.InstalledAt = a.opt.Clock.Now()
	}
	if err := w.installs.SaveInstallation(ctx, in); err != nil {
		return err
	}
	w.opened.del(t.Workspace)
	a.log.Info("slack: installed", "team", t.Workspace, "enterprise", in.Enterprise, "bot_user", in.BotUser, "installed_by", in.InstalledBy)
	return nil
}

// onUninstalled handles app_uninstalled, and tokens_revoked when it
// revokes bot tokens (user tokens are none of the bot's business): the
// workspace's token is erased and the workspace no longer served, on
// every replica, by its record (lookup). The single token's workspace
// stops being served here until restart (Slack refuses its token from
// then on anyway). It runs after the event's ack, on a job of its own.
func (a *Adapter) onUninstalled(team, typ string, at time.Time, raw json.RawMessage) {
	if typ == "tokens_revoked" {
		var e struct {
			Tokens struct {
				Bot []string `json:"bot"`
			} `json:"tokens"`
		}
		if json.Unmarshal(raw, &e) != nil || len(e.Tokens.Bot) == 0 {
			a.log.Info("slack: user tokens revoked; the bot's stays", "team", team)
			return
		}
	}
	if team == "" {
		return
	}
	w := a.ws
	w.mu.Lock()
	if w.single != nil && (w.singleTeam == team || w.singleTeam == "") {
		w.dropped[team] = true
	}
	w.mu.Unlock()
	// Forgotten at once here, whatever the store says: Slack no longer
	// takes the token.
	w.opened.putFor(team, nil, installTTL)
	a.log.Warn("slack: app uninstalled; the workspace is no longer served", "team", team, "event", typ)
	if w.installs == nil {
		return
	}
	if at.IsZero() {
		at = a.opt.Clock.Now()
	}
	_ = a.jobs.force(func(ctx context.Context) {
		err := w.installs.Uninstall(ctx, bot.Tenant{Platform: Platform, Workspace: team}, at)
		if bot.ErrorCode(err) == bot.ESTALE {
			// An event of an earlier install, come late (Slack retries
			// it for minutes): the app was installed again since.
			w.opened.del(team)
			a.log.Info("slack: uninstall event older than the install ignored", "team", team, "event", typ)
			return
		}
		if err != nil && bot.ErrorCode(err) != bot.ENOTFOUND {
			a.log.Error("slack: uninstall not recorded", "team", team, "code", string(bot.ErrorCode(err)), "err", err)
		}
	})
}

// installRefused handles Slack's refusal of an installation's token in
// the middle of operation (tokenAPI): the app was removed or its token
// revoked, and the app_uninstalled or tokens_revoked event that says so
// was lost, or is still on its way. This replica stops using the token
// at once; then the workspace is recorded uninstalled, as the event
// would, but only if ws's token is still the one stored: a reinstall
// may have stored a new one meanwhile, which stays. The log has the team
// and Slack's error, never the token.
func (a *Adapter) installRefused(ws *workspace, code string) {
	w := a.ws
	team := ws.team
	a.log.Warn("slack: Slack refuses the workspace's token: the app was removed or the token revoked", "team", team, "code", code)
	// Only ws is forgotten: a newer install opened since stays in use.
	w.opened.swap(team, func(cur *workspace) bool { return cur == ws }, nil, installTTL)
	if err := a.jobs.force(func(ctx context.Context) { a.uninstallRefused(ctx, ws) }); err != nil {
		// Closing: the next start meets the refused token again.
		a.log.Warn("slack: refused token's workspace not recorded uninstalled", "team", team, "code", string(bot.ErrorCode(err)))
	}
}

// uninstallRefused records ws's workspace uninstalled if its record still
// holds ws's install (installRefused).
func (a *Adapter) uninstallRefused(ctx context.Context, ws *workspace) {
	w := a.ws
	t := bot.Tenant{Platform: Platform, Workspace: ws.team}
	// The uninstall is dated just over UninstallSlack before the record
	// is read, so that the store refuses (ESTALE) to undo an install
	// saved between that read and the write below: one saved after ws's
	// token was refused.
	at := a.opt.Clock.Now().Add(-bot.UninstallSlack - time.Millisecond)
	in, err := w.installs.Installation(ctx, t)
	switch {
	case bot.ErrorCode(err) == bot.ENOTFOUND || err == nil && !in.Installed():
		return // uninstalled already: the event came, or another replica saw it
	case err != nil:
		// The token stays forgotten here for installTTL; the next call
		// made with it after that tries again.
		a.log.Error("slack: refused token's workspace not recorded uninstalled", "team", t.Workspace, "code", string(bot.ErrorCode(err)))
		return
	case !a.sameInstall(in, ws):
		a.newerInstall(t.Workspace)
		return
	}
	switch err := w.installs.Uninstall(ctx, t, at); {
	case err == nil:
		a.log.Warn("slack: workspace recorded uninstalled: Slack refuses its token", "team", t.Workspace)
	case bot.ErrorCode(err) == bot.ESTALE:
		a.newerInstall(t.Workspace)
	case bot.ErrorCode(err) != bot.ENOTFOUND:
		a.log.Error("slack: refused token's workspace not recorded uninstalled", "team", t.Workspace, "code", string(bot.ErrorCode(err)), "err", err)
	}
}

// sameInstall reports whether in is the install ws opened: its time and
// its token.
func (a *Adapter) sameInstall(in bot.Installation, ws *workspace) bool {
	if !in.InstalledAt.Equal(ws.installedAt) {
		return false
	}
	token, err := a.ws.sealer.Open(in.Token, in.Tenant.String())
	return err == nil && sha256.Sum256(token) == ws.tokenSum
}

// newerInstall is a refused token's workspace installed again since: the
// new install stays, and is opened at the next call.
func (a *Adapter) newerInstall(team string) {
	a.ws.opened.delIf(team, func(cur *workspace) bool { return cur == nil })
	a.log.Info("slack: refused token replaced by a newer install; the install stays", "team", team)
}

// singleRefused handles Slack's refusal of SLACK_BOT_TOKEN in the middle
// of operation, once (tokenAPI). With installed workspaces, it is dropped
// as at start (checkToken): they go on being served. Without, the bot
// goes on as before, every call failing, with one error in the log
// instead of one per call.
func (a *Adapter) singleRefused(code string) {
	if a.ws.installs != nil {
		a.log.Error("slack: Slack refuses SLACK_BOT_TOKEN; serving the installed workspaces only", "code", code)
		a.ws.dropSingle()
		return
	}
	a.log.Error("slack: Slack refuses SLACK_BOT_TOKEN; nothing reaches Slack until it is replaced", "code", code)
}

// notInstalledReply is what a member of a workspace without the app's
// token is told, in their language as far as the adapter knows it.
func (a *Adapter) notInstalledReply(who bot.MemberID) bot.Reply {
	lang := a.langOf(who)
	return bot.Reply{Message: bot.Message{Text: bot.T(lang, "install.not_installed")}, Lang: lang}
}

// refuseUninstalled reports whether who's workspace has no token, within
// a short wait (it comes before an ack): when the store cannot tell in
// time, the request goes on, and its reply takes response_url, which
// needs no token.
func (a *Adapter) refuseUninstalled(who bot.MemberID) bool {
	if a.ws.singleFor(who.Workspace) != nil {
		return false // the usual case, decided without a timer
	}
	ctx, cancel := context.WithTimeout(context.Background(), receiveTimeout)
	defer cancel()
	_, err := a.lookup(ctx, who.Workspace)
	if notInstalled(err) {
		a.log.Warn("slack: request from a workspace without the app's token", "member", who.String())
		return true
	}
	return false
}

// tellNotInstalled tells who, through response_url (which needs no
// token), that the app is not installed in their workspace; with no
// response_url (a home tab), nobody can be told.
func (a *Adapter) tellNotInstalled(who bot.MemberID, responseURL string) {
	if responseURL == "" {
		return
	}
	r := a.notInstalledReply(who)
	if !a.out.hooks.try(func(ctx context.Context) {
		if err := a.respond(ctx, responseURL, r.Message, false); err != nil {
			a.log.Warn("slack: not-installed notice lost", "member", who.String(), "code", string(bot.ErrorCode(err)))
		}
	}) {
		a.log.Warn("slack: not-installed notice dropped: lane full", "member", who.String())
	}
}

// reseal seals again, with the sealer's current key, each installed
// workspace's token that an older key sealed: after MENTORBOT_TOKEN_KEY
// gained a new first key, a restart moves every token to it, and the old
// key can then be dropped. A sealer that cannot tell (no Current method)
// is left alone. Failures are logged (team IDs only) and left for the
// next start: the token still opens with the old key meanwhile.
func (a *Adapter) reseal(ctx context.Context) {
	w := a.ws
	cur, ok := w.sealer.(interface{ Current(sealed []byte) bool })
	if w.installs == nil || !ok {
		return
	}
	all, err := w.installs.Installations(ctx, Platform)
	if err != nil {
		a.log.Warn("slack: installations not read; tokens not sealed again", "code", string(bot.ErrorCode(err)))
		return
	}
	moved := 0
	for _, in := range all {
		if !in.Installed() || cur.Current(in.Token) {
			continue
		}
		aad := in.Tenant.String()
		plain, err := w.sealer.Open(in.Token, aad)
		if err != nil {
			a.log.Warn("slack: a workspace's token opens with no key given; it must install again", "team", in.Tenant.Workspace)
			continue
		}
		if in.Token, err = w.sealer.Seal(plain, aad); err == nil {
			err = w.installs.SaveInstallation(ctx, in)
		}
		if err != nil {
			a.log.Warn("slack: a workspace's token not sealed again", "team", in.Tenant.Workspace, "code", string(bot.ErrorCode(err)))
			continue
		}
		moved++
	}
	if moved > 0 {
		a.log.Info("slack: tokens sealed again with the current key", "workspaces", moved)
	}
}

// notInstalled reports whether t has no installation in force: never
// installed, or removed since. A store that cannot be read counts as
// installed, so that nothing is granted on a doubt.
func (a *Adapter) notInstalled(ctx context.Context, t bot.Tenant) bool {
	if a.ws == nil || a.ws.installs == nil {
		return false
	}
	in, err := a.ws.installs.Installation(ctx, t)
	return bot.ErrorCode(err) == bot.ENOTFOUND || err == nil && !in.Installed()
}
