package matching

import "strconv"

// ReasonCode names what a Reason is about.
type ReasonCode string

// Reason codes, in the order they appear in Candidate.Reasons.
const (
	ReasonTopic      ReasonCode = "topic"      // Detail = the mentor topic that matched; Exact tells exact vs related
	ReasonLanguage   ReasonCode = "language"   // Detail = the shared language, "" when either side lists none
	ReasonTimeZone   ReasonCode = "timezone"   // Hours = distance in whole hours (0 = same time zone); Detail = TZUnknown when either side's zone is unknown, else the exact distance in minutes when it is not whole hours (TimeZoneReason, Reason.Minutes)
	ReasonKind       ReasonCode = "kind"       // Detail = kind accepted
	ReasonExperience ReasonCode = "experience" // Detail = ExperienceSimilar, ExperienceJunior or ExperienceSenior; Years = mentor years
	ReasonWaited     ReasonCode = "waited"     // Days = whole days the request has waited (at least 1; it got Score.Wait)
	ReasonMetBefore  ReasonCode = "met-before" // the mentor is in Need.Met: a repeat, proposed because no other mentor was free
)

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
// east of UTC): Hours as TZDistanceHours says, which the score uses, and,
// when the distance is not whole hours, the exact distance in minutes in
// Detail ("210" for UTC+5:30 and UTC+9, whose Hours is 4), so that what
// the members read is true: "3 h 30 apart", not "4 h apart".
func TimeZoneReason(a, b int) Reason {
	return tzReasonOf(TZDistanceHours(a, b), TZDistanceMinutes(a, b))
}

// tzReasonOf is the ReasonTimeZone of a distance in rounded hours and in
// minutes.
func tzReasonOf(hours, minutes int) Reason {
	r := Reason{Code: ReasonTimeZone, Hours: hours}
	if minutes%60 != 0 {
		r.Detail = strconv.Itoa(minutes)
	}
	return r
}

// Minutes returns the distance of a ReasonTimeZone in minutes: Detail's
// when it holds them, else Hours' (whole hours, and reasons kept from
// before Detail held the minutes); ok is false when the distance is
// unknown (TZUnknown) or r is not a time-zone reason.
func (r Reason) Minutes() (minutes int, ok bool) {
	if r.Code != ReasonTimeZone || r.Detail == TZUnknown {
		return 0, false
	}
	if m, err := strconv.Atoi(r.Detail); err == nil && m >= 0 {
		return m, true
	}
	return r.Hours * 60, true
}
