package matching

// rejection is why a mentor is not eligible for a need; the values follow
// the order in which the hard filters apply.
type rejection int

const (
	eligible rejection = iota
	rejNoTopic
	rejSelf
	rejExcluded
	rejPaused
	rejNoLanguage
	rejKindMismatch
	rejNotLessSenior
	rejNoCapacity
	rejTooFar
)

// mentorProfile is a Mentor with its topics, languages and kinds
// normalised once, so that matching it against many needs is cheap.
type mentorProfile struct {
	Mentor
	topics []topic
	langs  []string
	kinds  []Kind
}

func newMentorProfile(m Mentor, f *topicMemo) mentorProfile {
	p := mentorProfile{Mentor: m, langs: normalizeLanguages(m.Languages), topics: make([]topic, 0, len(m.Topics))}
	for _, t := range m.Topics {
		p.topics = append(p.topics, f.topic(t))
	}
	for _, k := range m.Kinds {
		p.kinds = append(p.kinds, canonicalKind(k))
	}
	return p
}

// topicMemo folds topics for one call of Rank, Explain or Assign, folding
// each spelling once: the mentors of a workspace share most of their
// topics, and folding is most of the cost of a mentor's profile.
type topicMemo struct {
	syn  Synonyms
	memo map[string]topic
}

func newTopicMemo(syn Synonyms) *topicMemo { return &topicMemo{syn: syn, memo: map[string]topic{}} }

func (f *topicMemo) topic(raw string) topic {
	if t, ok := f.memo[raw]; ok {
		return t
	}
	t := f.syn.topic(raw)
	f.memo[raw] = t
	return t
}

// needProfile is a Need with its topic, languages and kind normalised.
type needProfile struct {
	Need
	topic topic
	langs []string
	kind  Kind
}

func newNeedProfile(n Need, syn Synonyms) needProfile {
	return needProfile{
		Need:  n,
		topic: syn.topic(n.Topic),
		langs: normalizeLanguages(n.Languages),
		kind:  canonicalKind(n.Kind),
	}
}

// excluded reports whether the mentor is the mentee (when MenteeID is
// set) or in need.Exclude.
func (n *needProfile) excluded(mentorID string) bool {
	if n.MenteeID != "" && mentorID == n.MenteeID {
		return true
	}
	return contains(n.Exclude, mentorID)
}

func contains(ids []string, id string) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// accepts reports whether the mentor accepts kind k (an empty list
// accepts every kind).
func (m *mentorProfile) accepts(k Kind) bool {
	if len(m.kinds) == 0 {
		return true
	}
	for _, mk := range m.kinds {
		if mk == k {
			return true
		}
	}
	return false
}

// hasRoom reports whether the mentor can take one more mentee: not
// paused, with a free slot. A negative Active counts as zero.
func (m *mentorProfile) hasRoom() bool {
	return !m.Paused && max(m.Active, 0) < m.Capacity
}
