package matching

// ReasonCode names what a Reason is about.
type ReasonCode string

// Reason codes, in the order they appear in Candidate.Reasons.
const (
	ReasonTopic      ReasonCode = "topic"      // Detail = the mentor topic that matched; Exact tells exact vs related
	ReasonLanguage   ReasonCode = "language"   // Detail = the shared language, "" when either side lists none
	ReasonTimeZone   ReasonCode = "timezone"   // Hours = distance in whole hours (0 = same time zone); Detail = TZUnknown when either side's zone is unknown
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
