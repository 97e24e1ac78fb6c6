package inmem

import (
	"context"
	"slices"

	"github.com/mentorbot/mentorbot/bot"
)

// GetMember implements bot.Store.
func (s *Store) GetMember(ctx context.Context, id bot.MemberID) (bot.Member, error) {
	sp := s.lock(id.Tenant())
	defer s.mu.Unlock()
	m, ok := sp.members[id.User]
	if !ok {
		return bot.Member{}, notFound("member")
	}
	m.ID = id
	return m, nil
}

// Members implements bot.Store.
func (s *Store) Members(ctx context.Context, t bot.Tenant, users []string) (map[string]bot.Member, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	out := make(map[string]bot.Member, len(users))
	for _, u := range users {
		if m, ok := sp.members[u]; ok {
			out[u] = m
		}
	}
	return out, nil
}

// SaveMember implements bot.Store: the profile fields only, and the
// tenant is registered for scheduled work.
func (s *Store) SaveMember(ctx context.Context, m bot.Member) error {
	t := m.ID.Tenant()
	sp := s.lock(t)
	defer s.mu.Unlock()
	old := sp.members[m.ID.User]
	m = memberOf(m)
	m.ID, m.CharterVersion, m.CharterAccepted = t.Member(m.ID.User), old.CharterVersion, old.CharterAccepted
	sp.members[m.ID.User] = m
	s.known[t] = true
	return nil
}

// SaveOffer implements bot.Store: the counters stay, and the offer is
// filed under its keys, off the keys it had.
func (s *Store) SaveOffer(ctx context.Context, o bot.Offer) error {
	sp := s.lock(o.Mentor.Tenant())
	defer s.mu.Unlock()
	sp.fileOffer(o.Mentor.Tenant(), offerOf(o))
	return nil
}

func (sp *space) fileOffer(t bot.Tenant, o bot.Offer) {
	u := o.Mentor.User
	o.Mentor = t.Member(u)
	for _, key := range sp.offers[u].Keys {
		if !slices.Contains(o.Keys, key) {
			delete(sp.offerKeys[key], u)
			if len(sp.offerKeys[key]) == 0 {
				delete(sp.offerKeys, key)
			}
		}
	}
	for _, key := range o.Keys {
		if sp.offerKeys[key] == nil {
			sp.offerKeys[key] = set{}
		}
		sp.offerKeys[key][u] = true
	}
	sp.offers[u] = o
}

// offer returns the mentor's offer with its counters, if they saved one.
func (sp *space) offer(u string) (bot.Offer, bool) {
	o, ok := sp.offers[u]
	if !ok {
		return o, false
	}
	c := sp.load[u]
	o.Topics, o.Languages, o.Kinds, o.Keys = jsonList(o.Topics), list(o.Languages), list(o.Kinds), list(o.Keys)
	o.Active, o.Pending = c.Active, c.Pending
	return o, true
}

// profile is the offer as OffersFor reads it from its compact profile
// (store/profile.go): lists of nothing are nil and separators are dropped.
func (sp *space) profile(u string) bot.Offer {
	o, _ := sp.offer(u)
	o.Topics, o.Keys = cleanList(o.Topics), cleanList(o.Keys)
	o.TZ = clean(o.TZ)
	return o
}

func cleanList(l []string) []string {
	joined := ""
	var out []string
	for _, s := range l {
		out = append(out, clean(s))
		joined += clean(s)
	}
	if len(l) == 1 && joined == "" || len(l) == 0 {
		return nil
	}
	return out
}

// IndexOffer implements bot.Store.
func (s *Store) IndexOffer(ctx context.Context, mentor bot.MemberID, topics, keys []string) error {
	sp := s.lock(mentor.Tenant())
	defer s.mu.Unlock()
	o, ok := sp.offers[mentor.User]
	if !ok {
		return notFound("offer")
	}
	if !slices.Equal(o.Topics, topics) {
		return coded(bot.ESTALE, "offer topics changed")
	}
	o.Keys = list(keys)
	sp.fileOffer(mentor.Tenant(), o)
	return nil
}

// GetOffer implements bot.Store.
func (s *Store) GetOffer(ctx context.Context, mentor bot.MemberID) (bot.Offer, error) {
	sp := s.lock(mentor.Tenant())
	defer s.mu.Unlock()
	o, ok := sp.offer(mentor.User)
	if !ok {
		return bot.Offer{}, notFound("offer")
	}
	return o, nil
}

// Offers implements bot.Store, in mentor ID order.
func (s *Store) Offers(ctx context.Context, t bot.Tenant) ([]bot.Offer, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	users := make([]string, 0, len(sp.offers))
	for u := range sp.offers {
		users = append(users, u)
	}
	if len(users) == 0 {
		return nil, nil
	}
	slices.Sort(users)
	out := make([]bot.Offer, 0, len(users))
	for _, u := range users {
		o, _ := sp.offer(u)
		out = append(out, o)
	}
	return out, nil
}

// usersUnder lists, sorted and once each, the users whose offer is filed
// under any of the index keys.
func (sp *space) usersUnder(keys []string) []string {
	var users []string
	for _, key := range keys {
		for u := range sp.offerKeys[key] {
			users = append(users, u)
		}
	}
	slices.Sort(users)
	return slices.Compact(users)
}

// OffersFor implements bot.Store.
func (s *Store) OffersFor(ctx context.Context, t bot.Tenant, keys []string) ([]bot.Offer, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	users := sp.usersUnder(keys)
	if len(users) == 0 {
		return nil, nil
	}
	out := make([]bot.Offer, 0, len(users))
	for _, u := range users {
		if _, ok := sp.offers[u]; ok {
			out = append(out, sp.profile(u))
		}
	}
	return out, nil
}

// Candidates implements bot.Store: a mentor at capacity is given their
// capacity as taken, as the Redis store does.
func (s *Store) Candidates(ctx context.Context, t bot.Tenant, keys []string, mentee string) (bot.Candidates, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	var out bot.Candidates
	if h := sp.history[mentee]; len(h) > 0 {
		out.History = copyMap(h)
	}
	out.MenteePairs = len(sp.pairsOf[mentee])
	for _, u := range sp.usersUnder(keys) {
		if _, ok := sp.offers[u]; !ok {
			continue
		}
		o := sp.profile(u)
		taken := o.Active + o.Pending
		if taken >= o.Capacity {
			taken = o.Capacity
		}
		o.Active, o.Pending = 0, 0
		out.Offers = append(out.Offers, o)
		out.Taken = append(out.Taken, taken)
	}
	return out, nil
}

// RememberPair implements bot.Store: VerdictNever overwrites, any other
// verdict is written only where there is none.
func (s *Store) RememberPair(ctx context.Context, t bot.Tenant, mentee, mentor string, verdict string) error {
	sp := s.lock(t)
	defer s.mu.Unlock()
	h := sp.history[mentee]
	if h == nil {
		h = map[string]string{}
		sp.history[mentee] = h
	}
	if _, ok := h[mentor]; verdict == bot.VerdictNever || !ok {
		h[mentor] = verdict
	}
	return nil
}

// Histories implements bot.Store.
func (s *Store) Histories(ctx context.Context, t bot.Tenant, users []string) (map[string]map[string]string, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	out := map[string]map[string]string{}
	for _, u := range users {
		if h := sp.history[u]; len(h) > 0 {
			out[u] = copyMap(h)
		}
	}
	return out, nil
}

func copyMap[K comparable, V any](m map[K]V) map[K]V {
	out := make(map[K]V, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}
