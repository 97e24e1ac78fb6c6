package bot

import (
	"strings"
	"time"

	"github.com/mentorbot/mentorbot/matching"
)

// Config is the program's configuration: the core's settings, and when
// the scheduler in cmd calls the core's scheduled methods. DefaultConfig
// holds every default; cmd maps environment variables onto it and prints
// the defaults in --help from it, and New fills a zero field from it.
type Config struct {
	// DefaultLang is the language of members who have not chosen one and
	// whose platform gives no hint (MENTORBOT_DEFAULT_LANG).
	DefaultLang Lang
	// MeetURL is the default base URL of video-call rooms; a room is the
	// workspace's meet-url setting followed by an unguessable name
	// (MENTORBOT_MEET_URL). Defaults.MeetURL is filled from it.
	MeetURL string
	// CharterURL is where the program's charter can be read, for the
	// meeting invites of workspaces without a charter-url setting
	// (MENTORBOT_CHARTER_URL); "" leaves it out. Defaults.CharterURL is
	// filled from it.
	CharterURL string
	// Match tunes the matcher; the workspace's MaxTZHours setting
	// overrides Match.MaxTZHours (MENTORBOT_MAX_TZ_HOURS sets both).
	Match matching.Options
	// Defaults are the program settings of workspaces that have not
	// changed them (MENTORBOT_PROPOSAL_TIMEOUT, ...). Zero: DefaultSettings,
	// in DefaultLang and with Match.MaxTZHours.
	Defaults Settings
	// Managers are the program's managers from MENTORBOT_MANAGERS: each
	// either "workspace:user" or "platform:workspace:user" (one
	// workspace) or a plain user ID (a manager in every workspace where
	// that ID exists: on Discord, every guild; UnqualifiedManagers). Managers added
	// with /mentor admin managers and workspace admins (Command.IsAdmin)
	// are managers too.
	Managers []string
	// Chart draws the weekly digest's chart as a PNG; cmd wires
	// chart.Draw, so that the core imports no drawing library. Nil: the
	// digest goes without its chart.
	Chart func(Chart) ([]byte, error)
	// JobLease is how long a claimed job, and a delivery under way, is
	// reserved for the replica running it (MENTORBOT_JOB_LEASE).
	JobLease time.Duration
	// JobRetry is how long a job that failed for a reason that may pass
	// (a platform or Redis outage) waits before its next try
	// (MENTORBOT_JOB_RETRY).
	JobRetry time.Duration
	// Observer is told what happens, for metrics (observer.go). Nil:
	// nobody is.
	Observer Observer
	// RateLimit bounds each member's commands and clicks; zero: none.
	// DefaultConfig has DefaultRateLimit, for chat platforms; the shell
	// has none.
	RateLimit RateLimit
	// Retention is how long closed pairs, their surveys and cancelled
	// requests are kept (MENTORBOT_RETENTION; Prune).
	Retention time.Duration
	// CampaignRate is how many campaign DMs (the needs survey by DM) go
	// out a minute, in batches every 10 seconds (MENTORBOT_CAMPAIGN_RATE).
	CampaignRate int

	// Tick is how often cmd's scheduler runs the due follow-up jobs
	// (MENTORBOT_TICK; Tick). A negative Tick leaves the scheduler off:
	// tests that drive the clock themselves use it.
	Tick time.Duration
	// MatchSchedule is the cron spec of the matching sweep
	// (MENTORBOT_MATCH_SCHEDULE; Sweep).
	MatchSchedule string
	// DigestSchedule is the default cron spec of the weekly digest, for
	// workspaces without a digest-schedule setting, read in each
	// workspace's time zone (MENTORBOT_DIGEST_SCHEDULE; PostDueDigests).
	// Defaults.DigestSchedule is filled from it.
	DigestSchedule string
	// CheckSchedule reports whether the cron parser reads a spec, for the
	// digest-schedule setting; cmd wires package schedule's, so that the
	// core imports no cron. Nil: only the spec's shape is checked.
	CheckSchedule func(spec string) error
	// NextDigest returns when the cron spec, read in the time zone tz (a
	// workspace's tz setting, as Due reads it), next falls due after t,
	// or the zero time if it never does: /mentor admin digest-channel
	// says when the next digest is due. cmd wires package schedule's, so
	// that the core imports no cron. Nil: the reply names the schedule.
	NextDigest func(spec, tz string, t time.Time) (time.Time, error)
}

// DefaultConfig returns the program's defaults: the one place where they
// are written.
func DefaultConfig() Config {
	c := Config{
		DefaultLang: English, MeetURL: "https://meet.jit.si/", Match: matching.DefaultOptions(),
		JobLease: JobLease, JobRetry: JobRetry, RateLimit: DefaultRateLimit, Retention: DefaultRetention,
		CampaignRate: CampaignDefaultRate,
		Tick:         10 * time.Second, MatchSchedule: "@hourly", DigestSchedule: "0 9 * * 1",
	}
	c.Defaults = DefaultSettings()
	c.Defaults.DefaultLang = c.DefaultLang
	c.Defaults.MaxTZHours = c.Match.MaxTZHours
	return c
}

// linkDefaults fills the workspace defaults that the deployment's
// variables give (MENTORBOT_DIGEST_SCHEDULE, _CHARTER_URL, _MEET_URL)
// from c, where Defaults has none of its own: New does, after cmd has
// read the variables into c.
func (c Config) linkDefaults() Config {
	if c.Defaults.DigestSchedule == "" {
		c.Defaults.DigestSchedule = c.DigestSchedule
	}
	if c.Defaults.CharterURL == "" {
		c.Defaults.CharterURL = c.CharterURL
	}
	if c.Defaults.MeetURL == "" {
		c.Defaults.MeetURL = c.MeetURL
	}
	return c
}

// withDefaults fills the zero fields of c from DefaultConfig, except
// RateLimit, whose zero means no limit, and the optional Chart, Observer
// and Managers.
func (c Config) withDefaults() Config {
	d := DefaultConfig()
	if c.DefaultLang == "" {
		c.DefaultLang = d.DefaultLang
	}
	if c.MeetURL == "" {
		c.MeetURL = d.MeetURL
	}
	if !strings.HasSuffix(c.MeetURL, "/") {
		c.MeetURL += "/"
	}
	if c.Match.Weights == (matching.Weights{}) {
		c.Match = d.Match
	}
	if c.Defaults.ProposalTimeout == 0 {
		c.Defaults = DefaultSettings()
		c.Defaults.DefaultLang = c.DefaultLang
		c.Defaults.MaxTZHours = c.Match.MaxTZHours
	}
	if c.JobLease <= 0 {
		c.JobLease = d.JobLease
	}
	if c.JobRetry <= 0 {
		c.JobRetry = d.JobRetry
	}
	if c.Retention <= 0 {
		c.Retention = d.Retention
	}
	if c.CampaignRate <= 0 {
		c.CampaignRate = d.CampaignRate
	}
	if c.Tick == 0 {
		c.Tick = d.Tick
	}
	if c.MatchSchedule == "" {
		c.MatchSchedule = d.MatchSchedule
	}
	if c.DigestSchedule == "" {
		c.DigestSchedule = d.DigestSchedule
	}
	return c.linkDefaults()
}

// Config returns the configuration the bot runs with, its defaults
// filled in.
func (b *Bot) Config() Config { return b.cfg }
