package inmem

import (
	"errors"
	"sort"
	"strconv"
	"sync"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/matching"
)

// Store implements bot.Store in memory. The zero value is not usable: call
// New.
type Store struct {
	mu     sync.Mutex
	now    func() time.Time // the clock of expiries
	spaces map[bot.Tenant]*space
	known  map[bot.Tenant]bool  // Tenants: workspaces registered for scheduled work
	locks  map[string]time.Time // TryLock: name → expiry
}

var _ bot.Store = (*Store)(nil)

// New returns an empty store whose values expire by now (time.Now if nil).
func New(now func() time.Time) *Store {
	if now == nil {
		now = time.Now
	}
	return &Store{now: now, spaces: map[bot.Tenant]*space{}, known: map[bot.Tenant]bool{}, locks: map[string]time.Time{}}
}

// space is one workspace's data. Its maps hold values, never pointers, so
// that Dump prints everything. Each field names the Redis keys it stands
// for (store/keys.go).
type space struct {
	members   map[string]bot.Member         // member:<user>
	offers    map[string]bot.Offer          // offer:<user> as saved (counters in load), offers, prof
	load      map[string]slots              // the offers' counters: load, offer:<user> active/pending
	raises    raiseSpace                    // offer:<user> raise:<pair> (speed_raises.go)
	offerKeys map[string]set                // tk:<key>
	requests  map[string]request            // req:<id>
	declined  map[string]set                // req:<id>:declined
	open      map[string]string             // openreq:<user>
	waiting   zset                          // waiting
	waitingBy map[string]zset               // wk:<key>
	proposals map[string]bot.Proposal       // prop:<id>
	pairs     map[string]bot.Pair           // pair:<id>
	pairsOf   map[string]zset               // pairs:<user>
	history   map[string]map[string]string  // hist:<user>
	charter   *charter                      // charter
	charters  []acceptance                  // charterlog
	jobs      zset                          // jobs
	checkins  map[string]map[string]string  // checkin:<pair>
	meetings  map[string]bot.Meeting        // meeting:<pair> (meetings.go)
	surveys   map[string]map[string]string  // survey:<survey>:<user>
	quotes    map[string]bot.Testimonial    // quote:<pair>:<user> (testimonials.go)
	sent      map[string]expiring           // sent:<key>
	notices   map[string]expiring           // notice:<id> (JSON)
	seen      map[string]expiring           // seen:<key>
	inbox     map[string]expiring           // inbox:<id>
	inboxOf   map[string]set                // inboxof:<user>: the member's inbox IDs not yet handled (lazily made; no empty set)
	drafts    map[string]expiring           // draft:<id>
	settings  map[string]string             // settings
	stats     map[string]map[string]int     // stats:<week>
	intros    map[string][]int64            // stats:<week>:intro
	topics    map[string]map[string]int     // stats:<week>:topics
	people    map[string]set                // stats:<week>:people:<kind>
	fair      map[string]expiring           // fair:<request>
	stalled   zset                          // flags:stalled
	low       zset                          // flags:low
	managers  set                           // managers
	synonyms  map[string]string             // synonyms
	rates     map[string]expiringCount      // rate:<name>:<hash>
	programs  map[bot.ProgramID]bot.Program // program:<id>, programs
	progReqs  map[bot.ProgramID]set         // program:<id>:requests
	speed     map[string]speedEvent         // speed:<id>, speed:<id>:who, speed:<id>:r:<n> (speed.go)
	camp      campaignSpace                 // campaigns, needs surveys (campaigns.go)
	goals     goalSpace                     // goals:<pair>, goalpairs (goals.go)
	pause     pauseSpace                    // pauses, unanswered (pause.go)
	homes     set                           // homes: who opened their home (home.go)
	install   *bot.Installation             // install, installs:<platform> (installs.go)
}

func newSpace() *space {
	return &space{
		members: map[string]bot.Member{}, offers: map[string]bot.Offer{}, load: map[string]slots{},
		offerKeys: map[string]set{}, requests: map[string]request{}, declined: map[string]set{}, open: map[string]string{}, waiting: zset{},
		waitingBy: map[string]zset{}, proposals: map[string]bot.Proposal{}, pairs: map[string]bot.Pair{},
		pairsOf: map[string]zset{}, history: map[string]map[string]string{}, jobs: zset{},
		checkins: map[string]map[string]string{}, surveys: map[string]map[string]string{}, quotes: map[string]bot.Testimonial{},
		sent: map[string]expiring{}, notices: map[string]expiring{}, seen: map[string]expiring{},
		inbox: map[string]expiring{}, drafts: map[string]expiring{}, settings: map[string]string{},
		stats: map[string]map[string]int{}, intros: map[string][]int64{}, topics: map[string]map[string]int{},
		people: map[string]set{}, fair: map[string]expiring{}, stalled: zset{}, low: zset{}, managers: set{},
		synonyms: map[string]string{}, rates: map[string]expiringCount{},
		programs: map[bot.ProgramID]bot.Program{}, progReqs: map[bot.ProgramID]set{},
	}
}

// space returns the tenant's data, made on first use. Callers hold mu.
func (s *Store) space(t bot.Tenant) *space {
	sp := s.spaces[t]
	if sp == nil {
		sp = newSpace()
		s.spaces[t] = sp
	}
	return sp
}

// lock takes the mutex and returns the tenant's data; the caller defers
// s.mu.Unlock().
func (s *Store) lock(t bot.Tenant) *space {
	s.mu.Lock()
	return s.space(t)
}

// slots are an offer's counters; they never go below 0 (as HINCRBY in the
// guarded script).
type slots struct{ Active, Pending int }

// count changes one of a mentor's counters by n.
func (sp *space) count(user string, active bool, n int) {
	c := sp.load[user]
	if active {
		c.Active = max(c.Active+n, 0)
	} else {
		c.Pending = max(c.Pending+n, 0)
	}
	sp.load[user] = c
}

// request is a stored request (its Declined kept apart, in declined) and
// the pair it led to.
type request struct {
	R    bot.Request
	Pair string
}

type charter struct {
	Version int
	Updated time.Time
	Text    map[bot.Lang]string
}

// acceptance is one entry of the charter log.
type acceptance struct {
	User, Pair string
	Version    int
	At         time.Time
}

// set is a Redis set.
type set map[string]bool

func (x set) sorted() []string {
	out := make([]string, 0, len(x))
	for m := range x {
		out = append(out, m)
	}
	sort.Strings(out)
	return out
}

// zset is a Redis sorted set: member → score (Unix ms).
type zset map[string]int64

// sorted returns the members by score, then by member, as ZRANGE does.
func (z zset) sorted() []string {
	out := make([]string, 0, len(z))
	for m := range z {
		out = append(out, m)
	}
	sort.Slice(out, func(i, j int) bool {
		if z[out[i]] != z[out[j]] {
			return z[out[i]] < z[out[j]]
		}
		return out[i] < out[j]
	})
	return out
}

// reversed returns the members as ZREVRANGE does.
func (z zset) reversed() []string {
	out := z.sorted()
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// addNX adds m at score, or moves it earlier when earlier is set (zaddnx in
// the guarded script).
func (z zset) addNX(m string, score int64, earlier bool) {
	if cur, ok := z[m]; !ok || earlier && cur > score {
		z[m] = score
	}
}

// expiring is a string with an expiry (zero: none).
type expiring struct {
	V   string
	Exp time.Time
}

type expiringCount struct {
	N   int
	Exp time.Time
}

// get returns the live value of key in m, dropping it if it expired.
func (s *Store) get(m map[string]expiring, key string) (string, bool) {
	e, ok := m[key]
	if ok && !e.Exp.IsZero() && !s.now().Before(e.Exp) {
		delete(m, key)
		return "", false
	}
	return e.V, ok
}

// expiry is when a value set now for ttl expires; a ttl of zero or less
// is no expiry, as go-redis's Set with no expiration.
func (s *Store) expiry(ttl time.Duration) time.Time {
	if ttl <= 0 {
		return time.Time{}
	}
	return s.now().Add(ttl)
}

// pxExpiry is the expiry of SET ... PX max(ttl ms, 1), as the scripts do.
func (s *Store) pxExpiry(ttl time.Duration) time.Time {
	return s.now().Add(max(ttl, time.Millisecond))
}

// Values are kept as the Redis store reads them back (store/codec.go).

// ms is a time as a score: Unix milliseconds, 0 for the zero time.
func ms(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}

// stamp is a time as read back: UTC, to the millisecond, zero for 0.
func stamp(t time.Time) time.Time { return fromMS(ms(t)) }

func fromMS(n int64) time.Time {
	if n == 0 {
		return time.Time{}
	}
	return time.UnixMilli(n).UTC()
}

// list is a list read back from a field that stores none as "": nil when
// empty, else a copy.
func list[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return append([]T(nil), s...)
}

// jsonList is a list read back from JSON: nil stays nil, empty stays empty.
func jsonList[T any](s []T) []T {
	if s == nil {
		return nil
	}
	return append([]T{}, s...)
}

func sameKeys(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func memberOf(m bot.Member) bot.Member {
	m.Languages, m.Joined, m.CharterAccepted = list(m.Languages), stamp(m.Joined), stamp(m.CharterAccepted)
	return m
}

func offerOf(o bot.Offer) bot.Offer {
	o.Topics, o.Languages, o.Kinds, o.Keys, o.Programs = jsonList(o.Topics), list(o.Languages), list(o.Kinds), list(o.Keys), list(o.Programs)
	o.Updated, o.Active, o.Pending = stamp(o.Updated), 0, 0
	return o
}

func requestOf(t bot.Tenant, r bot.Request) bot.Request {
	r.Mentee = t.Member(r.Mentee.User)
	r.Languages, r.Keys, r.Declined, r.Created = list(r.Languages), list(r.Keys), nil, stamp(r.Created)
	return r
}

func proposalOf(t bot.Tenant, p bot.Proposal) bot.Proposal {
	p.Mentor, p.Mentee = t.Member(p.Mentor.User), t.Member(p.Mentee.User)
	p.Reasons, p.Created, p.RequestKeys = reasonsOf(p.Reasons), stamp(p.Created), nil
	p.Score, _ = strconv.ParseFloat(strconv.FormatFloat(p.Score, 'f', 4, 64), 64)
	return p
}

func pairOf(t bot.Tenant, p bot.Pair) bot.Pair {
	p.Mentor, p.Mentee = t.Member(p.Mentor.User), t.Member(p.Mentee.User)
	p.Reasons, p.Created, p.Official = reasonsOf(p.Reasons), stamp(p.Created), stamp(p.Official)
	p.Met, p.Ended = stamp(p.Met), stamp(p.Ended)
	return p
}

// reasonsOf keeps reasons as store/reasons.go reads them back: none is nil,
// and a detail loses the separators of the compact encoding.
func reasonsOf(rs []matching.Reason) []matching.Reason {
	if len(rs) == 0 {
		return nil
	}
	out := make([]matching.Reason, len(rs))
	for i, r := range rs {
		r.Detail = clean(r.Detail)
		out[i] = r
	}
	return out
}

// clean drops the separators of the compact encodings (store/profile.go).
func clean(s string) string {
	b := []byte(nil)
	for i := 0; i < len(s); i++ {
		if s[i] != 0x1e && s[i] != 0x1f {
			b = append(b, s[i])
		}
	}
	return string(b)
}

// errString is an error's text, for the coded errors below.
type errString string

func (e errString) Error() string { return string(e) }

func coded(code bot.Code, what string) error { return &bot.Error{Code: code, Err: errString(what)} }

func notFound(what string) error {
	return &bot.Error{Code: bot.ENOTFOUND, Err: errors.New(what + " not found")}
}

func strconvAtoi64(s string) (int64, error) { return strconv.ParseInt(s, 10, 64) }
