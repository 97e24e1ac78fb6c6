package matching

// Explanation counts, for one need, how many mentors are eligible and why
// each other mentor was rejected. Each mentor is counted once, under the
// first hard filter that rejects it (see the package doc for the order),
// so the fields sum to the number of mentors.
type Explanation struct {
	Eligible      int
	NoTopic       int // offers no matching topic
	Self          int // the mentee themself, offering the topic
	Excluded      int // offers the topic, but declined this need (or is in Need.Exclude for another reason)
	NotAgain      int // offers the topic, but is in Need.NotAgain: not paired with this mentee again automatically
	Paired        int // offers the topic, but is in Need.Paired: has a pair with this mentee on it already
	Paused        int // offers the topic, but paused their offer
	NoLanguage    int // both sides list languages and none is shared
	KindMismatch  int // does not accept the kind
	NotLessSenior int // reverse mentoring, and the mentor is not less senior than the mentee
	NoCapacity    int // Active >= Capacity
	TooFar        int // beyond MaxTZHours
	OtherProgram  int // offers the topic, but not in the need's program (Need.Program)
}

// Offering counts the mentors, the mentee aside, who offer the need's
// topic: every mentor but those counted under NoTopic and Self.
func (e Explanation) Offering() int {
	return e.Eligible + e.Excluded + e.NotAgain + e.Paired + e.Paused + e.NoLanguage + e.KindMismatch +
		e.NotLessSenior + e.NoCapacity + e.TooFar + e.OtherProgram
}

// Declined reports whether every mentor who offers the topic was asked
// about this need already (or is not to be asked again): no other reason
// keeps anyone out.
func (e Explanation) Declined() bool {
	asked := e.Excluded + e.NotAgain
	return asked > 0 && e.Offering() == asked
}

// Explain tells why nobody (or few) fit need, so that the bot can tell a
// waiting member and the managers. Its Eligible equals len(Rank(...)).
func Explain(need Need, mentors []Mentor, opt Options) Explanation {
	n := newNeedProfile(need, opt.Synonyms)
	var e Explanation
	f := newTopicMemo(opt.Synonyms)
	var m mentorProfile
	for i := range mentors {
		m.reset(mentors[i], f)
		_, rej := assess(&n, &m, opt)
		switch rej {
		case eligible:
			e.Eligible++
		case rejNoTopic:
			e.NoTopic++
		case rejSelf:
			e.Self++
		case rejExcluded:
			e.Excluded++
		case rejNotAgain:
			e.NotAgain++
		case rejPaired:
			e.Paired++
		case rejOtherProgram:
			e.OtherProgram++
		case rejPaused:
			e.Paused++
		case rejNoLanguage:
			e.NoLanguage++
		case rejKindMismatch:
			e.KindMismatch++
		case rejNotLessSenior:
			e.NotLessSenior++
		case rejNoCapacity:
			e.NoCapacity++
		case rejTooFar:
			e.TooFar++
		}
	}
	return e
}
