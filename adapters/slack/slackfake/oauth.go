package slackfake

import (
	"net/http"
	"sync"
)

// The app's credentials the fake's oauth.v2.access accepts, as in the
// app's "Basic Information".
const (
	ClientID     = "1111.2222"
	ClientSecret = "fake-client-secret"
	AppID        = "AFAKE"
)

// Grant is what Slack grants for one OAuth code: an install of the app.
type Grant struct {
	Team       string // team ID; none for an org-wide install
	TeamName   string
	Enterprise string // Enterprise Grid organisation ID, "" outside a Grid
	// EnterpriseInstall is an org-wide install on the whole Grid.
	EnterpriseInstall bool
	Token             string // the bot token (xoxb-…)
	BotUser           string // the bot's user ID
	Installer         string // authed_user.id
	Scopes            string // comma-separated; default the code's whole ask
	// RedirectURI, when set, is the redirect_uri the exchange must send,
	// as Slack checks it against the authorize request's.
	RedirectURI string
}

// oauthCodes are the codes tests registered, each usable once.
type oauthCodes struct {
	mu    sync.Mutex
	codes map[string]Grant
}

// AddOAuthCode makes code exchangeable once, by oauth.v2.access, for g.
func (s *Server) AddOAuthCode(code string, g Grant) {
	s.oauth.mu.Lock()
	defer s.oauth.mu.Unlock()
	if s.oauth.codes == nil {
		s.oauth.codes = map[string]Grant{}
	}
	s.oauth.codes[code] = g
}

// withBasicAuth moves the client's credentials, when it sends them with
// HTTP Basic authentication as Slack allows, into the query, where read
// finds them with the form's.
func withBasicAuth(r *http.Request) *http.Request {
	id, secret, ok := r.BasicAuth()
	if !ok {
		return r
	}
	q := r.URL.Query()
	q.Set("client_id", id)
	q.Set("client_secret", secret)
	r2 := r.Clone(r.Context())
	r2.URL.RawQuery = q.Encode()
	return r2
}

// oauthAccess answers oauth.v2.access as Slack does: the client checked
// first, then the code, which works once.
func (s *Server) oauthAccess(c Call) map[string]any {
	switch {
	case c.Get("client_id") != ClientID:
		return fail("invalid_client_id")
	case c.Get("client_secret") != ClientSecret:
		return fail("bad_client_secret")
	}
	s.oauth.mu.Lock()
	g, ok := s.oauth.codes[c.Get("code")]
	delete(s.oauth.codes, c.Get("code"))
	s.oauth.mu.Unlock()
	switch {
	case !ok:
		return fail("invalid_code")
	case g.RedirectURI != "" && c.Get("redirect_uri") != g.RedirectURI:
		return fail("bad_redirect_uri")
	}
	scopes := g.Scopes
	if scopes == "" {
		scopes = "commands,chat:write"
	}
	res := map[string]any{
		"ok": true, "app_id": AppID, "access_token": g.Token, "token_type": "bot", "scope": scopes,
		"bot_user_id": g.BotUser, "is_enterprise_install": g.EnterpriseInstall,
		"authed_user": map[string]any{"id": g.Installer},
		"team":        nil, "enterprise": nil,
	}
	if g.Team != "" {
		res["team"] = map[string]any{"id": g.Team, "name": g.TeamName}
		// The token issued acts in its workspace from now on, as Slack's.
		if g.Token != "" {
			s.AddWorkspace(g.Team, g.Token, g.BotUser)
		}
	}
	if g.Enterprise != "" {
		res["enterprise"] = map[string]any{"id": g.Enterprise, "name": "Grid " + g.Enterprise}
	}
	return res
}

// authRevoke answers auth.revoke; Calls("auth.revoke") tells which token.
func (s *Server) authRevoke(Call) map[string]any {
	return map[string]any{"ok": true, "revoked": true}
}
