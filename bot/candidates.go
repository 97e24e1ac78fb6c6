package bot

import (
	"context"
	"strings"
	"sync"
	"time"

	"github.com/mentorbot/mentorbot/matching"
)

// CandidateStore reads an instant proposal's candidates (matchmaker.go).
type CandidateStore interface {
	// Candidates returns the offers filed under any of keys, each once, in
	// mentor ID order, with the slots each mentor has taken, and the
	// mentee's history (mentor → verdict, as Histories reads it; nil if
	// none). It reads as little as it can: the counters of mentors with
	// room only, and profiles only when they changed since the last read.
	Candidates(ctx context.Context, t Tenant, keys []string, mentee string) (Candidates, error)

	// Mentees reads the mentees of a round: for each of users, their
	// record, their history (as Histories reads it) and their pairs (as
	// PairsOf reads them: every state, newest first). A user with none of
	// the three is left out. Two round trips, whatever the number of
	// users.
	Mentees(ctx context.Context, t Tenant, users []string) (map[string]Mentee, error)
}

// Mentee is what a round knows of a waiting request's mentee
// (CandidateStore.Mentees).
type Mentee struct {
	Member  Member // only ID is set when Known is false
	Known   bool   // the member has a record
	History map[string]string
	Pairs   []Pair
}

// Candidates are a request's candidates as CandidateStore reads them.
type Candidates struct {
	// Offers may be shared with other reads: read-only. Their Active and
	// Pending are not set: Taken says how many slots are taken.
	Offers []Offer
	// Taken[i] is Offers[i]'s mentor's open proposals plus the pairs
	// holding a slot; for a mentor at capacity it may be their capacity
	// alone, the counters not read.
	Taken   []int
	History map[string]string
	// MenteePairs counts the mentee's pairs in their pair index, every
	// state (read with their history, at no cost): the core reads them
	// (PairsOf) only when there are some, to keep out the mentors who
	// have a pair with the mentee on the topic already (pairedMentors).
	MenteePairs int
	// Stamp names the version of Offers' profiles: two reads with the
	// same stamp read the same profiles (their counters aside). "" when
	// the store keeps no such version.
	Stamp string
}

// rankedPerSlot is how many candidates one ranking slot stands for. A
// request takes as much of a slot as it has candidates: at least one
// candidate's worth, at most a whole slot. A request on a topic of
// thousands holds a slot as before, so the mentors being read and ranked
// at once, and the memory they take, stay bounded as they were; requests
// on smaller topics, which are most of them, share a slot (four on a
// topic of 250) instead of queueing for it. More at once (a whole pool's
// worth of slots for one topic of 250, tried) only adds capacity races:
// the requests read the same free mentors before any proposal lands.
const rankedPerSlot = 1000

// rankSlots is a weighted semaphore, first come first served: a request
// with many candidates waits for room without being passed over by the
// smaller requests that arrive after it.
type rankSlots struct {
	mu      sync.Mutex
	size    int
	free    int
	waiters []*rankWaiter
}

type rankWaiter struct {
	n     int
	ready chan struct{}
}

func newRankSlots(slots int) *rankSlots {
	return &rankSlots{size: slots * rankedPerSlot, free: slots * rankedPerSlot}
}

// acquire waits until n candidates' worth is free (a whole slot at most),
// or ctx ends, and returns its release.
func (s *rankSlots) acquire(ctx context.Context, n int) (func(), error) {
	n = min(max(n, 1), rankedPerSlot)
	s.mu.Lock()
	if len(s.waiters) == 0 && s.free >= n {
		s.free -= n
		s.mu.Unlock()
		return func() { s.release(n) }, nil
	}
	w := &rankWaiter{n: n, ready: make(chan struct{})}
	s.waiters = append(s.waiters, w)
	s.mu.Unlock()
	select {
	case <-w.ready:
		return func() { s.release(n) }, nil
	case <-ctx.Done():
		s.mu.Lock()
		select {
		case <-w.ready:
			// Granted meanwhile: give it back.
			s.mu.Unlock()
			s.release(n)
		default:
			for i, x := range s.waiters {
				if x == w {
					s.waiters = append(s.waiters[:i], s.waiters[i+1:]...)
					break
				}
			}
			s.wake() // those behind it may fit now
			s.mu.Unlock()
		}
		return nil, ctx.Err()
	}
}

func (s *rankSlots) release(n int) {
	s.mu.Lock()
	s.free += n
	s.wake()
	s.mu.Unlock()
}

// wake grants the waiters at the head of the queue that fit; s.mu held.
func (s *rankSlots) wake() {
	for len(s.waiters) > 0 && s.waiters[0].n <= s.free {
		w := s.waiters[0]
		s.waiters[0] = nil
		s.waiters = s.waiters[1:]
		s.free -= w.n
		close(w.ready)
	}
}

// proposing counts, per mentor, the proposals this process is recording
// at this moment (Propose in flight). A request ranking meanwhile counts
// them as taken slots: requests on one topic rank its mentors alike, so
// without this, those that read the counters at once all propose to the
// same best mentor, and all but one find them full (ECAPACITY) and try the
// next, one Redis script per try. The store's check stays the guarantee:
// this only spares most of the lost races within one replica.
type proposing struct {
	mu sync.Mutex
	n  map[MemberID]int
}

// start counts a proposal to mentor as in flight until its done is called.
func (p *proposing) start(mentor MemberID) (done func()) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.n == nil {
		p.n = map[MemberID]int{}
	}
	p.n[mentor]++
	return func() {
		p.mu.Lock()
		defer p.mu.Unlock()
		if p.n[mentor]--; p.n[mentor] <= 0 {
			delete(p.n, mentor)
		}
	}
}

// count adds the proposals in flight to the mentors of tenant t as load.
func (p *proposing) count(t Tenant, mentors []matching.Mentor) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.n) == 0 {
		return
	}
	for i := range mentors {
		mentors[i].Active += p.n[t.Member(mentors[i].ID)]
	}
}

// waitCache keeps why requests wait on a topic whose mentors are all full,
// for the requests alike that follow: on a topic of hundreds of mentors
// with no slot left, each request would otherwise assess every mentor
// again to learn the same thing. An entry holds for one version of the
// topic's offers (Candidates.Stamp: a changed offer is a new version) and
// a need that differs in nothing Explain reads; it is used only while no
// mentor of the topic has a free slot, and for needs with no mentor to
// exclude, a mentee who offers nothing there, and no workspace synonyms.
// Bounded: past maxWaits entries it starts again empty.
type waitCache struct {
	mu sync.Mutex
	m  map[waitKey]waitEntry
}

// maxWaits bounds the explanations kept; waitTTL how long one is served:
// the mentors' time zones move at daylight saving, which no version of
// the offers says.
const (
	maxWaits = 4096
	waitTTL  = time.Minute
)

// waitKey is what an explanation on a full topic depends on.
type waitKey struct {
	tenant                      Tenant
	stamp                       string
	topic, kind, langs, program string
	utc, years, maxTZ           int
	noTZ                        bool
}

type waitEntry struct {
	why    matching.Explanation
	gap    matching.LanguageGap
	others []Program // where the mentors in other programs could take it (otherPrograms)
	at     time.Time
}

// waitKeyOf returns the key of a wait on the candidates c for need, or
// false when the explanation may not be shared: the store keeps no
// version of the offers, a mentor has room, the need excludes mentors
// (declined, or not again: the mentee's history; or paired with the
// mentee on the topic already),
// the mentee offers the topic, or the workspace has synonyms.
func waitKeyOf(t Tenant, c Candidates, need matching.Need, opt matching.Options) (waitKey, bool) {
	if c.Stamp == "" || len(c.Offers) == 0 || len(need.Exclude) > 0 || len(need.NotAgain) > 0 || len(need.Paired) > 0 || len(opt.Synonyms) > 0 {
		return waitKey{}, false
	}
	for i, o := range c.Offers {
		if c.Taken[i] < o.Capacity || o.Mentor.User == need.MenteeID {
			return waitKey{}, false
		}
	}
	return waitKey{
		tenant: t, stamp: c.Stamp,
		topic: need.Topic, kind: string(need.Kind), langs: strings.Join(need.Languages, ","), program: need.Program,
		utc: need.UTCOffset, years: need.Years, maxTZ: opt.MaxTZHours, noTZ: need.NoTZ,
	}, true
}

func (w *waitCache) get(k waitKey, now time.Time) (waitEntry, bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	e, ok := w.m[k]
	return e, ok && now.Sub(e.at) < waitTTL
}

func (w *waitCache) put(k waitKey, e waitEntry) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.m == nil || len(w.m) >= maxWaits {
		w.m = map[waitKey]waitEntry{}
	}
	w.m[k] = e
}
