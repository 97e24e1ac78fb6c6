package bot

import (
	"context"
	"sort"
	"strings"
	"time"
)

// PrivacyStore is the part of Store that reads, erases and prunes a
// member's personal data. The core decides what goes (forget.go,
// retention.go); the store knows where it lies.
type PrivacyStore interface {
	// MemberData returns everything stored about one member: their
	// record, offer, requests, proposals (as mentor or mentee), pairs,
	// check-in and survey answers, testimonials, charter acceptances and
	// history. It
	// walks the workspace's keys, so it runs only at a member's own ask.
	// A member the bot does not know gives a zero MemberData.
	MemberData(ctx context.Context, id MemberID) (MemberData, error)
	// Erase removes the member's record, offer, indexes, answers,
	// testimonials, acceptances, marks and every mention of their user ID or of one of
	// Erasure.Names in a list, set, sorted set, hash field or kept
	// message of the workspace, and the requests, proposals and pairs the
	// erasure names. Counters (Stats) keep their numbers. Running it again
	// finishes an erasure cut short.
	Erase(ctx context.Context, e Erasure) error
	// Prune deletes the closed pairs (with their check-ins and surveys)
	// that ended before before, the surveys of pairs that ended before
	// before, the testimonials written before before, and the cancelled
	// requests created before before, and returns how many pairs and
	// requests went. Counters stay.
	Prune(ctx context.Context, t Tenant, before time.Time) (Pruned, error)
	// MembersWithRecord returns the user IDs of the workspace's members
	// who have a record (every member with an offer, a request or a
	// pair has one), in no order. It walks the workspace's keys, so it
	// runs in a daily job (ForgetLeavers).
	MembersWithRecord(ctx context.Context, t Tenant) ([]string, error)
}

// MemberData is what the bot keeps about one member (PrivacyStore.MemberData),
// as /mentor export-me sends it.
type MemberData struct {
	Member    Member // zero ID when the bot has no record
	Manager   bool   // added as a manager by command
	Offer     *Offer
	Requests  []Request
	Proposals []Proposal
	Pairs     []Pair
	Checkins  []CheckinAnswer
	Surveys   []SurveyAnswer
	Charters  []CharterAcceptance
	// Testimonials are the member's sentences about their pairs, with
	// their consent (testimonial.go).
	Testimonials []Testimonial
	// History is, for the member as a mentee, the verdict on each past
	// mentor (VerdictMet, VerdictNever), by the mentor's user ID.
	History map[string]string
	// Speed is the member's part in speed-mentoring events, which the
	// core reads from the SpeedStore (speed_export.go): PrivacyStore's
	// MemberData leaves it empty.
	Speed []SpeedTaking
	// Needs are the member's answers to needs surveys, and
	// CampaignOptOut whether they opted out of campaigns: read through
	// their own seams (memberData), erased by Erase with the rest.
	Needs          []NeedsAnswer
	CampaignOptOut bool
	// Goals are the goals the member set for their pairs, read through
	// their own seam (goals.go, memberData), erased by Erase with the rest.
	Goals []PairGoal
	// Pause is the member's pause (pause.go), read through its own seam;
	// nil when they have none.
	Pause *Pause
	// OpenedHome: the member opened their home (home_store.go), read
	// through its own seam, erased by Erase with the rest.
	OpenedHome bool
	// InstalledApp is when the member installed the app in the workspace
	// (by OAuth: its installation names them), nil if they did not.
	InstalledApp *time.Time
}

// Sort puts a member's data in its order: requests and proposals oldest
// first (then by ID), check-ins by pair and round, survey answers by
// survey and question, testimonials oldest first.
func (d *MemberData) Sort() {
	sort.Slice(d.Requests, func(i, j int) bool {
		a, b := d.Requests[i], d.Requests[j]
		return a.Created.Before(b.Created) || a.Created.Equal(b.Created) && a.ID < b.ID
	})
	sort.Slice(d.Proposals, func(i, j int) bool {
		a, b := d.Proposals[i], d.Proposals[j]
		return a.Created.Before(b.Created) || a.Created.Equal(b.Created) && a.ID < b.ID
	})
	sort.Slice(d.Checkins, func(i, j int) bool {
		a, b := d.Checkins[i], d.Checkins[j]
		return a.Pair < b.Pair || a.Pair == b.Pair && a.Round < b.Round
	})
	sort.Slice(d.Surveys, func(i, j int) bool {
		a, b := d.Surveys[i], d.Surveys[j]
		return a.Survey < b.Survey || a.Survey == b.Survey && a.Question < b.Question
	})
	SortTestimonials(d.Testimonials)
}

// SortTestimonials puts testimonials oldest first, then by pair and member.
func SortTestimonials(ts []Testimonial) {
	sort.Slice(ts, func(i, j int) bool {
		a, b := ts[i], ts[j]
		if !a.At.Equal(b.At) {
			return a.At.Before(b.At)
		}
		return a.Pair < b.Pair || a.Pair == b.Pair && a.Member.User < b.Member.User
	})
}

// Empty reports whether the bot keeps nothing about the member.
func (d MemberData) Empty() bool {
	return d.Member.ID.User == "" && !d.Manager && d.Offer == nil && len(d.Requests) == 0 &&
		len(d.Proposals) == 0 && len(d.Pairs) == 0 && len(d.Checkins) == 0 && len(d.Surveys) == 0 &&
		len(d.Charters) == 0 && len(d.History) == 0 && len(d.Testimonials) == 0 && len(d.Needs) == 0 && !d.CampaignOptOut
}

// CheckinAnswer is a member's answer to one check-in round of a pair.
type CheckinAnswer struct {
	Pair   string `json:"pair"`
	Round  string `json:"round"`
	Answer string `json:"answer"`
}

// CharterAcceptance is one acceptance of the charter, for a pair.
type CharterAcceptance struct {
	Pair    string    `json:"pair"`
	Version int       `json:"version"`
	At      time.Time `json:"at"`
}

// Erasure is what the core decided to erase of a member (PrivacyStore.Erase).
type Erasure struct {
	Member MemberID
	// Names are the member's display names: a kept message (a notice
	// waiting to be sent again, a manager's draft) that holds one goes.
	Names []string
	// Pairs are deleted, with their check-ins, surveys, flags and jobs:
	// the other member's record of them goes too.
	Pairs []string
	// Blank are pairs kept for the other member (who may still answer
	// "would you like a new match?"), with this member's side, goal,
	// check-ins and surveys removed.
	Blank []string
	// Requests and Proposals are deleted, with their indexes and jobs.
	Requests  []string
	Proposals []string
}

// Mentions reports whether a kept message v names the member: it holds
// their user ID or one of their names. Erase deletes such messages.
func (e Erasure) Mentions(v string) bool {
	if strings.Contains(v, e.Member.User) {
		return true
	}
	for _, n := range e.Names {
		if n != "" && strings.Contains(v, n) {
			return true
		}
	}
	return false
}

// Pruned counts what PrivacyStore.Prune deleted.
type Pruned struct {
	Pairs    int
	Requests int
}
