package bot

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/mentorbot/mentorbot/matching"
	"github.com/mentorbot/mentorbot/meeting"
)

// MeetingStore keeps the meeting times offered to a pair and the one the
// pair agreed on (meeting*.go). A pair's times come in rounds: the
// introduction's, then one more each time a member asks for other times.
type MeetingStore interface {
	// OfferSlots replaces the pair's times with slots as round+1, if the
	// pair's current round is round (0: none offered yet), clearing the
	// picks and any agreed time; the replaced slots become Past. It returns the meeting as stored. ESTALE
	// if the round moved on meanwhile (another replica, a double click):
	// the caller reads the meeting again.
	OfferSlots(ctx context.Context, t Tenant, pairID string, round int, slots []MeetingSlot, full bool, at time.Time) (Meeting, error)

	// PickSlot adds slot i of round to the slots that suit user by (a
	// set: picking a slot twice changes nothing). When other already
	// picked slot i and no time is agreed yet, that slot becomes the
	// agreed time and agreed is true: for one call only, however many
	// replicas and clicks race. As each pick is checked against the other
	// member's at once, the two members' picks never share a slot but the
	// agreed one. A pick after a time was agreed changes nothing (agreed
	// false, Meeting.Agreed set). ESTALE if round is not the current one;
	// ENOTFOUND if no time was offered; EINVALID if round has no slot i.
	// The caller refuses a slot that has started (meeting_pick.go).
	PickSlot(ctx context.Context, t Tenant, pairID string, round, i int, by, other string, at time.Time) (m Meeting, agreed bool, err error)

	// GetMeeting returns the pair's meeting. ENOTFOUND if no time was
	// offered.
	GetMeeting(ctx context.Context, t Tenant, pairID string) (Meeting, error)
}

// Meeting is the times offered to a pair and what its members picked.
type Meeting struct {
	Pair  string
	Round int // 1 for the introduction's times, then one more per new round
	Slots []MeetingSlot
	// Past are the slots of the rounds before this one, the newest last,
	// MaxPastSlots at most: new times avoid them as well as this round's,
	// so that asking again and again never cycles back to times offered
	// already.
	Past []MeetingSlot
	// Full: the slots lie within both members' hours; false: the best
	// partial overlap. A round with no slots is either no time found
	// (Full false) or an agreed meeting a member cancelled without asking
	// for new times (Full true, see cancelledRound).
	Full    bool
	Offered time.Time
	// Picks are this round's picks: by user ID, the indexes of the slots
	// that suit the user, in order.
	Picks map[string][]int
	// Agreed is the time both picked; zero until then.
	Agreed MeetingSlot
}

// MaxPastSlots is how many slots of earlier rounds a meeting keeps
// (Meeting.Past): four rounds of three.
const MaxPastSlots = 12

// MeetingSlot is a meeting time, in UTC.
type MeetingSlot struct {
	Start, End time.Time
}

// IsZero reports whether s is no time.
func (s MeetingSlot) IsZero() bool { return s.Start.IsZero() }

// cancelledRound reports whether m is the round that cancelled the
// meeting of the round before it, at a member's request (cancelMeeting):
// it offers no time, and its Full is set (no slot lies outside anyone's
// hours).
func (m Meeting) cancelledRound() bool { return m.Round > 1 && len(m.Slots) == 0 && m.Full }

// cancelledAfter reports whether m cancelled the meeting of round, the
// one before it: that round's buttons are answered as such rather than
// as replaced by newer times.
func (m Meeting) cancelledAfter(round int) bool { return m.cancelledRound() && m.Round == round+1 }

// Meeting actions: a slot's "This works for me" (value
// "<pair>:<round>:<slot>"), "Suggest other times" and "Set my time zone"
// (value "<pair>"), and the time-zone menu (value "<pair>", then the
// choice).
const (
	ActionMeetPick  = "meet.pick"
	ActionMeetOther = "meet.other"
	ActionMeetTZ    = "meet.tz"
	ActionMeetZone  = "meet.zone"
	// ActionMeetReplace confirms new times that cancel a time agreed
	// ahead ("<pair>:<round>"), or, with the value "<pair>:<round>:cancel"
	// (meetCancelOnly), cancels it without new times: both answer the
	// same question, the asker's alone. ActionMeetKeep keeps it (value
	// "<pair>").
	ActionMeetReplace = "meet.replace"
	ActionMeetKeep    = "meet.keep"
)

// JobMeetInvite sends the invite of an agreed time if sending it at once
// failed: meetinvite:<pair>:<round>.
const JobMeetInvite = "meetinvite"

// checkinAfterMeeting is how long after an agreed meeting the first
// check-in falls due.
const checkinAfterMeeting = 24 * time.Hour

// meetingLength is how long a pair's meeting lasts: 30 minutes for a flash
// session, an hour otherwise.
func meetingLength(k Kind) time.Duration {
	if k == matching.Flash {
		return 30 * time.Minute
	}
	return time.Hour
}

// zoneOf returns the member's time zone, or the workspace's when they
// gave none (assumed reports that).
func (b *Bot) zoneOf(ctx context.Context, m Member) (loc *time.Location, assumed bool) {
	if m.TZ != "" {
		if l, err := loadLocation(m.TZ); err == nil {
			return l, false
		}
	}
	return b.workspaceLoc(ctx, m.ID.Tenant()), true
}

// offerTimes offers the pair new times: the introduction's first round
// (round 0), or a round after round, away from avoid (the times offered
// before, the oldest first). Two replicas or two clicks offering
// at once end with one round: the loser reads it.
func (b *Bot) offerTimes(ctx context.Context, pair Pair, mentor, mentee Member, round int, avoid []MeetingSlot) (Meeting, error) {
	t := pair.Mentor.Tenant()
	slots, full := b.suggestRound(ctx, pair, mentor, mentee, avoid) // meeting_rotate.go
	m, err := b.store.meetings.OfferSlots(ctx, t, pair.ID, round, slots, full, b.clock.Now().UTC())
	b.homeChanged(pair.Mentor, pair.Mentee) // home_publish.go: new times clear an agreed one
	if ErrorCode(err) == ESTALE {
		return b.store.meetings.GetMeeting(ctx, t, pair.ID)
	}
	return m, err
}

// introTimes returns the times the introduction offers: those a try
// before this one offered, else a first round. Times offered by a try
// that failed long enough ago for one of them to be near (the platform
// was down) are offered afresh, nobody having seen them.
func (b *Bot) introTimes(ctx context.Context, pair Pair, mentor, mentee Member) (Meeting, error) {
	m, err := b.store.meetings.GetMeeting(ctx, pair.Mentor.Tenant(), pair.ID)
	if ErrorCode(err) == ENOTFOUND {
		return b.offerTimes(ctx, pair, mentor, mentee, 0, nil)
	}
	if err != nil {
		return Meeting{}, err
	}
	soon := b.clock.Now().Add(meeting.Lead / 2)
	if m.Round == 1 && len(m.Picks) == 0 && len(m.Slots) > 0 && m.Slots[0].Start.Before(soon) {
		return b.offerTimes(ctx, pair, mentor, mentee, m.Round, nil)
	}
	return m, nil
}

// deferCheckin holds back the first check-in (checkin:<pair>:1) of a pair
// that agreed to meet later than it: it falls due a day after the
// meeting instead, as checkin:<pair>:1:m, the same round. It reports
// whether it deferred.
func (b *Bot) deferCheckin(ctx context.Context, t Tenant, pair Pair, j Job) (bool, error) {
	if j.Kind() != JobCheckin || j.Part(1) != "1" || j.Part(2) != "" {
		return false, nil
	}
	m, err := b.store.meetings.GetMeeting(ctx, t, pair.ID)
	if ErrorCode(err) == ENOTFOUND {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	due, ok := heldCheckin(m, b.clock.Now())
	if !ok {
		return false, nil
	}
	return true, b.store.jobs.ScheduleJobs(ctx, t, false, NewJob(due, JobCheckin, pair.ID, "1", "m"))
}

// heldCheckin is when the first check-in falls due instead, a day after
// the agreed meeting m, and whether it is held back there: only when that
// is after at, when it would otherwise be due.
func heldCheckin(m Meeting, at time.Time) (time.Time, bool) {
	due := m.Agreed.End.Add(checkinAfterMeeting)
	if m.Agreed.IsZero() || !due.After(at) {
		return time.Time{}, false
	}
	return due, true
}

// slotWhen writes a slot in one member's zone: "Tuesday 8 December,
// 15:00–16:00 (Paris)".
func slotWhen(lang Lang, s MeetingSlot, loc *time.Location) string {
	a, e := s.Start.In(loc), s.End.In(loc)
	return T(lang, "meet.when", "day", dayName(lang, a), "from", clockIn(lang, a), "to", clockIn(lang, e), "zone", zoneLabel(lang, loc))
}

// weekdaysFR are the French weekdays, Sunday first as time.Weekday counts.
var weekdaysFR = [...]string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"}

// dayName writes a day without its year: "Tuesday 8 December",
// « mardi 8 décembre ».
func dayName(lang Lang, t time.Time) string {
	if lang != French {
		return t.Format("Monday 2 January")
	}
	day := strconv.Itoa(t.Day())
	if t.Day() == 1 {
		day = "1er"
	}
	return weekdaysFR[t.Weekday()] + " " + day + " " + monthsFR[t.Month()-1]
}

// clockIn writes a time of day: "15:00", « 15 h », « 15 h 30 ».
func clockIn(lang Lang, t time.Time) string {
	if lang != French {
		return t.Format("15:04")
	}
	h := strconv.Itoa(t.Hour()) + "\u00a0h"
	if t.Minute() != 0 {
		h += "\u00a0" + t.Format("04")
	}
	return h
}

// zoneLabel names a zone by its city: "Paris", "New York", "UTC".
func zoneLabel(lang Lang, loc *time.Location) string {
	name := loc.String()
	if s, ok := offsetZoneName(name); ok {
		return s // "UTC+9" for Etc/GMT-9, whose name holds the opposite sign
	}
	if i := strings.LastIndex(name, "/"); i >= 0 {
		name = name[i+1:]
	}
	name = strings.ReplaceAll(name, "_", " ")
	if fr, ok := citiesFR[name]; ok && lang == French {
		return fr
	}
	return name
}

// citiesFR are the cities of time zone names that French writes
// otherwise: « (Montréal) », « (Londres) ».
var citiesFR = map[string]string{
	"Montreal": "Montréal", "Quebec": "Québec", "London": "Londres", "Brussels": "Bruxelles", "Lisbon": "Lisbonne",
	"Warsaw": "Varsovie", "Vienna": "Vienne", "Athens": "Athènes", "Copenhagen": "Copenhague", "Bucharest": "Bucarest",
	"Moscow": "Moscou", "Algiers": "Alger", "Cairo": "Le Caire", "Beirut": "Beyrouth", "Dubai": "Dubaï",
	"Singapore": "Singapour", "Seoul": "Séoul", "Sao Paulo": "São Paulo", "Mexico City": "Mexico",
	"Reunion": "La Réunion", "Noumea": "Nouméa", "Kolkata": "Calcutta",
}
