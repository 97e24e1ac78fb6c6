package matching

import "time"

// Mentor is a member offering mentoring, as seen at matching time.
type Mentor struct {
	ID        string
	Topics    []string // free text; compared after NormalizeTopic
	Languages []string // ISO 639-1 codes like "en", "fr"; "en-GB" counts as "en"
	UTCOffset int      // seconds east of UTC at matching time (the caller computes it from an IANA zone)
	NoTZ      bool     // the time zone is unknown: UTCOffset means nothing (see Need.NoTZ)
	Years     int      // years of experience; 0 (or less) means unknown
	Kinds     []Kind   // kinds accepted; empty means all kinds
	Capacity  int      // max active mentees
	Active    int      // current active mentees, pending proposals included
	Paused    bool     // the mentor paused their offer: never eligible, but counted apart by Explain
	// Programs are the programs the mentor offers in (see Need.Program).
	Programs []string
}

// Need is a mentee's request for a mentor.
type Need struct {
	ID        string   // request ID
	MenteeID  string   // the mentee; never proposed as their own mentor
	Topic     string   // free text; compared after NormalizeTopic
	Kind      Kind     // one of Kinds; another value is accepted only by mentors with no Kinds and scored like OneToOne
	Languages []string // acceptable languages, preferred first; empty means any
	UTCOffset int      // seconds east of UTC at matching time
	// NoTZ says the mentee's time zone is unknown. With it on either
	// side, no distance is known: the time-zone part scores as before (as
	// for 0 hours), MaxTZHours rejects nobody, and the time-zone reason
	// says "unknown" rather than claiming the same time zone.
	NoTZ    bool
	Years   int      // mentee's years of experience; 0 (or less) means unknown
	Exclude []string // mentor IDs not to propose for this need (they declined it, or cannot be reached)
	// NotAgain are the mentors this mentee is never paired with again
	// automatically (a proposal declined, a pair that did not work out,
	// on an earlier request): excluded like Exclude, but counted apart
	// (Explanation.NotAgain), since the reason told is not the same.
	NotAgain []string
	// Paired are the mentors who have a pair with this mentee on this
	// topic already, waiting for its charter or under way: never proposed
	// the same mentee on it again while that pair lasts, and counted apart
	// (Explanation.Paired), since the reason told is not the same.
	Paired []string
	Waited time.Duration // how long the request has waited; the caller computes it
	Met    []string      // mentor IDs this mentee was paired with before and met
	// Program, when set, is the program the need belongs to: only mentors
	// whose Programs list it are eligible. "" filters nobody.
	Program string
}
