package slack

// TokenChecked reports whether auth.test has answered for
// SLACK_BOT_TOKEN, so that its workspace is known: false from a Start
// that could not reach Slack until learnHome's auth.test answers. It is
// true without such a token (the workspaces installed by OAuth only:
// there is nothing to learn), and once Slack refused the token and it
// was dropped (serving the installed workspaces alone). While it is
// false, this process has never reached Slack's Web API: the work it
// acknowledges waits (and, beside an install store, SLACK_BOT_TOKEN's
// workspace is not served), where a process that reached Slack serves
// it.
func (a *Adapter) TokenChecked() bool { return a.ws.homeKnown() }
