package bot

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/mentorbot/mentorbot/matching"
)

// SettingsStore keeps the settings a workspace overrides
// (admin_settings.go, cache.go).
type SettingsStore interface {
	// Settings returns the workspace's overridden settings, by name.
	Settings(ctx context.Context, t Tenant) (map[string]string, error)

	// SetSetting overrides one setting.
	SetSetting(ctx context.Context, t Tenant, name, value string) error
}

// Settings are a workspace's program settings. Each has a default from the
// environment (Config.Defaults); managers may override them per workspace.
type Settings struct {
	ProposalTimeout time.Duration // a mentor's time to answer; reminded halfway
	CharterTimeout  time.Duration // both members' time to accept the charter
	CheckinAfter    time.Duration // first "have you been in touch?" after the introduction
	CheckinReminder time.Duration // asked again this long after "not yet"
	SurveyAfter     time.Duration // flash: survey this long after the introduction at the latest
	ProgramLength   time.Duration // one-to-one relationships: mid survey halfway, end survey at the end
	CheckinEvery    time.Duration // one-to-one: check-in period
	EscalateAfter   time.Duration // a request waiting longer is escalated to managers
	Kinds           []Kind        // kinds enabled
	MaxTZHours      int           // 0: no limit
	DefaultLang     Lang
	TZ              string // the workspace's time zone, for the digest
	DigestChannel   string // the managers' channel ID, "" if none
	// Unanswered is how many prompts in a row a member may leave
	// without a click before they are paused (pause_auto.go); 0: never.
	Unanswered int
	// The workspace's own digest schedule, links and intro channel
	// (settings_workspace.go): their defaults come from Config.
	DigestSchedule string // cron spec of the managers' digest, read in TZ
	CharterURL     string // the charter's page, linked from invites; "" none
	MeetURL        string // base URL of video rooms, ending in "/"
	// IntroChannel is where pairs are introduced, on platforms that can
	// (ChannelIntroducer): "" the platform's default, introOff one
	// direct message each, else a channel ID.
	IntroChannel string
}

// Settings returns a workspace's settings (cached briefly).
func (b *Bot) Settings(ctx context.Context, t Tenant) Settings { return b.settings(ctx, t) }

// settings returns the workspace's settings: the defaults with the
// managers' overrides. With the store down it returns the defaults.
func (b *Bot) settings(ctx context.Context, t Tenant) Settings {
	now := time.Now()
	if s, ok := b.settingsCache.get(t, now); ok {
		return s
	}
	s := b.cfg.Defaults
	s.Kinds = append([]Kind(nil), s.Kinds...)
	over, err := b.store.settings.Settings(ctx, t)
	if err != nil {
		b.log.Warn("settings unavailable, using defaults", "tenant", t.String(), "code", string(ErrorCode(err)))
		return s
	}
	if err := s.Apply(over); err != nil {
		b.log.Warn("settings", "tenant", t.String(), "err", err)
	}
	b.settingsCache.put(t, s, now)
	return s
}

// forgetSettings drops the cached settings of a workspace after a change.
func (b *Bot) forgetSettings(t Tenant) {
	b.settingsCache.forget(t)
}

// DefaultSettings are the built-in defaults.
func DefaultSettings() Settings {
	const day = 24 * time.Hour
	return Settings{
		ProposalTimeout: 48 * time.Hour, CharterTimeout: 72 * time.Hour,
		CheckinAfter: 3 * day, CheckinReminder: 4 * day, SurveyAfter: 7 * day,
		ProgramLength: 180 * day, CheckinEvery: 30 * day, EscalateAfter: 7 * day,
		Kinds: append([]Kind(nil), matching.Kinds...), DefaultLang: English, TZ: "UTC",
		Unanswered: DefaultUnanswered,
	}
}

// settingNames lists the settings in the order they are shown.
var settingNames = []string{
	"proposal-timeout", "charter-timeout", "checkin-after", "checkin-reminder", "survey-after",
	"program-length", "checkin-every", "escalate-after", "kinds", "max-tz-hours", "default-lang", "tz",
	"digest-channel", "unanswered", "digest-schedule", "charter-url", "meet-url", "intro-channel",
}

// SettingNames returns the names of the settings managers can change.
func SettingNames() []string { return append([]string(nil), settingNames...) }

func (s *Settings) durations() map[string]*time.Duration {
	return map[string]*time.Duration{
		"proposal-timeout": &s.ProposalTimeout, "charter-timeout": &s.CharterTimeout,
		"checkin-after": &s.CheckinAfter, "checkin-reminder": &s.CheckinReminder,
		"survey-after": &s.SurveyAfter, "program-length": &s.ProgramLength,
		"checkin-every": &s.CheckinEvery, "escalate-after": &s.EscalateAfter,
	}
}

// durationBounds are the shortest and longest values a manager may give a
// duration setting with /mentor admin settings (checkSetting): a proposal
// that expires within the second, or a check-in a year away, is a typo,
// not a program. Only new values are checked: the operator's environment
// (a load test's seconds) and values stored before the bounds still load.
var durationBounds = map[string][2]time.Duration{
	"proposal-timeout": {time.Hour, 30 * day}, "charter-timeout": {time.Hour, 30 * day},
	"checkin-after": {time.Hour, 90 * day}, "checkin-reminder": {time.Hour, 30 * day},
	"survey-after": {time.Hour, 180 * day}, "program-length": {day, 730 * day},
	"checkin-every": {day, 180 * day}, "escalate-after": {time.Hour, 90 * day},
}

const day = 24 * time.Hour

// DurationBounds returns the shortest and longest value a manager may give
// the duration setting named setting ("program-length"), and false for a
// setting that is no duration: the operator's environment is held to the
// same (cmd/mentorbot), so that it cannot set a default a manager could
// not.
func DurationBounds(setting string) (min, max time.Duration, ok bool) {
	r, ok := durationBounds[setting]
	return r[0], r[1], ok
}

// Set changes one setting from its text form. EINVALID if the name or the
// value is wrong.
func (s *Settings) Set(name, value string) error {
	value = strings.TrimSpace(value)
	bad := &Error{Code: EINVALID, Key: "err.bad_setting", Args: []string{"name", clip(name, 30), "value", clip(value, 40)}}
	if d, ok := s.durations()[name]; ok {
		v, err := parseSettingDuration(value)
		if err != nil || v <= 0 {
			return bad
		}
		*d = v
		return nil
	}
	if ok, err := s.setWorkspace(name, value, bad); ok {
		return err
	}
	switch name {
	case "kinds":
		var kinds []Kind
		for _, k := range splitList(value) {
			kind, ok := parseKind(k) // the words of offer's kinds:, English or French
			if !ok {
				return bad
			}
			kinds = append(kinds, kind)
		}
		if len(kinds) == 0 {
			return bad
		}
		s.Kinds = kinds
	case "max-tz-hours":
		n, err := strconv.Atoi(value)
		if err != nil || n < 0 || n > 12 {
			return bad
		}
		s.MaxTZHours = n
	case "default-lang":
		l, ok := ParseLang(value)
		if !ok {
			return bad
		}
		s.DefaultLang = l
	case "unanswered":
		n, err := strconv.Atoi(value)
		if err != nil || n < 0 || n > maxUnanswered {
			return bad
		}
		s.Unanswered = n
	case "digest-channel":
		if len(value) > 100 {
			return bad
		}
		s.DigestChannel = value
	case "tz":
		tz, ok := parseTZ(value) // "utc", "europe/paris" and "UTC+2" as for members
		if !ok {
			return bad
		}
		s.TZ = tz
	default:
		return &Error{Code: EINVALID, Key: "err.unknown_setting", Args: []string{"name", clip(name, 30), "names", strings.Join(settingNames, ", ")}}
	}
	return nil
}

// Get returns one setting in its text form.
func (s Settings) Get(name string) string {
	if d, ok := s.durations()[name]; ok {
		return FormatDuration(*d)
	}
	switch name {
	case "kinds":
		k := make([]string, len(s.Kinds))
		for i, kind := range s.Kinds {
			k[i] = string(kind)
		}
		return strings.Join(k, ",")
	case "max-tz-hours":
		return strconv.Itoa(s.MaxTZHours)
	case "default-lang":
		return string(s.DefaultLang)
	case "tz":
		return s.TZ
	case "digest-channel":
		return s.DigestChannel
	case "unanswered":
		return strconv.Itoa(s.Unanswered)
	}
	return s.getWorkspace(name)
}

// Apply overrides the settings with stored name → value pairs, skipping
// (and reporting) any that no longer parse. An empty value is a setting
// reset to its default.
func (s *Settings) Apply(overrides map[string]string) error {
	var bad []string
	names := make([]string, 0, len(overrides))
	for n := range overrides {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if overrides[n] == "" {
			continue // reset to the default (admin_settings.go)
		}
		if err := s.Set(n, overrides[n]); err != nil {
			bad = append(bad, n)
		}
	}
	if len(bad) > 0 {
		return fmt.Errorf("ignored invalid settings: %s", strings.Join(bad, ", "))
	}
	return nil
}

// KindEnabled reports whether kind k is enabled.
func (s Settings) KindEnabled(k Kind) bool {
	for _, x := range s.Kinds {
		if x == k {
			return true
		}
	}
	return false
}

// durationWords are the units a duration may be written in, as words
// ("3 jours", "2 days", "12 h"), beside ParseDuration's "3d" and "3j".
var durationWords = map[string]time.Duration{
	"d": 24 * time.Hour, "j": 24 * time.Hour, "day": 24 * time.Hour, "days": 24 * time.Hour, "jour": 24 * time.Hour, "jours": 24 * time.Hour,
	"h": time.Hour, "hour": time.Hour, "hours": time.Hour, "heure": time.Hour, "heures": time.Hour,
	"min": time.Minute, "minute": time.Minute, "minutes": time.Minute,
}

// parseSettingDuration reads a duration setting: what ParseDuration
// reads, or a number and a unit in words, so that what the settings
// screen shows ("3 jours") can be typed back.
func parseSettingDuration(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	i := strings.IndexFunc(s, func(r rune) bool { return (r < '0' || r > '9') && r != '.' && r != ',' })
	if i > 0 {
		if unit, ok := durationWords[strings.ToLower(strings.TrimSpace(s[i:]))]; ok {
			n, err := strconv.ParseFloat(strings.Replace(s[:i], ",", ".", 1), 64)
			if err == nil && n >= 0 {
				return time.Duration(n * float64(unit)), nil
			}
		}
	}
	return ParseDuration(s)
}

// FormatDuration writes d the way ParseDuration reads it, in days when whole.
func FormatDuration(d time.Duration) string {
	const day = 24 * time.Hour
	if d >= day && d%day == 0 {
		return strconv.Itoa(int(d/day)) + "d"
	}
	switch {
	case d%time.Hour == 0:
		return strconv.Itoa(int(d/time.Hour)) + "h"
	case d%time.Minute == 0:
		return strconv.Itoa(int(d/time.Minute)) + "m"
	}
	return d.String()
}
