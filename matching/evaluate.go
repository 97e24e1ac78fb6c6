package matching

// match is the outcome of scoring one eligible (need, mentor) pair: the
// score and what its reasons need.
type match struct {
	score       Score
	topicDetail string
	topicExact  bool
	langDetail  string
	hours       int
	gap         int // the true difference of the offsets in minutes, for the reason (TimeZoneReason)
	unknownTZ   bool
	met         bool // the mentor is in Need.Met
}

// assess applies the hard filters in their documented order and, when the
// mentor passes them all, scores it. The topic comes first, so that a
// mentor who declined, or the mentee themself, counts as excluded only
// when they offer the topic: otherwise nobody offers it. The match is meaningful only when the
// rejection is eligible.
func assess(n *needProfile, m *mentorProfile, opt Options) (match, rejection) {
	topicScore, topicDetail, exact := matchTopic(n.topic, m.topics, opt.NarrowerOffers)
	switch {
	case topicScore == 0:
		return match{}, rejNoTopic
	case n.MenteeID != "" && m.ID == n.MenteeID:
		return match{}, rejSelf
	case contains(n.Exclude, m.ID):
		return match{}, rejExcluded
	case contains(n.NotAgain, m.ID):
		return match{}, rejNotAgain
	case contains(n.Paired, m.ID):
		return match{}, rejPaired
	}
	return assessRest(n, m, opt, topicMatch{topicScore, topicDetail, exact})
}

// topicMatch is what matchTopic says of a need's topic and a mentor.
type topicMatch struct {
	score  float64
	detail string
	exact  bool
}

// assessRest applies the hard filters after the topic, whose match tm is
// known, and scores the pair.
func assessRest(n *needProfile, m *mentorProfile, opt Options, tm topicMatch) (match, rejection) {
	topicScore, topicDetail, exact := tm.score, tm.detail, tm.exact
	if !n.inProgram(m) {
		return match{}, rejOtherProgram
	}
	langScore, langDetail, ok := matchLanguage(n.langs, m.langs)
	if !ok {
		return match{}, rejNoLanguage
	}
	if !m.accepts(n.kind) {
		return match{}, rejKindMismatch
	}
	if !reverseAllowed(n.kind, m.Years, n.Years) {
		return match{}, rejNotLessSenior
	}
	unknownTZ := m.NoTZ || n.NoTZ
	hours := TZDistanceHours(m.UTCOffset, n.UTCOffset)
	if unknownTZ {
		hours = 0
	}
	// A pause ends and a slot frees up; a language, a kind, seniority or
	// distance do not: a paused or full mentor who would not fit anyway
	// is counted for what keeps them out for good, so that "their offer
	// is paused" or "no free slot" never promises a mentor who will not
	// come.
	if opt.MaxTZHours > 0 && hours > opt.MaxTZHours {
		return match{}, rejTooFar
	}
	if m.Paused {
		return match{}, rejPaused
	}
	if !m.hasRoom() {
		return match{}, rejNoCapacity
	}
	s := Score{
		Topic:    topicScore,
		Language: langScore,
		TimeZone: timeZoneScore(hours),
		Kind:     kindFit(n.kind, m.Years, n.Years),
	}
	s.Total = opt.Weights.total(s)
	s.Wait = opt.waitBonus(&n.Need)
	s.Load = opt.loadBonus(&m.Mentor)
	s.Value = s.Total + s.Wait + s.Load
	return match{score: s, topicDetail: topicDetail, topicExact: exact, langDetail: langDetail, hours: hours,
		gap: TZGapMinutes(m.UTCOffset, n.UTCOffset), unknownTZ: unknownTZ, met: contains(n.Met, m.ID)}, eligible
}

// candidate builds the Candidate for an eligible pair assessed as mt, with
// its reasons in the documented order.
func candidate(n *needProfile, m *mentorProfile, mt match) Candidate {
	return candidateOf(n, m.ID, m.Years, mt)
}

// candidateOf is candidate for the mentor with this ID and years.
func candidateOf(n *needProfile, id string, years int, mt match) Candidate {
	reasons := make([]Reason, 0, 7)
	reasons = append(reasons,
		Reason{Code: ReasonTopic, Detail: mt.topicDetail, Exact: mt.topicExact},
		Reason{Code: ReasonLanguage, Detail: mt.langDetail},
		tzReason(mt),
		Reason{Code: ReasonKind, Detail: string(n.kind)},
	)
	if d, ok := experienceDetail(n.kind, years, n.Years); ok {
		r := Reason{Code: ReasonExperience, Detail: d, Years: years}
		if d == ExperienceSimilar {
			r.MenteeYears = n.Years // "similar" is said of both
		}
		reasons = append(reasons, r)
	}
	if days := int(n.Waited.Hours() / 24); days >= 1 && mt.score.Wait > 0 {
		reasons = append(reasons, Reason{Code: ReasonWaited, Days: days})
	}
	if mt.met {
		reasons = append(reasons, Reason{Code: ReasonMetBefore})
	}
	return Candidate{MentorID: id, Score: mt.score, Reasons: reasons}
}

// tzReason is the time-zone reason of a match: the distance, or
// TZUnknown when either side's time zone is unknown.
func tzReason(mt match) Reason {
	if mt.unknownTZ {
		return Reason{Code: ReasonTimeZone, Detail: TZUnknown}
	}
	return tzReasonOf(mt.hours, mt.gap)
}
