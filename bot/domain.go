package bot

import (
	"time"

	"github.com/mentorbot/mentorbot/matching"
)

// Kind is a kind of mentoring; the matching package defines them.
type Kind = matching.Kind

// Offer is a mentor's standing offer to help.
type Offer struct {
	Mentor    MemberID
	Topics    []string
	Capacity  int // active mentees at once
	Languages []Lang
	TZ        string
	Years     int
	Kinds     []Kind // empty means every kind
	Paused    bool
	Active    int // pairs holding a slot (charter or active); kept by the store
	Pending   int // proposals waiting for an answer; kept by the store
	Updated   time.Time
	// Keys are the index keys of the topics, computed by the core; the
	// store indexes by them and never folds topics.
	Keys []string
	// Programs are the programs the mentor offers in; none means the
	// default program alone (InPrograms).
	Programs []ProgramID
}

// DefaultCapacity is the capacity of an offer that does not say.
const DefaultCapacity = 2

// RequestState is where a request stands.
type RequestState string

// Request states.
const (
	RequestWaiting   RequestState = "waiting"   // no mentor is looking at it
	RequestProposed  RequestState = "proposed"  // a proposal is pending
	RequestPaired    RequestState = "paired"    // a mentor accepted
	RequestCancelled RequestState = "cancelled" // withdrawn by the mentee
)

// Open reports whether the request still wants a mentor.
func (s RequestState) Open() bool { return s == RequestWaiting || s == RequestProposed }

// Request is a mentee's ask for help on a topic.
type Request struct {
	ID     string
	Mentee MemberID
	Topic  string
	Kind   Kind
	// Languages the mentee accepts for this request, preferred first;
	// none means the languages the mentee speaks (Member.Spoken).
	Languages []Lang
	Goal      string
	State     RequestState
	Proposal  string // ID of the pending proposal, if any
	Declined  []string
	Created   time.Time
	// Keys are the index keys of the topic, computed by the core; the
	// store indexes by them and never folds topics.
	Keys []string
	// Program is the program the request belongs to; "" is the default
	// program (InProgram).
	Program ProgramID
}

// ProposalState is where a proposal stands.
type ProposalState string

// Proposal states.
const (
	ProposalPending   ProposalState = "pending"
	ProposalAccepted  ProposalState = "accepted"
	ProposalDeclined  ProposalState = "declined"
	ProposalWithdrawn ProposalState = "withdrawn" // the request was cancelled
	ProposalExpired   ProposalState = "expired"   // the mentor did not answer in time
	// ProposalUndelivered: the proposal could not reach the mentor (their
	// direct messages are closed): not their decline (ReleaseProposal).
	ProposalUndelivered ProposalState = "undelivered"
)

// Proposal asks one mentor to take one request.
type Proposal struct {
	ID      string
	Request string
	Mentor  MemberID
	Mentee  MemberID
	Topic   string
	Kind    Kind
	Goal    string
	Reasons []matching.Reason
	Score   float64
	State   ProposalState
	Created time.Time
	// RequestKeys are the request's index keys as the core read them
	// (Request.Keys), so that Propose need not read them again; the store
	// checks them and reads them afresh only if they changed. Not stored.
	RequestKeys []string
}

// Verdicts on a past pairing of a mentee with a mentor (Store.RememberPair).
const (
	VerdictMet   = "met"   // they met: not paired again while another mentor fits
	VerdictNever = "never" // declined or ended as not working out: never again automatically
)

// PairState is where a pair stands.
type PairState string

// Pair states.
const (
	PairCharter   PairState = "charter"   // formed, waiting for both charter acceptances
	PairActive    PairState = "active"    // official: introduced
	PairCompleted PairState = "completed" // the program ended
	PairCancelled PairState = "cancelled" // ended early
)

// Closed reports whether the pair is over: completed or cancelled. Closed
// pairs are what retention prunes (PrivacyStore.Prune).
func (s PairState) Closed() bool { return s == PairCompleted || s == PairCancelled }

// Pair is a mentor and a mentee working together.
type Pair struct {
	ID       string
	Request  string
	Proposal string
	Mentor   MemberID
	Mentee   MemberID
	Topic    string
	Kind     Kind
	Goal     string
	Reasons  []matching.Reason
	State    PairState
	Room     string // video-call URL
	// Thread is the conversation the pair's introduction opened, where
	// their later messages go on (ChannelIntroducer): a Discord private
	// thread; "" on other platforms, or by direct message.
	Thread    string
	Created   time.Time
	Official  time.Time // when both accepted the charter
	MentorAck int       // charter version the mentor accepted for this pair, 0 if not yet
	MenteeAck int
	Met       time.Time // first "yes, we have been in touch"
	NotYet    int       // "not yet" answers to check-ins
	Stalled   bool      // no contact after the check-ins (the rule: Stalled): managers look at it
	Ended     time.Time // completed or cancelled
	EndReason string    // why it was cancelled: "not-working", "low-rating", "charter", ...
}

// Relationship reports whether the pair runs over the program length (one-
// to-one, peer, reverse) rather than being one flash session.
func (p Pair) Relationship() bool { return p.Kind != matching.Flash }

// Role returns "mentor" or "mentee" for m in the pair, "" if m is in neither role.
func (p Pair) Role(m MemberID) string {
	switch m {
	case p.Mentor:
		return "mentor"
	case p.Mentee:
		return "mentee"
	}
	return ""
}

// Accepted reports whether m, a member of the pair, accepted its charter.
func (p Pair) Accepted(m MemberID) bool {
	switch m {
	case p.Mentor:
		return p.MentorAck > 0
	case p.Mentee:
		return p.MenteeAck > 0
	}
	return false
}

// Other returns the member of the pair who is not m.
func (p Pair) Other(m MemberID) MemberID {
	if m == p.Mentor {
		return p.Mentee
	}
	return p.Mentor
}

// Charter is the program charter, versioned, in each language.
type Charter struct {
	Version int
	Text    map[Lang]string
	Updated time.Time
}

var allKinds = matching.Kinds

// Overview is a member's offer (nil if none), open request (nil if none)
// and pairs, with the names of the other members of the pairs by user ID
// ("" when the bot has no name for them).
type Overview struct {
	Offer   *Offer
	Request *Request
	Pairs   []Pair
	Names   map[string]string
}

// SurveyID names a survey of a pair: "<pair>:<stage>", stage flash, mid or end.
type SurveyID string

// Survey stages.
const (
	SurveyFlash = "flash"
	SurveyMid   = "mid"
	SurveyEnd   = "end"
)
