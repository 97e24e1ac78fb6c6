package store

import (
	"sync"

	"github.com/mentorbot/mentorbot/bot"
)

// maxCachedProfiles bounds the decoded profiles a Store keeps: a few
// workspaces' mentors. Past it the cache starts again empty.
const maxCachedProfiles = 20_000

// profileCache keeps profiles decoded by their encoded string, so that
// OffersFor, which reads a topic's hundreds or thousands of profiles for
// every request, decodes each version of a profile once per process. The
// key is the whole encoding, version and all: a profile that changed is a
// new key, and an old one is never served for it. Mentors with the same
// encoding share an entry; the mentor's ID is set on the copy returned.
type profileCache struct {
	mu sync.RWMutex
	m  map[string]bot.Offer
}

// decode returns the offers of users whose encoded profiles are raws
// (nil where a profile is missing or not one this version wrote).
// The offers' slices are shared with other calls: read-only.
func (c *profileCache) decode(t bot.Tenant, users []string, raws []any) []bot.Offer {
	out := make([]bot.Offer, len(users))
	var missed []int
	c.mu.RLock()
	for i := range users {
		raw, _ := raws[i].(string)
		if o, hit := c.m[raw]; hit {
			out[i] = o
			out[i].Mentor = t.Member(users[i])
			continue
		}
		missed = append(missed, i)
	}
	c.mu.RUnlock()
	if len(missed) > 0 {
		fresh := make(map[string]bot.Offer, len(missed))
		for _, i := range missed {
			raw, _ := raws[i].(string)
			if o, good := profileFrom(bot.MemberID{}, raw); good {
				out[i] = o
				out[i].Mentor = t.Member(users[i])
				fresh[raw] = o
			}
		}
		c.mu.Lock()
		if c.m == nil || len(c.m)+len(fresh) > maxCachedProfiles {
			c.m = make(map[string]bot.Offer, len(fresh))
		}
		for raw, o := range fresh {
			c.m[raw] = o
		}
		c.mu.Unlock()
	}
	return out
}

// fieldCache keeps, for each mentor OffersFor reads, the HMGET arguments
// naming them: their ID, for the profile hash, and their two counters'
// fields, for the load hash, each already an interface value. Building
// and boxing them for every candidate of every request was a quarter of a
// request's allocations. Bounded like profileCache.
type fieldCache struct {
	mu sync.RWMutex
	m  map[string][3]any // user → user, user:active, user:pending
}

// args returns the arguments of the two HMGETs of users: the profiles'
// and the counters' (two fields a user, in order).
func (c *fieldCache) args(profiles, load string, users []string) (prof, counters []any) {
	prof = make([]any, 2, 2+len(users))
	prof[0], prof[1] = "hmget", profiles
	return prof, c.fill(&prof, load, users)
}

// counters returns the arguments of the HMGET of users' counters.
func (c *fieldCache) counters(load string, users []string) []any { return c.fill(nil, load, users) }

// fill returns the arguments of the HMGET of users' counters, appending
// the users' profile fields to *prof unless prof is nil.
func (c *fieldCache) fill(prof *[]any, load string, users []string) (counters []any) {
	counters = make([]any, 2, 2+2*len(users))
	counters[0], counters[1] = "hmget", load
	var missed []string
	c.mu.RLock()
	for _, u := range users {
		f, ok := c.m[u]
		if !ok {
			missed = append(missed, u)
			f = [3]any{u, u + ":active", u + ":pending"}
		}
		if prof != nil {
			*prof = append(*prof, f[0])
		}
		counters = append(counters, f[1], f[2])
	}
	c.mu.RUnlock()
	if len(missed) > 0 {
		c.mu.Lock()
		if c.m == nil || len(c.m)+len(missed) > maxCachedProfiles {
			c.m = make(map[string][3]any, len(missed))
		}
		for _, u := range missed {
			c.m[u] = [3]any{u, u + ":active", u + ":pending"}
		}
		c.mu.Unlock()
	}
	return counters
}
