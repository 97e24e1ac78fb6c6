package inmem

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

func msField(t time.Time) string { return strconv.FormatInt(ms(t), 10) }

// schedule adds jobs; an existing job keeps its due time unless earlier
// is set and the new one is earlier.
func (sp *space) schedule(earlier bool, jobs []bot.Job) {
	for _, j := range jobs {
		sp.jobs.addNX(j.ID, j.Due.UnixMilli(), earlier)
	}
}

// ScheduleJobs implements bot.Store, and registers the tenant.
func (s *Store) ScheduleJobs(ctx context.Context, t bot.Tenant, earlier bool, jobs ...bot.Job) error {
	if len(jobs) == 0 {
		return nil
	}
	sp := s.lock(t)
	defer s.mu.Unlock()
	sp.schedule(earlier, jobs)
	s.known[t] = true
	return nil
}

// ClaimJobs implements bot.Store: up to limit jobs due at now, each moved
// to the end of its lease.
func (s *Store) ClaimJobs(ctx context.Context, t bot.Tenant, now time.Time, lease time.Duration, limit int) ([]bot.Job, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	until := now.Add(lease).UnixMilli()
	var out []bot.Job
	for _, id := range sp.jobs.sorted() {
		if sp.jobs[id] > now.UnixMilli() || limit >= 0 && len(out) >= limit {
			break
		}
		out = append(out, bot.Job{ID: id, Due: time.UnixMilli(sp.jobs[id]).UTC(), Lease: time.UnixMilli(until).UTC()})
	}
	for _, j := range out {
		sp.jobs[j.ID] = until
	}
	if out == nil {
		out = []bot.Job{}
	}
	return out, nil
}

// release removes the claimed job j (remove) or moves it to at, unless
// another claim changed its lease since.
func (s *Store) release(t bot.Tenant, j bot.Job, remove bool, at time.Time) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	if score, ok := sp.jobs[j.ID]; !ok || score != j.Lease.UnixMilli() {
		return
	}
	if remove {
		delete(sp.jobs, j.ID)
	} else {
		sp.jobs[j.ID] = at.UnixMilli()
	}
}

// FinishJob implements bot.Store.
func (s *Store) FinishJob(ctx context.Context, t bot.Tenant, j bot.Job) error {
	s.release(t, j, true, time.Time{})
	return nil
}

// RetryJob implements bot.Store.
func (s *Store) RetryJob(ctx context.Context, t bot.Tenant, j bot.Job, at time.Time) error {
	s.release(t, j, false, at)
	return nil
}

// Tenants implements bot.Store.
func (s *Store) Tenants(ctx context.Context) ([]bot.Tenant, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]bot.Tenant, 0, len(s.known))
	for t := range s.known {
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].String() < out[j].String() })
	return out, nil
}

// MarkSent implements bot.Store.
func (s *Store) MarkSent(ctx context.Context, t bot.Tenant, key string, ttl time.Duration) (string, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	prev := ""
	if v, ok := s.get(sp.sent, key); ok {
		deadline, pending := strings.CutPrefix(v, "pending|")
		if !pending {
			return v, nil
		}
		if ms, _ := strconv.ParseInt(deadline, 10, 64); s.now().Before(time.UnixMilli(ms)) {
			return "pending", nil
		}
		prev = "retry" // its holder died mid-send
	}
	ttl = max(ttl, time.Millisecond)
	sp.sent[key] = expiring{V: "pending|" + strconv.FormatInt(s.now().Add(ttl).UnixMilli(), 10), Exp: s.pxExpiry(30 * ttl)}
	return prev, nil
}

// ConfirmSent implements bot.Store.
func (s *Store) ConfirmSent(ctx context.Context, t bot.Tenant, key, state string, ttl time.Duration) error {
	sp := s.lock(t)
	defer s.mu.Unlock()
	sp.sent[key] = expiring{V: state, Exp: s.expiry(ttl)}
	return nil
}

// UnmarkSent implements bot.Store.
func (s *Store) UnmarkSent(ctx context.Context, t bot.Tenant, key string) error {
	sp := s.lock(t)
	defer s.mu.Unlock()
	delete(sp.sent, key)
	return nil
}

// setNX sets key to "1" for ttl unless it is there; true if it was not.
func (s *Store) setNX(m map[string]expiring, key string, exp time.Time) bool {
	if _, ok := s.get(m, key); ok {
		return false
	}
	m[key] = expiring{V: "1", Exp: exp}
	return true
}

// FirstSeen implements bot.Store.
func (s *Store) FirstSeen(ctx context.Context, t bot.Tenant, key string, ttl time.Duration) (bool, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	return s.setNX(sp.seen, key, s.expiry(ttl)), nil
}

// Receive implements bot.Store.
func (s *Store) Receive(ctx context.Context, t bot.Tenant, seenKey, id, user string, data []byte, job bot.Job, seenTTL, dataTTL time.Duration) (bool, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	s.known[t] = true
	if !s.setNX(sp.seen, seenKey, s.pxExpiry(seenTTL)) {
		return false, nil
	}
	sp.inbox[id] = expiring{V: string(data), Exp: s.pxExpiry(dataTTL)}
	sp.jobs[job.ID] = job.Due.UnixMilli()
	if user != "" {
		if sp.inboxOf == nil {
			sp.inboxOf = map[string]set{}
		}
		ids := sp.inboxOf[user]
		if ids == nil {
			ids = set{}
			sp.inboxOf[user] = ids
		}
		for old := range ids {
			if _, ok := s.get(sp.inbox, old); !ok {
				delete(ids, old) // expired or handled
			}
		}
		ids[id] = true
	}
	return true, nil
}

// Inbound implements bot.Store.
func (s *Store) Inbound(ctx context.Context, t bot.Tenant, id string) ([]byte, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	v, ok := s.get(sp.inbox, id)
	if !ok {
		return nil, notFound("inbound")
	}
	return []byte(v), nil
}

// Rekeep implements bot.Store.
func (s *Store) Rekeep(ctx context.Context, t bot.Tenant, id string, data []byte) (bool, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	e, ok := sp.inbox[id]
	if _, live := s.get(sp.inbox, id); !ok || !live {
		return false, nil
	}
	e.V = string(data)
	sp.inbox[id] = e
	return true, nil
}

// Handled implements bot.Store: the member's index goes with its last
// ID, as Redis deletes an empty sorted set.
func (s *Store) Handled(ctx context.Context, t bot.Tenant, id, user string) error {
	sp := s.lock(t)
	defer s.mu.Unlock()
	delete(sp.inbox, id)
	delete(sp.jobs, bot.InboundJobID(id, user))
	if ids, ok := sp.inboxOf[user]; ok && user != "" {
		delete(ids, id)
		if len(ids) == 0 {
			delete(sp.inboxOf, user)
		}
	}
	return nil
}

// SaveNotice implements bot.Store: the notice and its job in one step,
// and the tenant registered.
func (s *Store) SaveNotice(ctx context.Context, n bot.Notice, job bot.Job, ttl time.Duration) error {
	b, err := json.Marshal(n)
	if err != nil {
		return bot.Wrap(bot.EINTERNAL, err, "encode notice")
	}
	t := n.To.Tenant()
	sp := s.lock(t)
	defer s.mu.Unlock()
	sp.notices[n.ID] = expiring{V: string(b), Exp: s.expiry(ttl)}
	sp.jobs.addNX(job.ID, job.Due.UnixMilli(), false)
	s.known[t] = true
	return nil
}

// GetNotice implements bot.Store.
func (s *Store) GetNotice(ctx context.Context, t bot.Tenant, id string) (bot.Notice, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	v, ok := s.get(sp.notices, id)
	if !ok {
		return bot.Notice{}, notFound("notice")
	}
	var n bot.Notice
	if err := json.Unmarshal([]byte(v), &n); err != nil {
		return bot.Notice{}, bot.Wrap(bot.EINTERNAL, err, "decode notice")
	}
	return n, nil
}

// DeleteNotice implements bot.Store.
func (s *Store) DeleteNotice(ctx context.Context, t bot.Tenant, id string) error {
	sp := s.lock(t)
	defer s.mu.Unlock()
	delete(sp.notices, id)
	return nil
}

// TryLock implements bot.Store.
func (s *Store) TryLock(ctx context.Context, name string, ttl time.Duration) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if exp, ok := s.locks[name]; ok && (exp.IsZero() || s.now().Before(exp)) {
		return false, nil
	}
	s.locks[name] = s.expiry(ttl)
	return true, nil
}

// SaveDraft implements bot.Store.
func (s *Store) SaveDraft(ctx context.Context, t bot.Tenant, id, value string, ttl time.Duration) error {
	sp := s.lock(t)
	defer s.mu.Unlock()
	sp.drafts[id] = expiring{V: value, Exp: s.expiry(ttl)}
	return nil
}

// Draft implements bot.Store.
func (s *Store) Draft(ctx context.Context, t bot.Tenant, id string) (string, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	v, ok := s.get(sp.drafts, id)
	if !ok {
		return "", notFound("draft")
	}
	return v, nil
}

// Settings implements bot.Store.
func (s *Store) Settings(ctx context.Context, t bot.Tenant) (map[string]string, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	return copyMap(sp.settings), nil
}

// SetSetting implements bot.Store.
func (s *Store) SetSetting(ctx context.Context, t bot.Tenant, name, value string) error {
	sp := s.lock(t)
	defer s.mu.Unlock()
	sp.settings[name] = value
	return nil
}

// rateKey names a member's counter under name; the user ID is hashed, as
// on Redis, so that no key names anyone.
func rateKey(name, user string) string {
	sum := sha256.Sum256([]byte(user))
	return name + ":" + hex.EncodeToString(sum[:12])
}

// Hit implements bot.Store: a fixed window that starts at the first hit.
func (s *Store) Hit(ctx context.Context, who bot.MemberID, name string, window time.Duration) (int, error) {
	sp := s.lock(who.Tenant())
	defer s.mu.Unlock()
	key := rateKey(name, who.User)
	c, ok := sp.rates[key]
	if !ok || !s.now().Before(c.Exp) {
		c = expiringCount{Exp: s.pxExpiry(window)}
	}
	c.N++
	sp.rates[key] = c
	return c.N, nil
}
