package matching

import (
	"sync"
	"sync/atomic"
)

// rejection is why a mentor is not eligible for a need; the values follow
// the order in which the hard filters apply.
type rejection int

const (
	eligible rejection = iota
	rejNoTopic
	rejSelf
	rejExcluded
	rejNotAgain
	rejPaired
	rejOtherProgram
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
	var p mentorProfile
	p.reset(m, f)
	return p
}

// reset makes p the profile of m, reusing p's slices: Rank, Explain and
// Languages assess a topic's mentors one at a time and keep none of
// their profiles, so one profile's room serves them all.
func (p *mentorProfile) reset(m Mentor, f *topicMemo) {
	topics, kinds := p.topics[:0], p.kinds[:0]
	*p = mentorProfile{Mentor: m, langs: normalizeLanguages(m.Languages)}
	for _, t := range m.Topics {
		topics = append(topics, f.topic(t))
	}
	for _, k := range m.Kinds {
		kinds = append(kinds, canonicalKind(k))
	}
	p.topics, p.kinds = topics, kinds
}

// topicMemo folds topics for one call of Rank, Explain or Assign, folding
// each spelling once: the mentors of a workspace share most of their
// topics, and folding is most of the cost of a mentor's profile.
type topicMemo struct {
	syn  Synonyms
	memo map[string]topic
}

func newTopicMemo(syn Synonyms) *topicMemo { return &topicMemo{syn: syn} }

func (f *topicMemo) topic(raw string) topic {
	if len(f.syn) == 0 {
		return foldedTopic(raw)
	}
	if t, ok := f.memo[raw]; ok {
		return t
	}
	if f.memo == nil {
		f.memo = make(map[string]topic, 64)
	}
	t := f.syn.topic(raw)
	f.memo[raw] = t
	return t
}

// maxFoldedTopics bounds foldedTopics: past it the cache starts again
// empty.
const maxFoldedTopics = 20_000

// foldedTopics keeps, across calls, the topics NormalizeTopic folds (a
// workspace without synonyms): a request ranks a topic's hundreds of
// mentors, whose topics are the same from one request to the next, and
// a per-call memo cost more in map growth than the folding it spared.
// Most lookups find the topic in read, a map never written once
// published, without a lock (a sync.Map's lookup cost half of Explain);
// a topic folded since waits in dirty, under mu, until enough lookups
// went there that publishing read and dirty together pays for the copy.
var foldedTopics struct {
	read   atomic.Pointer[map[string]topic]
	mu     sync.Mutex
	dirty  map[string]topic
	misses int // lookups that went to dirty since read was published
}

func foldedTopic(raw string) topic {
	if m := foldedTopics.read.Load(); m != nil {
		if t, ok := (*m)[raw]; ok {
			return t
		}
	}
	return foldedTopicSlow(raw)
}

// foldedTopicSlow looks raw up in dirty, folding it if need be, and
// publishes read and dirty together once the lookups that went to dirty
// number as many as its entries and a sixteenth of read's: so each
// topic's copy is paid for by lookups, and a stream of new topics costs
// at most 16 copies per lookup. Past maxFoldedTopics, dirty alone is
// published.
func foldedTopicSlow(raw string) topic {
	c := &foldedTopics
	c.mu.Lock()
	defer c.mu.Unlock()
	t, ok := c.dirty[raw]
	if !ok {
		t = newTopic(raw)
		if c.dirty == nil {
			c.dirty = map[string]topic{}
		}
		c.dirty[raw] = t
	}
	c.misses++
	var read map[string]topic
	if m := c.read.Load(); m != nil {
		read = *m
	}
	if c.misses < max(len(c.dirty), len(read)/16) {
		return t
	}
	next := c.dirty
	if len(read)+len(c.dirty) <= maxFoldedTopics {
		next = make(map[string]topic, len(read)+len(c.dirty))
		for k, v := range read {
			next[k] = v
		}
		for k, v := range c.dirty {
			next[k] = v
		}
	}
	c.read.Store(&next)
	c.dirty, c.misses = nil, 0
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
// set), in need.Exclude, need.NotAgain or need.Paired.
func (n *needProfile) excluded(mentorID string) bool {
	if n.MenteeID != "" && mentorID == n.MenteeID {
		return true
	}
	return contains(n.Exclude, mentorID) || contains(n.NotAgain, mentorID) || contains(n.Paired, mentorID)
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

// inProgram reports whether the mentor offers in the need's program (any
// mentor when the need names none).
func (n *needProfile) inProgram(m *mentorProfile) bool {
	return n.Program == "" || contains(m.Programs, n.Program)
}
