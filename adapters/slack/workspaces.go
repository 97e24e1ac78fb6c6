package slack

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/slack-go/slack"
)

// Many workspaces. Each Web API call is made with the bot token of the
// workspace it concerns: the member's, the channel's, the interaction's.
// Tokens come from two places:
//
//   - Options.BotToken (SLACK_BOT_TOKEN), one workspace's token: auth.test
//     at Start tells which workspace. If auth.test failed, the token acts
//     for any workspace, as a single-workspace bot always did.
//   - Options.Installs, the installations by OAuth (Install): each token
//     sealed with Options.Sealer, opened when first needed and kept in
//     memory for installTTL.
//
// The single token's workspace comes first; a workspace with neither is
// not served (Serves), and a call for it fails with errNotInstalled.

// Sealer seals the bot tokens kept in the InstallStore. aad is the
// tenant's String(): a sealed token copied into another workspace's
// record does not open.
type Sealer interface {
	Seal(plain []byte, aad string) ([]byte, error)
	Open(sealed []byte, aad string) ([]byte, error)
}

// How long an opened installation is kept in memory: another replica's
// uninstall reaches this one within installTTL. A workspace found without
// one is remembered for less, so that an install on another replica is
// soon seen here.
const (
	installTTL    = time.Minute
	notInstallTTL = 10 * time.Second
	maxInstalls   = 100_000
)

// workspace is what the adapter needs to act in one workspace.
type workspace struct {
	team    string // "" for the single token while its team is unknown
	botUser string
	api     webAPI
}

// workspaces is the registry of the workspaces the adapter acts in.
type workspaces struct {
	single   *workspace // Options.BotToken's; nil without
	installs bot.InstallStore
	sealer   Sealer
	dial     func(token string) webAPI
	// opened are the installations opened lately, by team; nil: the team
	// has none (or none installed).
	opened *cache[string, *workspace]

	mu sync.Mutex
	// singleTeam is the single token's workspace, from auth.test; "" when
	// unknown: the token then acts for any workspace.
	singleTeam string
	// dropped are the workspaces the single token no longer serves, after
	// their uninstall, until restart.
	dropped map[string]bool
}

func newWorkspaces(o Options, dial func(token string) webAPI) *workspaces {
	w := &workspaces{installs: o.Installs, sealer: o.Sealer, dial: dial, dropped: map[string]bool{},
		opened: newCache[string, *workspace](installTTL, maxInstalls)}
	if o.BotToken != "" {
		w.single = &workspace{api: dial(o.BotToken)}
	}
	return w
}

// singleFor returns the single token's workspace if it acts for team:
// exactly (exact), or as a token whose team is unknown (!exact).
func (w *workspaces) singleFor(team string, exact bool) *workspace {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.single == nil || w.dropped[team] {
		return nil
	}
	if w.singleTeam == team || !exact && w.singleTeam == "" {
		return w.single
	}
	return nil
}

// setSingle records the single token's workspace, from auth.test.
func (w *workspaces) setSingle(team, botUser string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.singleTeam = team
	w.single = &workspace{team: team, botUser: botUser, api: w.single.api}
}

// errNotInstalled is a call for a workspace the adapter has no token
// for. It is EINTERNAL, not EGONE: EGONE tells the core a member left,
// and it then declines their proposals and drops what it owed them, when
// the workspace may reinstall the app and find everything as it was. A
// job failing with EINTERNAL is retried later, but Serves says no for
// the workspace, so the scheduler leaves its jobs alone until it is
// installed again (or erased); a notice is not kept for later
// (only EUNAVAILABLE is). Its key says, should a member ever read it, that
// the app is not installed in their workspace.
func errNotInstalled(team string) error {
	return &bot.Error{Code: bot.EINTERNAL, Key: "install.not_installed", Err: fmt.Errorf("slack: no bot token for workspace %s", team)}
}

// notInstalled reports whether err is errNotInstalled.
func notInstalled(err error) bool {
	var e *bot.Error
	return errors.As(err, &e) && e.Key == "install.not_installed"
}

// lookup returns the workspace of team: the single token's, an
// installation's, or errNotInstalled. Other errors are the store's
// (EUNAVAILABLE): the workspace may well be installed.
func (a *Adapter) lookup(ctx context.Context, team string) (*workspace, error) {
	w := a.ws
	if s := w.singleFor(team, true); s != nil {
		return s, nil
	}
	if w.installs != nil && team != "" {
		ws, ok := w.opened.get(team)
		if !ok {
			var err error
			if ws, err = a.openInstall(ctx, team); err != nil {
				return nil, err
			}
		}
		if ws != nil {
			return ws, nil
		}
	}
	if s := w.singleFor(team, false); s != nil {
		return s, nil
	}
	return nil, errNotInstalled(team)
}

// openInstall reads team's installation and opens its token, and keeps
// the outcome for a while. nil, nil: no installation.
func (a *Adapter) openInstall(ctx context.Context, team string) (*workspace, error) {
	w := a.ws
	t := bot.Tenant{Platform: Platform, Workspace: team}
	in, err := w.installs.Installation(ctx, t)
	switch {
	case bot.ErrorCode(err) == bot.ENOTFOUND || err == nil && !in.Installed():
		w.opened.putFor(team, nil, notInstallTTL)
		return nil, nil
	case err != nil:
		return nil, err
	}
	token, err := w.sealer.Open(in.Token, t.String())
	if err != nil || !strings.HasPrefix(string(token), "xoxb-") {
		// A key changed without the tokens being sealed again, or a
		// record moved: the workspace must install the app again.
		a.log.Error("slack: the token of an installation does not open", "team", team, "err", err)
		w.opened.putFor(team, nil, notInstallTTL)
		return nil, nil
	}
	ws := &workspace{team: team, botUser: in.BotUser, api: w.dial(string(token))}
	w.opened.put(team, ws)
	return ws, nil
}

// clientOf returns the Web API client of team's workspace. A workspace
// without a token is logged, with its ID.
func (a *Adapter) clientOf(ctx context.Context, team string) (webAPI, error) {
	ws, err := a.lookup(ctx, team)
	if err != nil {
		if notInstalled(err) {
			a.log.Warn("slack: no token for the workspace; nothing sent", "team", team)
		}
		return nil, err
	}
	return ws.api, nil
}

var _ bot.Serving = (*Adapter)(nil)

// Serves implements bot.Serving: the single token's workspace (any
// workspace while it is unknown) and the workspaces with an installation,
// but none that uninstalled the app. When the store cannot tell, the
// workspace is served: its work then fails and is retried as usual.
func (a *Adapter) Serves(ctx context.Context, t bot.Tenant) bool {
	if t.Platform != Platform {
		return false
	}
	_, err := a.lookup(ctx, t.Workspace)
	return !notInstalled(err)
}

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
// workspace's token is erased and the workspace no longer served. The
// single token's workspace stops being served until restart. It runs
// after the event's ack, on a job of its own.
func (a *Adapter) onUninstalled(team, typ string, raw json.RawMessage) {
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
	_ = a.jobs.force(func(ctx context.Context) {
		err := w.installs.Uninstall(ctx, bot.Tenant{Platform: Platform, Workspace: team}, a.opt.Clock.Now())
		if err != nil && bot.ErrorCode(err) != bot.ENOTFOUND {
			a.log.Error("slack: uninstall not recorded", "team", team, "code", string(bot.ErrorCode(err)), "err", err)
		}
	})
}

// served lists the workspaces the adapter acts in now, for the reads of
// the directory: the single token's, then each installation's.
func (a *Adapter) served(ctx context.Context) ([]*workspace, error) {
	w := a.ws
	var out []*workspace
	w.mu.Lock()
	single := w.single
	if single != nil && !w.dropped[w.singleTeam] {
		out = append(out, single)
	}
	w.mu.Unlock()
	if w.installs == nil {
		return out, nil
	}
	ins, err := w.installs.Installations(ctx, Platform)
	if err != nil {
		return out, err
	}
	for _, in := range ins {
		team := in.Tenant.Workspace
		if !in.Installed() {
			continue
		}
		ws, err := a.lookup(ctx, team)
		if err != nil || ws == single { // the single token's team: listed
			continue
		}
		out = append(out, ws)
	}
	return out, nil
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
	if a.ws.singleFor(who.Workspace, true) != nil {
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

// dialer returns how the adapter makes a Web API client for a token.
func dialer(o Options) func(token string) webAPI {
	return func(token string) webAPI {
		return slack.New(token, slack.OptionAPIURL(o.APIURL), slack.OptionHTTPClient(o.HTTPClient))
	}
}
