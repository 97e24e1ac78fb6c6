package main

import (
	"context"
	"errors"
	"net/http"

	slackadapter "github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/metrics"
)

// openSlack starts the Slack adapter when SLACK_BOT_TOKEN or
// SLACK_CLIENT_ID is set. Over HTTP (SLACK_SIGNING_SECRET) it serves POST
// /slack/commands, /slack/interactions and /slack/events on the shared
// server; with SLACK_APP_TOKEN it also connects Socket Mode, which needs
// no public URL. With SLACK_CLIENT_ID it serves the install by OAuth, GET
// /slack/install and /slack/oauth_redirect.
// Close waits for the work the adapter acknowledged but has not finished.
func (m *Main) openSlack(ctx context.Context) error {
	c := m.Config.Slack
	if c.BotToken == "" && c.ClientID == "" {
		return nil
	}
	opt := slackadapter.Options{
		BotToken: c.BotToken, SigningSecret: c.SigningSecret, AppToken: c.AppToken, APIURL: c.APIURL,
		ClientID: c.ClientID, ClientSecret: c.ClientSecret, RedirectURL: c.RedirectURL,
		DirectoryRefresh: c.DirectoryRefresh, Log: m.Log.With("adapter", "slack"),
		WrapTransport: func(rt http.RoundTripper) http.RoundTripper { return m.metrics.Transport(metrics.Slack, rt) },
		OnSocketAck:   m.metrics.ObserveAck,
		KeptLease:     m.Bot.Config().JobLease,
	}
	// The workspaces installed by OAuth, with their tokens sealed by
	// MENTORBOT_TOKEN_KEY: needed to install, and to keep serving those
	// installed before when only SLACK_BOT_TOKEN is left.
	switch {
	case m.Config.TokenKeys != nil:
		opt.Installs, opt.Sealer = m.Store, m.Config.TokenKeys
	case c.ClientID != "":
		return errors.New("MENTORBOT_TOKEN_KEY is required with SLACK_CLIENT_ID: it seals the tokens of the workspaces that install the app (generate one with: openssl rand -base64 32)")
	}
	opt.Clock = m.Clock
	if m.SlackOptions != nil {
		m.SlackOptions(&opt)
	}
	a, err := slackadapter.New(m.Bot, opt)
	if err != nil {
		return err
	}
	// The bot must know the platform before the first command can arrive.
	m.Bot.Register(slackadapter.Platform, a)
	a.Register(ackTimed{m.mux, m.metrics})
	if err := a.Start(ctx); err != nil {
		a.Close()
		return err
	}
	m.slack = a
	m.addProbe("slack", func(context.Context) error { return slackReady(a) })
	m.adapters = append(m.adapters, closer{"slack", a.Shutdown})
	return nil
}
