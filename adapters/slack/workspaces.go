package slack

import (
	"context"
	"crypto/sha256"
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
//   - Options.BotToken (SLACK_BOT_TOKEN), one workspace's token, its
//     "home": auth.test at Start tells which workspace. If auth.test
//     failed, it is asked again in the background, with backoff, until it
//     tells (learnHome).
//   - Options.Installs, the installations by OAuth (Install): each token
//     sealed with Options.Sealer, opened when first needed and kept in
//     memory for installTTL.
//
// The single token's workspace comes first; a workspace with neither is
// not served (Serves), and a call for it fails with errNotInstalled.
//
// While the home is unknown, the single token acts for no workspace that
// has an install record, whatever its state (installed, uninstalled, or
// with a token that no longer opens): sending one workspace's messages
// with another's token would show its members' names and topics to the
// wrong workspace. Without an install store (a single-workspace bot, whose
// app no other workspace can install), it acts for any workspace, as it
// always did. With one, it acts for none until auth.test answers: a
// workspace with no record at all may be the home, or a workspace whose
// record was erased, and only auth.test tells them apart. Its calls fail
// with EUNAVAILABLE meanwhile (errHomeUnknown), so that the work is
// retried once the home is known, rather than dropped as not installed.

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
	// botsTTL outlives the DM channels kept (24 h, Adapter.dms) by more
	// than installTTL: a channel opened with a bot user is forgotten
	// before that bot user is.
	botsTTL = 25 * time.Hour
)

// workspace is what the adapter needs to act in one workspace.
type workspace struct {
	team    string // "" for the single token while its team is unknown
	botUser string
	api     webAPI
	// installedAt and tokenSum (SHA-256) tell an installation's token
	// apart from a newer install's (installRefused); zero for the
	// single token.
	installedAt time.Time
	tokenSum    [sha256.Size]byte
}

// workspaces is the registry of the workspaces the adapter acts in.
type workspaces struct {
	single   *workspace // Options.BotToken's; nil without
	installs bot.InstallStore
	sealer   Sealer
	dial     func(token string) webAPI
	// opened are the installations opened lately, by team; nil: the team
	// has a record but no token in force (uninstalled, or a token that
	// does not open); noRecord: the team has no record at all.
	opened *cache[string, *workspace]
	// bots are the bot users of the installations opened, by team, kept
	// as long as the DM channels opened with them (Adapter.dms): a
	// reinstall with another bot user makes those channels stale.
	bots *cache[string, string]

	mu sync.Mutex
	// singleTeam is the single token's workspace, from auth.test; "" while
	// unknown (see fallback).
	singleTeam string
	// dropped are the workspaces the single token no longer serves, after
	// their uninstall, until restart.
	dropped map[string]bool
}

func newWorkspaces(o Options, dial func(token string) webAPI) *workspaces {
	w := &workspaces{installs: o.Installs, sealer: o.Sealer, dial: dial, dropped: map[string]bool{},
		opened: newCache[string, *workspace](installTTL, maxInstalls),
		bots:   newCache[string, string](botsTTL, maxInstalls)}
	if o.BotToken != "" {
		w.single = &workspace{api: dial(o.BotToken)}
	}
	return w
}

// noRecord is opened's entry for a team with no install record at all:
// the only kind the single token may act for while its workspace is
// unknown (fallback). It is never used to call Slack.
var noRecord = &workspace{}

// singleFor returns the single token's workspace if team is known to be
// its workspace.
func (w *workspaces) singleFor(team string) *workspace {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.single == nil || w.dropped[team] || w.singleTeam == "" || w.singleTeam != team {
		return nil
	}
	return w.single
}

// fallback is what acts for team, which has no install record and is
// not known to be the single token's workspace: the single token while
// its workspace is unknown, without an install store; errHomeUnknown
// while it is unknown, with one; errNotInstalled otherwise.
func (w *workspaces) fallback(team string) (*workspace, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	switch {
	case w.single == nil || w.dropped[team] || w.singleTeam != "":
		return nil, errNotInstalled(team)
	case w.installs != nil:
		return nil, errHomeUnknown(team)
	}
	return w.single, nil
}

// homeKnown reports whether the single token's workspace is known, or
// there is no single token (any more) to learn it of.
func (w *workspaces) homeKnown() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.single == nil || w.singleTeam != ""
}

// singleAPI returns the single token's client; nil without one.
func (w *workspaces) singleAPI() webAPI {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.single == nil {
		return nil
	}
	return w.single.api
}

// dropSingle forgets the single token, which Slack refuses: the
// installed workspaces are served, and no other.
func (w *workspaces) dropSingle() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.single = nil
}

// watchSingle makes the single token's client tell refused when Slack
// refuses the token, and denied, with the token's workspace ("" while
// unknown), when it refuses a permission (tokenAPI). A new workspace
// replaces the old, so that a caller holding the old one reads no field
// being written.
func (w *workspaces) watchSingle(refused func(code string), denied func(team, method, code string)) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.single == nil {
		return
	}
	s := *w.single
	s.api = watchToken(s.api, refused, func(method, code string) {
		w.mu.Lock()
		team := w.singleTeam // learnt since, maybe
		w.mu.Unlock()
		denied(team, method, code)
	})
	w.single = &s
}

// setSingle records the single token's workspace, from auth.test. A
// token dropped meanwhile (Slack refused it) stays dropped.
func (w *workspaces) setSingle(team, botUser string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.single == nil {
		return
	}
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

// errHomeUnknown is a call for a workspace with no install record while
// the single token's workspace is unknown (fallback): it may be that
// workspace, or not. EUNAVAILABLE, as when Slack cannot be reached (which
// is why auth.test did not answer): the scheduler keeps the workspace's
// work for later, and a member is told to try again.
func errHomeUnknown(team string) error {
	return bot.Wrap(bot.EUNAVAILABLE, errors.New("auth.test has not told SLACK_BOT_TOKEN's workspace yet"), "slack: nothing sent for workspace %s", team)
}

// notInstalled reports whether err is errNotInstalled.
func notInstalled(err error) bool {
	var e *bot.Error
	return errors.As(err, &e) && e.Key == "install.not_installed"
}

// lookup returns the workspace of team: the single token's, an
// installation's, or errNotInstalled; errHomeUnknown while the single
// token's workspace is unknown (fallback). Other errors are the store's
// (EUNAVAILABLE): the workspace may well be installed.
//
// A team with an install record, in force or not, is served by its
// installation or not at all: never by the single token, unless auth.test
// said it is the single token's own workspace.
func (a *Adapter) lookup(ctx context.Context, team string) (*workspace, error) {
	w := a.ws
	if s := w.singleFor(team); s != nil {
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
		switch ws {
		case nil: // uninstalled, or its token does not open
			return nil, errNotInstalled(team)
		case noRecord:
		default:
			return ws, nil
		}
	}
	return w.fallback(team)
}

// openInstall reads team's installation and opens its token, and keeps
// the outcome for a while. noRecord, nil: no record at all; nil, nil: a
// record without a token in force.
func (a *Adapter) openInstall(ctx context.Context, team string) (*workspace, error) {
	w := a.ws
	t := bot.Tenant{Platform: Platform, Workspace: team}
	in, err := w.installs.Installation(ctx, t)
	switch {
	case bot.ErrorCode(err) == bot.ENOTFOUND:
		w.opened.putFor(team, noRecord, notInstallTTL)
		return noRecord, nil
	case err == nil && !in.Installed():
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
	ws := &workspace{team: team, botUser: in.BotUser, installedAt: in.InstalledAt, tokenSum: sha256.Sum256(token)}
	ws.api = watchToken(w.dial(string(token)), func(code string) { a.installRefused(ws, code) },
		func(method, code string) { a.permissionDenied(team, method, code) })
	a.botUserSeen(team, in.BotUser)
	w.opened.put(team, ws)
	return ws, nil
}

// botUserSeen records team's bot user. One that changed (a reinstall by
// another app, or after the bot user was deleted) makes the DM channels
// opened with the old one useless, and the new token may not post there:
// they are forgotten, to be opened again with the new token.
func (a *Adapter) botUserSeen(team, botUser string) {
	old, ok := a.ws.bots.get(team)
	a.ws.bots.put(team, botUser)
	if !ok || old == botUser {
		return
	}
	n := a.dms.delKeys(func(m bot.MemberID) bool { return m.Workspace == team })
	a.log.Info("slack: the workspace's bot user changed; its DM channels are opened again", "team", team, "bot_user", botUser, "forgotten", n)
}

// permissionDenied logs Slack's refusal of a permission the workspace's
// grant lacks (permissionErrors): every such call fails until a
// workspace admin reinstalls the app, which grants the scopes it asks
// for now (BotScopes). The member is told so (install.missing_permission).
func (a *Adapter) permissionDenied(team, method, code string) {
	a.log.Warn("slack: Slack refuses a permission the app's grant lacks; reinstalling the app grants it", "team", team, "method", method, "code", code)
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

// Serves implements bot.Serving: the single token's workspace and the
// workspaces with an installation, but none that uninstalled the app.
// While the single token's workspace is unknown, the workspaces without
// an install record (any, without an install store) are served too: their
// work fails with EUNAVAILABLE, and is retried, until auth.test answers
// (see fallback). When the store cannot tell, the workspace is served:
// its work then fails and is retried as usual.
func (a *Adapter) Serves(ctx context.Context, t bot.Tenant) bool {
	if t.Platform != Platform {
		return false
	}
	_, err := a.lookup(ctx, t.Workspace)
	return !notInstalled(err)
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

// dialer returns how the adapter makes a Web API client for a token.
func dialer(o Options) func(token string) webAPI {
	return func(token string) webAPI {
		return slack.New(token, slack.OptionAPIURL(o.APIURL), slack.OptionHTTPClient(o.HTTPClient))
	}
}
