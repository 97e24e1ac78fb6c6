package bot

import (
	"strconv"
	"time"
)

// builtinDigestSchedule is the digest schedule of DefaultConfig, Mondays
// at 9:00 in the workspace's time zone: the one that "every Monday
// morning" describes.
const builtinDigestSchedule = "0 9 * * 1"

// digestChannelSet is the reply to setting the managers' channel to
// channel: it says when the digest goes out, true to the workspace's
// schedule. The built-in schedule is "every Monday morning"; any other
// says when the next digest is due, in the workspace's time zone, where
// the schedule is read; without Config.NextDigest, or for a schedule it
// cannot read, the reply names the schedule instead.
func (b *Bot) digestChannelSet(lang Lang, s Settings, loc *time.Location, channel string) string {
	if s.DigestSchedule == builtinDigestSchedule {
		return T(lang, "admin.digest_channel.set", "channel", channel)
	}
	now := b.clock.Now().In(loc)
	next, ok := b.nextDigest(s, now)
	if !ok {
		schedule := weeklyIn(lang, s.DigestSchedule)
		if schedule == s.DigestSchedule {
			schedule = "`" + schedule + "`" // a cron spec, not words
		}
		return T(lang, "admin.digest_channel.set_schedule", "channel", channel, "schedule", schedule, "zone", zoneLabel(lang, loc))
	}
	when := digestWhen(lang, next, now, loc)
	// The digest goes out once a week, the first time the schedule falls
	// due in the week (PostDigest). A schedule that fell due earlier this
	// week and falls due again before it ends (every day, every minute)
	// may have posted this week's already: the next one then waits for
	// next week.
	week := weekStart(now)
	if first, ok := b.nextDigest(s, week.Add(-time.Second)); ok && !first.After(now) && weekStart(next.In(loc)).Equal(week) {
		if then, ok := b.nextDigest(s, week.AddDate(0, 0, 7).Add(-time.Second)); ok {
			return T(lang, "admin.digest_channel.set_next_unless", "channel", channel, "when", when, "then", digestWhen(lang, then, now, loc))
		}
	}
	return T(lang, "admin.digest_channel.set_next", "channel", channel, "when", when)
}

// nextDigest returns when the workspace's digest schedule next falls due
// after t, and whether Config.NextDigest could tell. A stored schedule
// the parser no longer reads falls back to the deployment's, as
// digestDue does.
func (b *Bot) nextDigest(s Settings, t time.Time) (time.Time, bool) {
	if b.cfg.NextDigest == nil {
		return time.Time{}, false
	}
	at, err := b.cfg.NextDigest(s.DigestSchedule, s.TZ, t)
	if err != nil && s.DigestSchedule != b.cfg.DigestSchedule {
		at, err = b.cfg.NextDigest(b.cfg.DigestSchedule, s.TZ, t)
	}
	return at, err == nil && !at.IsZero()
}

// digestWhen writes a time the digest is due, in the zone loc: "Monday 14
// December at 08:00 (UTC)", « lundi 14 décembre à 8 h (Paris) », with
// the year when it is not the current one.
func digestWhen(lang Lang, at, now time.Time, loc *time.Location) string {
	at = at.In(loc)
	day := dayName(lang, at)
	if at.Year() != now.Year() {
		day += " " + strconv.Itoa(at.Year())
	}
	return T(lang, "admin.digest_channel.when", "day", day, "time", clockIn(lang, at), "zone", zoneLabel(lang, loc))
}
