package slackfake

import "time"

// Many workspaces: one fake Slack answers for several, each known by its
// bot token, as an app installed by OAuth in several workspaces is. The
// workspace of SetTeam (Team by default) answers to any other xoxb-
// token, "xoxb-test" among them.

// Workspace is a workspace the fake answers for, with its bot token.
type Workspace struct {
	Team    string // team ID
	Token   string // its bot token, xoxb-…
	BotUser string // the bot's user ID there
}

// AddWorkspace makes the fake answer for team to the calls made with
// token: auth.test tells that team and bot user, users carry its team_id,
// and its conversations have IDs of their own (the default workspace's
// users keep theirs: "D"+user). Every user added with AddUser is a member
// of every workspace.
func (s *Server) AddWorkspace(team, token, botUser string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.workspaces[token] = Workspace{Team: team, Token: token, BotUser: botUser}
}

// workspaceOf is the workspace a call made with token acts in.
func (s *Server) workspaceOf(token string) Workspace {
	s.mu.Lock()
	defer s.mu.Unlock()
	if w, ok := s.workspaces[token]; ok {
		return w
	}
	return Workspace{Team: s.team, Token: token, BotUser: BotUser}
}

// teamOf is the team a call made with token acts in.
func (s *Server) teamOf(token string) string { return s.workspaceOf(token).Team }

// channelPrefix is what the conversation IDs of team carry after their
// first letter: nothing in the default workspace, the team ID elsewhere,
// so that the same users have other conversations in another workspace.
func (s *Server) channelPrefix(team string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if team == s.team {
		return ""
	}
	return team
}

// DM is the ID of the DM the fake opens with user in team.
func (s *Server) DM(team, user string) string { return "D" + s.channelPrefix(team) + user }

// Uninstalled is the app_uninstalled event of team.
func Uninstalled(team, eventID string) []byte {
	return UninstalledAt(team, eventID, time.Now())
}

// UninstalledAt is Uninstalled with its event_time: at, to the second.
func UninstalledAt(team, eventID string, at time.Time) []byte {
	return mustJSON(map[string]any{
		"token": "x", "team_id": team, "api_app_id": "AFAKE", "type": "event_callback", "event_id": eventID,
		"event_time": at.Unix(), "event": map[string]any{"type": "app_uninstalled"},
	})
}

// TokensRevoked is the tokens_revoked event of team, for the bot tokens
// of botUsers and the user tokens of users.
func TokensRevoked(team, eventID string, botUsers, users []string) []byte {
	tokens := map[string]any{}
	if botUsers != nil {
		tokens["bot"] = botUsers
	}
	if users != nil {
		tokens["oauth"] = users
	}
	return mustJSON(map[string]any{
		"token": "x", "team_id": team, "api_app_id": "AFAKE", "type": "event_callback", "event_id": eventID,
		"event_time": time.Now().Unix(), "event": map[string]any{"type": "tokens_revoked", "tokens": tokens},
	})
}
