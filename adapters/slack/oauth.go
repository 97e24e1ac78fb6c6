package slack

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/slack-go/slack"
)

// The install by OAuth ("Add to Slack"), for a deployment that serves many
// workspaces:
//
//  1. GET /slack/install sends the browser to Slack's consent page with the
//     app's client ID, the bot scopes (BotScopes) and a signed state that
//     expires (oauth_state.go).
//  2. Slack sends it back to GET /slack/oauth_redirect with a code and the
//     state. The state must be ours, unexpired, from the browser that
//     started (the cookie step 1 set holds it) and unused: its single use
//     is recorded like an inbound delivery (firstDelivery), so across
//     replicas when the Handler keeps deliveries in Redis.
//  3. The code is exchanged with oauth.v2.access for the workspace's bot
//     token, which Install keeps; whoever installed becomes a manager of
//     the workspace, and the page says how to start. The state's cookie
//     then holds a signed receipt of the install (installDone): the page
//     reloaded, or its address opened again in that browser, shows the
//     success again while the workspace has the app, where the spent
//     state and code would say nothing was installed.
//
// An org-wide Enterprise Grid install is refused (its token revoked):
// mentorbot's data and settings are per workspace, so it is installed on
// each workspace of the organisation. A workspace inside a Grid is fine.
//
// Every page is in English or French, from the browser's Accept-Language.
// Logs carry team and enterprise IDs, never the code, the state or the
// token.

// DefaultAuthorizeURL is Slack's consent page, when
// Options.AuthorizeURL is empty and the Web API is slack.com's.
const DefaultAuthorizeURL = "https://slack.com/oauth/v2/authorize"

// authorizeURL is the consent page of the Slack whose Web API base is
// apiURL: on the API's own host when that is one of Slack's domains
// (slack-gov.com for GovSlack, slack.com), as the installer's browser
// must reach it; DefaultAuthorizeURL for any other host (an egress proxy,
// a fake), which only the bot reaches.
func authorizeURL(apiURL string) string {
	u, err := url.Parse(apiURL)
	if err != nil {
		return DefaultAuthorizeURL
	}
	host := strings.ToLower(u.Hostname())
	for _, domain := range []string{"slack-gov.com", "slack.com"} {
		if host == domain || strings.HasSuffix(host, "."+domain) {
			return "https://" + domain + "/oauth/v2/authorize"
		}
	}
	return DefaultAuthorizeURL
}

// oauthTimeout bounds the calls to Slack and the store of one redirect.
const oauthTimeout = 15 * time.Second

// stateWorkspace is the workspace under which the single use of states is
// recorded: a state belongs to no workspace yet, and Slack's team IDs are
// upper case, so it names none.
const stateWorkspace = "oauth"

// installPath is where a refused install starts again; redirectPath
// where Slack sends the installer back.
const (
	installPath  = "/slack/install"
	redirectPath = "/slack/oauth_redirect"
)

// managerMaker is what the adapter uses, when its Handler offers it, to
// make the installer a manager: *bot.Bot does.
type managerMaker interface {
	MakeManager(ctx context.Context, id bot.MemberID) error
}

// registerOAuth adds the install flow's endpoints when a client ID is set.
func (a *Adapter) registerOAuth(mux Mux) {
	if a.opt.ClientID == "" {
		return
	}
	mux.Handle("GET "+installPath, http.HandlerFunc(a.serveInstall))
	mux.Handle("GET "+redirectPath, http.HandlerFunc(a.serveOAuthRedirect))
}

// serveInstall redirects to Slack's consent page with a fresh state.
func (a *Adapter) serveInstall(w http.ResponseWriter, r *http.Request) {
	state, err := a.newState()
	if err != nil {
		a.log.Error("slack: install: no randomness for the state", "err", err)
		a.refuse(w, r, http.StatusInternalServerError, "oauth.failed")
		return
	}
	// The state is also left in the browser, so that the redirect is
	// taken only from the browser that started the install: a link to
	// the redirect carrying someone else's code and state (a forged
	// request that would finish their install in the victim's browser)
	// is refused.
	http.SetCookie(w, a.stateCookie(state, int(stateLifetime/time.Second)))
	q := url.Values{"client_id": {a.opt.ClientID}, "scope": {botScopeList()}, "state": {state}}
	if a.opt.RedirectURL != "" {
		q.Set("redirect_uri", a.opt.RedirectURL)
	}
	w.Header().Set("Cache-Control", "no-store")
	http.Redirect(w, r, a.opt.AuthorizeURL+"?"+q.Encode(), http.StatusFound)
}

// serveOAuthRedirect finishes an install: see the steps above. Whatever
// it refuses, it refuses before anything is installed. The state, and
// the browser's cookie of it, are checked before anything else the
// request says, Slack's error included.
func (a *Adapter) serveOAuthRedirect(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	state, slackErr := q.Get("state"), q.Get("error")
	key, err := a.checkState(state)
	if slackErr == "" && (err == nil || errors.Is(err, errStateExpired)) && a.installedAgain(w, r, state, key) {
		return
	}
	switch {
	case errors.Is(err, errStateExpired):
		a.log.Info("slack: install refused", "reason", err.Error())
		a.refuse(w, r, http.StatusBadRequest, "oauth.expired", "minutes", strconv.Itoa(int(stateLifetime/time.Minute)))
		return
	case err != nil || slackErr == "" && q.Get("code") == "":
		a.log.Info("slack: install refused", "reason", "state forged or malformed, or no code")
		a.refuse(w, r, http.StatusBadRequest, "oauth.forged")
		return
	}
	if c, err := r.Cookie(stateCookieName(state)); err != nil || !hmac.Equal([]byte(c.Value), []byte(state)) {
		// Checked before the state's single use is recorded: the
		// browser that started the install may still finish it.
		a.log.Info("slack: install refused", "reason", "state not from this browser")
		a.refuse(w, r, http.StatusBadRequest, "oauth.other_browser")
		return
	}
	if slackErr != "" {
		a.slackRefusedInstall(w, r, slackErr)
		return
	}
	http.SetCookie(w, a.stateCookie(state, -1)) // used, or refused below: either way spent
	ctx, cancel := context.WithTimeout(r.Context(), oauthTimeout)
	defer cancel()
	if !a.firstDelivery(ctx, stateWorkspace, key) {
		a.log.Info("slack: install refused", "reason", "state used before")
		a.refuse(w, r, http.StatusBadRequest, "oauth.used")
		return
	}
	res, err := slack.GetOAuthV2ResponseContext(ctx, a.opt.HTTPClient, a.opt.ClientID, a.opt.ClientSecret,
		q.Get("code"), a.opt.RedirectURL, slack.OAuthOptionAPIURL(a.opt.APIURL))
	if err != nil {
		e := slackError(err)
		if e == "" {
			e = "unreachable"
		}
		a.log.Warn("slack: oauth.v2.access failed", "error", e, "err", err)
		a.refuse(w, r, http.StatusBadGateway, "oauth.slack_error", "error", e)
		return
	}
	a.finishInstall(ctx, w, r, res, state, key)
}

// redirectErrors are the errors Slack may send back to the redirect
// instead of a code: the installer's Cancel (access_denied), those of
// OAuth 2.0 (RFC 6749, 4.1.2.1), and Slack's own for an app not yet
// distributed. Only these are shown on the page or written to the log:
// anyone can put any text in the parameter, and send the link around.
var redirectErrors = map[string]bool{
	"access_denied": true, "invalid_request": true, "unauthorized_client": true,
	"unsupported_response_type": true, "invalid_scope": true, "server_error": true,
	"temporarily_unavailable": true, "invalid_team_for_non_distributed_app": true,
}

// slackRefusedInstall shows why Slack sent the installer back without a
// code: the installer cancelled (access_denied), or Slack refused. An
// error not in redirectErrors is logged as "other" and said without its
// text, never as sent.
func (a *Adapter) slackRefusedInstall(w http.ResponseWriter, r *http.Request, e string) {
	if !redirectErrors[e] {
		a.log.Info("slack: install not completed by Slack", "error", "other")
		a.refuse(w, r, http.StatusBadGateway, "oauth.slack_error_unknown")
		return
	}
	if e == "access_denied" {
		a.log.Info("slack: install cancelled", "error", e)
		a.refuse(w, r, http.StatusOK, "oauth.denied")
		return
	}
	a.log.Info("slack: install not completed by Slack", "error", e)
	a.refuse(w, r, http.StatusBadGateway, "oauth.slack_error", "error", e)
}

// installedAgain shows the success page again, and reports true, when the
// browser holds the receipt of the install made with state (its key) and
// the workspace still has the app. Slack's code is not sent again: it
// works once.
func (a *Adapter) installedAgain(w http.ResponseWriter, r *http.Request, state, key string) bool {
	c, err := r.Cookie(stateCookieName(state))
	if err != nil {
		return false
	}
	d, ok := a.openReceipt(c.Value, key)
	if !ok {
		return false
	}
	ctx, cancel := context.WithTimeout(r.Context(), oauthTimeout)
	defer cancel()
	in, err := a.ws.installs.Installation(ctx, bot.Tenant{Platform: Platform, Workspace: d.Team})
	if err != nil || !in.Installed() {
		a.log.Info("slack: install page not shown again: the workspace has not the app now", "team", d.Team, "code", string(bot.ErrorCode(err)))
		return false
	}
	a.log.Info("slack: install page shown again", "team", d.Team)
	a.installed(w, r, d)
	return true
}

// stateCookieName names the cookie that binds an install's state to the
// browser that started it: one per state, so that two installs started
// in two tabs of one browser each find their own.
func stateCookieName(state string) string {
	sum := sha256.Sum256([]byte(state))
	return "mentorbot_oauth_" + hex.EncodeToString(sum[:8])
}

// stateCookie returns the cookie that holds state for maxAge seconds
// (negative: deletes it). It goes back only to the redirect's path (that
// of Options.RedirectURL, behind a proxy that adds a prefix; "/" for a
// redirect URL with none, where the browser then lands), only on
// top-level navigations from another site (SameSite=Lax: Slack's
// redirect is one), never to scripts, and over HTTPS only (Secure)
// unless the redirect URL is plain HTTP. Options.defaults took only an
// absolute http or https RedirectURL.
func (a *Adapter) stateCookie(state string, maxAge int) *http.Cookie {
	path, secure := redirectPath, true
	if u, err := url.Parse(a.opt.RedirectURL); err == nil && a.opt.RedirectURL != "" {
		path = u.EscapedPath()
		if !strings.HasPrefix(path, "/") {
			path = "/"
		}
		secure = u.Scheme != "http"
	}
	return &http.Cookie{
		Name: stateCookieName(state), Value: state, Path: path, MaxAge: maxAge,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: secure,
	}
}

// finishInstall keeps the install Slack granted, or refuses an org-wide
// one. state and key are the install's, for its receipt.
func (a *Adapter) finishInstall(ctx context.Context, w http.ResponseWriter, r *http.Request, res *slack.OAuthV2Response, state, key string) {
	team, enterprise := res.Team.ID, res.Enterprise.ID
	if res.IsEnterpriseInstall {
		a.log.Info("slack: org-wide install refused", "enterprise", enterprise)
		a.revoke(ctx, res.AccessToken, enterprise)
		a.refuse(w, r, http.StatusBadRequest, "oauth.org_wide")
		return
	}
	if !slackID.MatchString(team) || res.AccessToken == "" || res.TokenType != "bot" {
		a.log.Warn("slack: oauth.v2.access gave no bot token for a workspace", "team", team, "enterprise", enterprise)
		a.refuse(w, r, http.StatusBadGateway, "oauth.slack_error", "error", "no_bot_token")
		return
	}
	in := bot.Installation{
		Tenant: bot.Tenant{Platform: Platform, Workspace: team}, Enterprise: enterprise, BotUser: res.BotUserID,
		Scopes: res.Scope, InstalledBy: res.AuthedUser.ID, InstalledAt: a.opt.Clock.Now(),
	}
	// Only whoever installs the app where it is not installed becomes a
	// manager: Slack lets members install an app already approved, and a
	// manager removed must not come back by installing it again.
	first := a.notInstalled(ctx, in.Tenant)
	if err := a.Install(ctx, in, res.AccessToken); err != nil {
		a.log.Error("slack: install not saved", "team", team, "enterprise", enterprise, "err", err)
		// Given back, so that Slack does not keep granted a token this
		// deployment dropped: the page says nothing was installed.
		a.revoke(ctx, res.AccessToken, enterprise)
		a.refuse(w, r, http.StatusInternalServerError, "oauth.failed")
		return
	}
	a.log.Info("slack: installed", "team", team, "enterprise", enterprise, "bot_user", res.BotUserID, "by", res.AuthedUser.ID)
	// The members' profiles, in the background (directory.go); the
	// installer's own is looked up by the core for their welcome.
	a.readAfterInstall(team)
	manager := false
	if m, ok := a.h.(managerMaker); ok && res.AuthedUser.ID != "" && first {
		if err := m.MakeManager(ctx, member(team, res.AuthedUser.ID)); err != nil {
			a.log.Warn("slack: installer not made a manager", "team", team, "user", res.AuthedUser.ID, "err", err)
		} else {
			manager = true
		}
	}
	d := installDone{Key: key, Team: team, Name: clip(res.Team.Name, 100), App: res.AppID, Manager: manager}
	// The receipt replaces, under the same name, the state's cookie that
	// serveOAuthRedirect deleted: one Set-Cookie of that name.
	c := a.stateCookie(state, int(receiptLifetime/time.Second))
	c.Value = a.sealReceipt(d)
	w.Header().Del("Set-Cookie")
	http.SetCookie(w, c)
	a.installed(w, r, d)
}

// revoke gives back the token of an install refused, so that Slack does
// not keep it granted: best effort, an error is only logged.
func (a *Adapter) revoke(ctx context.Context, token, enterprise string) {
	if token == "" {
		return
	}
	c := slack.New(token, slack.OptionAPIURL(a.opt.APIURL), slack.OptionHTTPClient(a.opt.HTTPClient))
	if _, err := c.SendAuthRevokeContext(ctx, ""); err != nil {
		a.log.Warn("slack: token of a refused install not revoked", "enterprise", enterprise, "err", err)
	}
}

// slackID is the shape of Slack's team, user and app IDs: what may go
// into the App Home's link unescaped.
var slackID = regexp.MustCompile(`^[A-Z0-9]{2,32}$`)
