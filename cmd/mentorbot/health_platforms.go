package main

import (
	"errors"
	"fmt"

	"github.com/mentorbot/mentorbot/adapters/discord"
	slackadapter "github.com/mentorbot/mentorbot/adapters/slack"
)

// The readiness of the platforms (/readyz, health.go). A platform this
// process has never reached makes it not ready, as a connection that is
// down does: whatever it acknowledged would wait for a platform that
// another replica, one that reached it, serves now; and a replica
// started with no way out (DNS, a firewall, a proxy) stays out of a
// rolling upgrade's rotation while the older ones serve. Once reached,
// a platform's API failing does not change readiness: that failure is
// every replica's, and the retries and kept deliveries handle it.

var (
	errSlackNotReached    = &probeState{"not reached yet (auth.test failing)", errors.New("auth.test has not answered: SLACK_BOT_TOKEN's workspace is unknown, and nothing is sent for it")}
	errDiscordRegistering = &probeState{"commands not registered yet", errors.New("/mentor is being registered in the background: Discord has not been reached")}
)

// slackReady is the slack check: Socket Mode's connection, when used,
// then auth.test having answered for SLACK_BOT_TOKEN, when set.
func slackReady(a *slackadapter.Adapter) error {
	if err := a.Ready(); err != nil {
		if why := a.SocketTrouble(); why != "" {
			return fmt.Errorf("%w: %s", err, why) // the log says why, not /readyz
		}
		return err
	}
	if !a.TokenChecked() {
		return errSlackNotReached
	}
	return nil
}

// discordReady is the discord check: /mentor registered (Open found
// Discord unavailable, and registers it in the background: over the
// gateway, which connects only after, this is why it is down), then the
// gateway connected, when interactions come over it.
func discordReady(a *discord.Adapter) error {
	if a.Registering() {
		return errDiscordRegistering
	}
	return a.Ready()
}
