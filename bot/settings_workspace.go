package bot

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/mentorbot/mentorbot/meeting"
)

// The settings of this file were deployment-wide before one deployment
// served many workspaces: the digest's schedule (MENTORBOT_DIGEST_SCHEDULE),
// the charter's page (MENTORBOT_CHARTER_URL), the video rooms
// (MENTORBOT_MEET_URL) and Discord's intro channel
// (DISCORD_INTRO_CHANNEL_ID). The environment now only gives their
// defaults; each workspace may set its own.

// IntroOff is the intro-channel setting that introduces each pair by
// direct message, even where the platform has a default channel.
const IntroOff = "off"

// introOff is IntroOff, as this package names it.
const introOff = IntroOff

// ChannelIntroducer is an optional Platform feature: introducing a pair
// in a channel the workspace chose (the intro-channel setting), such as
// a private thread of a Discord channel. Platforms without it introduce
// pairs their own way (a group DM on Slack) and refuse the setting.
type ChannelIntroducer interface {
	// IntroduceIn introduces members in channel: "" for the platform's
	// default, IntroOff for one direct message each. A platform whose
	// introduction in a channel opens a conversation of its own there (a
	// Discord private thread) returns it, and, given it back as thread,
	// goes on in it if it still can rather than opening another: the
	// pair's later messages (new meeting times) join their introduction.
	// It returns "" when the message went by direct message.
	IntroduceIn(ctx context.Context, channel, thread string, members []MemberID, msg Message) (string, error)
}

// setWorkspace sets one of this file's settings from its text form; ok
// is false for a name that is none of them. bad is the error for a value
// that does not parse.
func (s *Settings) setWorkspace(name, value string, bad error) (ok bool, err error) {
	switch name {
	case "digest-schedule":
		if d, m, ok := meeting.ParseWeekly(value); ok {
			s.DigestSchedule = weeklyCron(d, m)
			return true, nil
		}
		if !plausibleCron(value) {
			return true, bad
		}
		s.DigestSchedule = strings.Join(strings.Fields(value), " ")
	case "charter-url":
		u, ok := httpsURL(value)
		if !ok {
			return true, bad
		}
		s.CharterURL = u
	case "meet-url":
		u, ok := httpsURL(value)
		if !ok {
			return true, bad
		}
		if !strings.HasSuffix(u, "/") {
			u += "/" // a room is the base followed by its name
		}
		s.MeetURL = u
	case "intro-channel":
		if offWord(value) {
			s.IntroChannel = introOff
			return true, nil
		}
		ch, ok := parseChannelRef(value)
		if !ok {
			return true, bad
		}
		s.IntroChannel = ch
	default:
		return false, nil
	}
	return true, nil
}

// getWorkspace returns one of this file's settings in its text form.
func (s Settings) getWorkspace(name string) string {
	switch name {
	case "digest-schedule":
		return s.DigestSchedule
	case "charter-url":
		return s.CharterURL
	case "meet-url":
		return s.MeetURL
	case "intro-channel":
		return s.IntroChannel
	}
	return ""
}

// weeklyCron is the cron spec of a day and a minute of the day.
func weeklyCron(d time.Weekday, minute int) string {
	return fmt.Sprintf("%d %d * * %d", minute%60, minute/60, int(d))
}

// weeklyIn writes a cron spec that falls once a week ("30 9 * * 1") as a
// reader of lang says it, "Mondays at 09:30", « le lundi à 9 h 30 »; any
// other spec as it is.
func weeklyIn(lang Lang, spec string) string {
	f := strings.Fields(spec)
	if len(f) != 5 || f[2] != "*" || f[3] != "*" {
		return spec
	}
	m, err1 := strconv.Atoi(f[0])
	h, err2 := strconv.Atoi(f[1])
	d, err3 := strconv.Atoi(f[4])
	if err1 != nil || err2 != nil || err3 != nil || m < 0 || m > 59 || h < 0 || h > 23 || d < 0 || d > 7 {
		return spec
	}
	day := time.Weekday(d % 7)
	at := time.Date(2000, 1, 1, h, m, 0, 0, time.UTC)
	name := day.String()
	if lang == French {
		name = weekdaysFR[day]
	}
	return T(lang, "admin.settings.weekly", "day", name, "time", clockIn(lang, at))
}

// offWord reports whether v turns a channel setting off.
func offWord(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "off", "none", "-", "aucun":
		return true
	}
	return false
}

// defaultWord reports whether v resets a setting to its default
// ("/mentor admin settings meet-url:default").
func defaultWord(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "default", "défaut", "par-défaut", "defaut":
		return true
	}
	return false
}

// plausibleCron is the check of a cron spec that the core can make on
// its own: five fields or a descriptor (@weekly), on one line, with no
// time zone of its own (the tz setting gives it). Config.CheckSchedule,
// the cron parser cmd wires, checks the rest before a spec is saved.
func plausibleCron(v string) bool {
	f := strings.Fields(v)
	if len(v) > 100 || len(f) == 0 || strings.Contains(strings.ToUpper(v), "TZ=") {
		return false
	}
	if strings.HasPrefix(f[0], "@") {
		return len(f) == 1 || (f[0] == "@every" && len(f) == 2)
	}
	return len(f) == 5
}

// httpsURL reads an https URL with a host and no credentials, at most
// 100 characters.
func httpsURL(v string) (string, bool) {
	v = strings.TrimSpace(v)
	v = strings.TrimSuffix(strings.TrimPrefix(v, "<"), ">") // Slack's <https://…>
	u, err := url.Parse(v)
	if err != nil || len(v) > 100 || u.Scheme != "https" || u.Host == "" || u.User != nil || strings.ContainsAny(v, " \t\n") {
		return "", false
	}
	return u.String(), true
}

// checkSetting checks what Settings.Set cannot on its own: a digest
// schedule the cron parser reads (Config.CheckSchedule), and an intro
// channel on a platform that introduces pairs in channels.
func (b *Bot) checkSetting(t Tenant, name, value string) error {
	if r, ok := durationBounds[name]; ok && !defaultWord(value) {
		if v, err := parseSettingDuration(strings.TrimSpace(value)); err == nil && v >= 0 && (v < r[0] || v > r[1]) {
			return &Error{Code: EINVALID, Key: "err.setting_range", Args: []string{"name", clip(name, 30), "value", clip(value, 40)}}
		}
	}
	switch name {
	case "digest-schedule":
		if _, _, words := meeting.ParseWeekly(value); b.cfg.CheckSchedule == nil || defaultWord(value) || words {
			return nil // a day and a time become a spec the parser reads
		}
		if err := b.cfg.CheckSchedule(strings.TrimSpace(value)); err != nil {
			return &Error{Code: EINVALID, Key: "err.bad_setting", Args: []string{"name", name, "value", clip(value, 40)}}
		}
	case "intro-channel":
		if !b.introducesInChannels(t) {
			return Errorf(EINVALID, "err.admin.intro_channel_unsupported")
		}
	}
	return nil
}

// introducesInChannels reports whether t's platform introduces pairs in
// a channel (ChannelIntroducer), where the intro-channel setting applies.
func (b *Bot) introducesInChannels(t Tenant) bool {
	p, err := b.tenantPlatform(t)
	if err != nil {
		return false
	}
	_, ok := p.(ChannelIntroducer)
	return ok
}

// toPair delivers msg to both members of pair together, as their
// introduction went: in the workspace's intro channel where the platform
// has them (ChannelIntroducer), going on in the pair's conversation
// there (Pair.Thread) rather than opening another, which is kept for the
// next message when it is new.
func (b *Bot) toPair(ctx context.Context, p Platform, pair Pair, msg Message) (string, error) {
	members := []MemberID{pair.Mentor, pair.Mentee}
	ci, ok := p.(ChannelIntroducer)
	if !ok {
		return "", p.Introduce(ctx, members, msg)
	}
	thread, err := ci.IntroduceIn(ctx, b.settings(ctx, pair.Mentor.Tenant()).IntroChannel, pair.Thread, members, msg)
	if thread != "" && thread != pair.Thread {
		// Not kept: the next message opens a conversation of its own.
		if serr := b.store.pairs.SetPairThread(ctx, pair, thread); serr != nil {
			b.log.Warn("pair's conversation not kept", "pair", pair.ID, "code", string(ErrorCode(serr)))
		}
	}
	return thread, err
}

// toPairOnce sends the message build makes to the pair (toPair) once,
// under the delivery mark key, tagged with it (Message.Delivery): a
// replica that takes over the mark of one that died mid-send first asks
// the platform whether it went out (PairVerifier), where the platform
// can tell, and sends it only if not. It returns the pair's conversation
// as toPair does.
func (b *Bot) toPairOnce(ctx context.Context, p Platform, pair Pair, key string, build func(ctx context.Context) (Message, error)) (string, error) {
	thread := ""
	err := b.onceVerified(ctx, pair.Mentor.Tenant(), key, b.lease(), func(ctx context.Context) error {
		msg, err := build(ctx)
		if err != nil {
			return err
		}
		msg.Delivery = key
		thread, err = b.toPair(ctx, p, pair, msg)
		return err
	}, pairVerifier(p, []MemberID{pair.Mentor, pair.Mentee}, key))
	return thread, err
}

// pairVerifier returns how to ask p whether the message tagged key
// reached the members' shared conversation, or nil if it cannot tell.
func pairVerifier(p Platform, members []MemberID, key string) func(ctx context.Context) (bool, error) {
	if _, ok := p.(ChannelIntroducer); ok {
		return nil // a channel's thread, or a DM each: not one conversation to read
	}
	v, ok := p.(PairVerifier)
	if !ok {
		return nil
	}
	return func(ctx context.Context) (bool, error) { return v.DeliveredTogether(ctx, members, key) }
}
