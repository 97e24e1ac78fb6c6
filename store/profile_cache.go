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
	ok := make([]bool, len(users))
	var missed []int
	c.mu.RLock()
	for i := range users {
		raw, _ := raws[i].(string)
		if o, hit := c.m[raw]; hit {
			out[i], ok[i] = o, true
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
				out[i], ok[i] = o, true
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
	for i, u := range users {
		if ok[i] {
			out[i].Mentor = t.Member(u)
		} else {
			out[i].Mentor = bot.MemberID{}
		}
	}
	return out
}
