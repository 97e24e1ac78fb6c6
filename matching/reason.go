package matching

import "strconv"

// ReasonCode names what a Reason is about.
type ReasonCode string

// Reason codes, in the order they appear in Candidate.Reasons.
const (
	ReasonTopic      ReasonCode = "topic"      // Detail = the mentor topic that matched; Exact tells exact vs related
	ReasonLanguage   ReasonCode = "language"   // Detail = the shared language, "" when either side lists none
	ReasonTimeZone   ReasonCode = "timezone"   // Hours = distance around the clock in whole hours, which the score uses (0 = same time on both clocks); Detail = TZUnknown when either side's zone is unknown, else the true difference of the offsets in minutes when it is not Hours whole hours (TimeZoneReason, Reason.Minutes)
	ReasonKind       ReasonCode = "kind"       // Detail = kind accepted
	ReasonExperience ReasonCode = "experience" // Detail = ExperienceSimilar, ExperienceJunior or ExperienceSenior; Years = mentor years, MenteeYears = the mentee's
	ReasonWaited     ReasonCode = "waited"     // Days = whole days the request has waited (at least 1; it got Score.Wait); Detail = WaitedOnly when the request was not first in line for the mentor
	ReasonMetBefore  ReasonCode = "met-before" // the mentor is in Need.Met: a repeat, proposed because no other mentor who fits had a slot left (Rank: none has one; Assign: the round gave theirs to other needs)
)

// WaitedOnly is the Detail of a ReasonWaited that tells the wait alone,
// without claiming that it put the request first in line: Assign sets it
// when a request of the round that could take the same mentor, and is
// left without one, has waited longer. An empty Detail claims it: Rank,
// which sees one request, leaves it empty (it is first among the requests
// it sees); a caller that cannot tell sets WaitedOnly.
const WaitedOnly = "only"

// TZUnknown is the Detail of a ReasonTimeZone when the mentee's or the
// mentor's time zone is unknown (Need.NoTZ, Mentor.NoTZ).
const TZUnknown = "unknown"

// Reason is one fact that explains a proposal. Only the fields named by
// the comment of its Code are set.
type Reason struct {
	Code   ReasonCode
	Detail string
	Hours  int
	Years  int
	Exact  bool
	Days   int
	// MenteeYears is the mentee's years beside Years, the mentor's (for
	// ReasonExperience): "similar" is said of both.
	MenteeYears int
}

// Score holds the part scores of a candidate, each in [0,1], their
// weighted mean Total (see Weights), the bonuses Wait and Load (see
// Options) and Value = Total + Wait + Load, which Rank and Assign
// maximise (after repeat avoidance).
type Score struct {
	Topic, Language, TimeZone, Kind, Total float64
	Wait, Load, Value                      float64
}

// Candidate is an eligible mentor with its score and reasons. Reasons come
// in a fixed order: topic, language, timezone, kind, then experience when
// both the mentor's and the mentee's years are known, then waited when
// the need has waited a day or more with a waiting bonus, then met-before
// when the mentor is in Need.Met.
//
// AvoidedRepeat is true when repeat avoidance moved this candidate up:
// without it, an eligible mentor in Need.Met would rank above it.
type Candidate struct {
	MentorID      string
	Score         Score
	Reasons       []Reason
	AvoidedRepeat bool
}

// TimeZoneReason is the ReasonTimeZone of two known UTC offsets (seconds
// east of UTC): Hours as TZDistanceHours says, the distance around the
// clock that the score uses, and, when the true difference of the offsets
// (TZGapMinutes) is not Hours whole hours, that difference in minutes in
// Detail, so that what the members read is true:
//
//   - "210" for UTC+5:30 and UTC+9, whose Hours is 4: "3 h 30", not "4 h";
//   - "810" for Los Angeles (UTC-8) and Kolkata (UTC+5:30), whose Hours is
//     11 (10 h 30 around the clock): "13 h 30", not "10 h 30";
//   - "840" for Montréal (UTC-5) and Tokyo (UTC+9) in January, whose
//     Hours is 10: "14 h".
//
// A reason written before Detail held the true difference holds the
// distance around the clock there (or nothing, for whole hours), which is
// the true difference whenever the two offsets are at most 12 h apart.
func TimeZoneReason(a, b int) Reason {
	return tzReasonOf(TZDistanceHours(a, b), TZGapMinutes(a, b))
}

// tzReasonOf is the ReasonTimeZone of a distance around the clock in
// rounded hours and of the true difference of the offsets in minutes.
func tzReasonOf(hours, gap int) Reason {
	r := Reason{Code: ReasonTimeZone, Hours: hours}
	if gap != hours*60 {
		r.Detail = strconv.Itoa(gap)
	}
	return r
}

// Minutes returns the true difference between the UTC offsets of a
// ReasonTimeZone, in minutes: Detail's when it holds them, else Hours'
// (whole hours, and reasons kept from before Detail held the minutes); ok
// is false when the difference is unknown (TZUnknown) or r is not a
// time-zone reason. The score's Hours, a distance around the clock, can
// be smaller: never more than 12.
func (r Reason) Minutes() (minutes int, ok bool) {
	if r.Code != ReasonTimeZone || r.Detail == TZUnknown {
		return 0, false
	}
	if m, err := strconv.Atoi(r.Detail); err == nil && m >= 0 {
		return m, true
	}
	return r.Hours * 60, true
}
