package bot

import (
	"context"
	"sort"
	"strings"
	"time"
)

// A speed-mentoring event (flash mentoring): a manager opens it, mentors
// and mentees register with a button, and at each round the bot pairs
// every present mentee with a mentor they have not met yet in the event,
// for a few minutes, in a group DM with a video room. After each round,
// two "yes, let's continue" turn the flash session into a one-to-one pair,
// with the charter. speed_command.go opens it, speed_register.go takes the
// registrations, speed_round.go pairs the rounds, speed_continue.go asks
// who wants to continue, speed_leave.go drops a member who leaves.

// EventSpeedPaired counts a pair formed after an event's round because
// both of its members said "yes, let's continue" (Member mentor, Other
// mentee): neither a proposal nor a manager's pair (EventPaired). The
// digest counts it among the pairs formed, on a line of its own.
const EventSpeedPaired EventKind = "speed_paired"

// OpenTopic is the topic stored for a pair formed after an event's round
// when the mentee had no request: they continue on what they choose
// together, not on the event (whose name is no topic). It is a marker, not
// words: every message and export renders it in its reader's language
// (storedText), "open topic", « sujet libre », never quoted as a member's
// topic, and a sentence about the pair says where it comes from: "your
// pair from the speed-mentoring event" (openTopicSentence). Its leading
// word joiner keeps it apart from anything a member types.
const OpenTopic = "\u2060open topic"

// storedText is a stored value v as a reader of lang reads it: a marker the
// bot stores in place of a member's words (OpenTopic) in lang, any other
// value as it is. T applies it to every value it fills in, and the exports
// to every topic they write (with neither quotes nor the word joiner).
func storedText(lang Lang, v string) string {
	if v == OpenTopic {
		return T(lang, "topic.open")
	}
	return v
}

// openTopicWords rewrite, in a sentence about a pair on OpenTopic, the
// words that would quote the marker as the members' topic ("your pair on
// “open topic”") into words that say where the pair comes from ("your
// pair from the speed-mentoring event"); {x} stands for the placeholder.
// Anywhere else the marker loses its quotes, which say "the member's own
// words": "End the pair with Erin (open topic)". A sentence that needs
// other words altogether has its own entry, its key after "opentopic."
// (openTopicSentence).
var openTopicWords = map[Lang][]struct{ words, key string }{
	English: {{"on “{x}”", "topic.open.on"}, {"“{x}”", ""}},
	French:  {{"sur «\u202f{x}\u202f»", "topic.open.on"}, {"«\u202f{x}\u202f»", ""}},
}

// openTopicSentence is sentence s of key in lang, for a pair on OpenTopic
// given as the placeholders names: the sentence's own words for it (its
// key after "opentopic.") if it has some, or s; with openTopicWords
// applied.
func openTopicSentence(lang Lang, key, s string, names []string) string {
	if own, ok := catalogs[lang]["opentopic."+key]; ok {
		s = own
	}
	for _, name := range names {
		for _, w := range openTopicWords[lang] {
			to := "{" + name + "}" // storedText writes the marker's word
			if w.key != "" {
				to = T(lang, w.key)
			}
			s = strings.ReplaceAll(s, strings.ReplaceAll(w.words, "{x}", "{"+name+"}"), to)
		}
	}
	return s
}

// openTopicArgs returns the names of the args whose value is OpenTopic.
func openTopicArgs(args []string) []string {
	var names []string
	for k := 0; k+1 < len(args); k += 2 {
		if args[k+1] == OpenTopic {
			names = append(names, args[k])
		}
	}
	return names
}

// SpeedRole is the side a member registered on.
type SpeedRole string

// The two sides of an event.
const (
	SpeedMentor SpeedRole = "mentor"
	SpeedMentee SpeedRole = "mentee"
)

// SpeedEvent is a speed-mentoring event. Rounds start at Start, then every
// Minutes; the event ends Rounds*Minutes after Start.
type SpeedEvent struct {
	ID      string
	Name    string
	Program string // the program it belongs to; "" is the default program
	Rounds  int
	Minutes int
	Start   time.Time
	TZ      string // the zone its times are shown in (the workspace's)
	Video   string // the event's video link; "" gives each session its own room
	Channel string // where its registration message was posted
	// Post is the platform's reference to that message, where the
	// platform can edit it (PostEditor): its buttons go when the event
	// is cancelled or over. "" elsewhere.
	Post string `json:",omitempty"`
	// Langs are the languages of its posts in Channel (lang:), in order;
	// none for an event opened before they were kept: the workspace's.
	Langs   []Lang `json:",omitempty"`
	By      MemberID
	Created time.Time
	// Cancelled is when a manager cancelled it (zero: it was not): its
	// rounds are not paired, its buttons say so.
	Cancelled time.Time `json:",omitzero"`
}

// postLangs are the languages of the event's posts in its channel: its
// own, or the workspace's, def.
func (e SpeedEvent) postLangs(def Lang) []Lang {
	if len(e.Langs) > 0 {
		return e.Langs
	}
	return []Lang{def}
}

// RoundStart is when round n (1-based) starts; RoundStart(Rounds+1) is the end.
func (e SpeedEvent) RoundStart(n int) time.Time {
	return e.Start.Add(time.Duration(n-1) * time.Duration(e.Minutes) * time.Minute)
}

// End is when the last round ends.
func (e SpeedEvent) End() time.Time { return e.RoundStart(e.Rounds + 1) }

// Live reports whether the event is still to come or under way at now:
// neither cancelled nor over.
func (e SpeedEvent) Live(now time.Time) bool { return e.Cancelled.IsZero() && now.Before(e.End()) }

// RoundAt is the round under way at t: 0 before the start, Rounds+1 after the end.
func (e SpeedEvent) RoundAt(t time.Time) int {
	if t.Before(e.Start) {
		return 0
	}
	n := int(t.Sub(e.Start)/(time.Duration(e.Minutes)*time.Minute)) + 1
	return min(n, e.Rounds+1)
}

// SpeedEntrant is a member registered for an event.
type SpeedEntrant struct {
	Member MemberID
	Role   SpeedRole
	Topic  string // a mentee's topic (their waiting request's), "" for an open conversation
	Joined time.Time
}

// SpeedSession is one mentor and one mentee together for one round.
type SpeedSession struct {
	Mentor MemberID
	Mentee MemberID
	Topic  string // the mentee's, "" for an open conversation
	Room   string // the video link
	// Left is the user ID of a member who left the event during the
	// round: the session ended early.
	Left string
	// MentorYes and MenteeYes are the answers to "continue?": "" not
	// answered, "yes" or "no".
	MentorYes string
	MenteeYes string
	// Pair is the one-to-one pair both yeses formed ("" none).
	Pair string
}

// SpeedRound is one round of an event, as paired when it started, with
// the changes a member leaving made to it.
type SpeedRound struct {
	Event    string
	N        int
	Sessions []SpeedSession
	// SatOut are the members present without a partner, with why
	// (speedSatOut*), by user ID.
	SatOut map[string]string
	Paired time.Time
}

// Why a member sat out a round.
const (
	SatOutBusy = "busy" // mentee: every mentor was taken by others this round
	// mentee: the mentors they have not met and who speak their language
	// were taken; those still free they have met already
	SatOutBusyMet = "busy_met"
	// mentee: as SatOutBusyMet, but those still free speak none of their
	// languages
	SatOutBusyLanguage = "busy_lang"
	// mentee: as SatOutBusyMet, those still free met already or speak
	// none of their languages
	SatOutBusyBoth = "busy_both"
	SatOutMetAll   = "met"      // mentee: they met every mentor present
	SatOutLanguage = "language" // mentee: no mentor they have not met speaks their language
	SatOutNoMentee = "nomentee" // mentor: every mentee present is with another mentor
	// mentor: the mentees left free have all met them already
	SatOutMenteesMet = "nomentee_met"
	// mentor: the mentees left free (not met yet) share no language with them
	SatOutMenteesLanguage = "nomentee_lang"
	// mentor: of the mentees left free, some met them, the others share no
	// language with them
	SatOutMenteesMetLanguage = "nomentee_both"
)

// SpeedStore keeps the speed-mentoring events (speed*.go). Registration
// and pairing are atomic: a double click registers once, two replicas
// pairing the same round store one pairing, and the first wins.
type SpeedStore interface {
	// CreateSpeedEvent stores a new event and schedules jobs in the same
	// step. ECONFLICT if its ID exists.
	CreateSpeedEvent(ctx context.Context, t Tenant, e SpeedEvent, jobs []Job) error
	// GetSpeedEvent returns an event; ENOTFOUND if there is none.
	GetSpeedEvent(ctx context.Context, t Tenant, id string) (SpeedEvent, error)
	// SpeedEvents lists the workspace's events, oldest first.
	SpeedEvents(ctx context.Context, t Tenant) ([]SpeedEvent, error)
	// CancelSpeedEvent marks an event cancelled at at and schedules jobs
	// in the same step, and returns it as cancelled. ESTALE, with the
	// event as stored, if it was cancelled already; ENOTFOUND if there is
	// none.
	CancelSpeedEvent(ctx context.Context, t Tenant, id string, at time.Time, jobs []Job) (SpeedEvent, error)

	// RegisterSpeed registers e for an event unless its member is
	// registered already: then it returns their registration as stored
	// and false. ENOTFOUND if the event does not exist, ESTALE if it
	// was cancelled (in the same step: a click racing the cancellation
	// either registers before it, and is told by its notices, or not).
	RegisterSpeed(ctx context.Context, t Tenant, event string, e SpeedEntrant) (SpeedEntrant, bool, error)
	// UnregisterSpeed removes a member's registration and returns it;
	// ENOTFOUND if they were not registered.
	UnregisterSpeed(ctx context.Context, t Tenant, event, user string) (SpeedEntrant, error)
	// SpeedEntrants returns the registrations of an event, by Joined.
	SpeedEntrants(ctx context.Context, t Tenant, event string) ([]SpeedEntrant, error)
	// SpeedEntrant returns one member's registration for an event, without
	// reading the others'; ENOTFOUND if they are not registered.
	SpeedEntrant(ctx context.Context, t Tenant, event, user string) (SpeedEntrant, error)

	// SaveSpeedRound stores round r.N of its event unless it is stored
	// already: then it returns the stored round and false, so that the
	// first pairing wins.
	SaveSpeedRound(ctx context.Context, t Tenant, r SpeedRound) (SpeedRound, bool, error)
	// GetSpeedRound returns round n of an event; ENOTFOUND if it was not
	// paired.
	GetSpeedRound(ctx context.Context, t Tenant, event string, n int) (SpeedRound, error)
	// UpdateSpeedRound applies change to round n as stored and stores the
	// result, atomically: a change made meanwhile by another replica makes
	// it read and apply change again. An error from change stores nothing
	// and is returned. ENOTFOUND if the round was not paired.
	UpdateSpeedRound(ctx context.Context, t Tenant, event string, n int, change func(*SpeedRound) error) (SpeedRound, error)

	// EraseSpeedMember removes a member from every event of the
	// workspace: their registrations, and their user ID from the rounds'
	// sessions (written "" there) and sit-outs.
	EraseSpeedMember(ctx context.Context, id MemberID) error
}

// speedKept is how long an event's records are kept after it ends: long
// enough for the continue answers, which come after the last round.
const speedKept = 30 * 24 * time.Hour

// SpeedKept is speedKept, for stores that expire an event's records.
func SpeedKept() time.Duration { return speedKept }

// Action IDs of the speed-mentoring buttons.
const (
	ActionSpeedMentor     = "speed.mentor" // register as a mentor; value: the event ID
	ActionSpeedMentee     = "speed.mentee" // register as a mentee; value: the event ID
	ActionSpeedLeave      = "speed.leave"  // unregister; value: the event ID
	ActionSpeedContinue   = "speed.yes"    // value: "<event>:<round>:<mentee user>"
	ActionSpeedNoContinue = "speed.no"     // value: as ActionSpeedContinue
	// Managers only (IsAdminAction): the confirmation of /mentor admin
	// events cancel; value: the event ID.
	ActionSpeedCancel = "admin.speed.cancel"
	ActionSpeedKeep   = "admin.speed.keep"
)

// JobSpeedCancel tells an event's registrants, and its channel, that a
// manager cancelled it: speedcancel:<event>.
const JobSpeedCancel = "speedcancel"

// JobSpeed is a round boundary: speed:<event>:<n> at the start of round
// n ends round n-1 (its continue question) and pairs round n, for n from
// 1 to Rounds+1.
const JobSpeed = "speed"

// speedJobs are an event's round boundaries.
func speedJobs(e SpeedEvent) []Job {
	out := make([]Job, 0, e.Rounds+1)
	for n := 1; n <= e.Rounds+1; n++ {
		out = append(out, NewJob(e.RoundStart(n), JobSpeed, e.ID, itoa(n)))
	}
	return out
}

// SortSpeedEntrants orders registrations as SpeedEntrants returns them:
// by Joined, then by user ID.
func SortSpeedEntrants(list []SpeedEntrant) {
	sort.Slice(list, func(i, j int) bool {
		if !list[i].Joined.Equal(list[j].Joined) {
			return list[i].Joined.Before(list[j].Joined)
		}
		return list[i].Member.User < list[j].Member.User
	})
}

// EraseFromSpeedRound removes a member from a round's records, for
// EraseSpeedMember: their user ID becomes "" in the sessions, which keep
// their shape (the other member's answers stay theirs), and their
// sit-out goes. A session that loses a member is marked left.
func EraseFromSpeedRound(r *SpeedRound, user string) {
	delete(r.SatOut, user)
	for i := range r.Sessions {
		s := &r.Sessions[i]
		if s.Mentor.User == user {
			s.Mentor = MemberID{}
		}
		if s.Mentee.User == user {
			s.Mentee = MemberID{}
		}
		if s.Mentor.User == "" || s.Mentee.User == "" || s.Left == user {
			s.Left = "-"
		}
	}
}
