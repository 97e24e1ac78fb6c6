package slack

import (
	"context"
	"errors"

	"github.com/mentorbot/mentorbot/bot"
)

// Install saves a workspace's installation with its bot token.
//
// TEMPORARY stand-in, with the signature of the real one (branch h2oauth,
// which seals the token before saving it in Options.Installs): the lead
// deletes this file at merge. It saves the token as is.
func (a *Adapter) Install(ctx context.Context, in bot.Installation, token string) error {
	if a.opt.Installs == nil {
		return errors.New("slack: no install store (Options.Installs)")
	}
	in.Token = []byte(token)
	return a.opt.Installs.SaveInstallation(ctx, in)
}
