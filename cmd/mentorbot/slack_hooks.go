package main

import (
	"sync"

	slackadapter "github.com/mentorbot/mentorbot/adapters/slack"
)

// Main's fields are declared in main.go; these maps attach the Slack
// adapter's test hooks to a Main without adding fields to it.
var slackTuning, slackAdapters sync.Map // *Main -> func(*slackadapter.Options), *slackadapter.Adapter

// TuneSlack registers f to adjust the Slack adapter's options when Open
// creates it. End-to-end tests shorten retries and timeouts with it; the
// binary never calls it.
func (m *Main) TuneSlack(f func(*slackadapter.Options)) { slackTuning.Store(m, f) }

// SlackAdapter returns the Slack adapter Open started, or nil.
func (m *Main) SlackAdapter() *slackadapter.Adapter {
	a, _ := slackAdapters.Load(m)
	p, _ := a.(*slackadapter.Adapter)
	return p
}
