package store_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/store"
	"github.com/mentorbot/mentorbot/store/storetest"
	"github.com/redis/go-redis/v9"
)

// TestEraseTenant: on Redis, erasing a workspace leaves none of its keys
// and every key of another, even one whose ID the first's, read as a
// SCAN pattern, would match.
func TestEraseTenant(t *testing.T) {
	for _, b := range storetest.Backends() {
		if !b.Redis {
			continue
		}
		t.Run(b.Name, func(t *testing.T) {
			s := b.Open(t).(*store.Store)
			a := storetest.Tenant(t, "erase")
			a.Workspace += "*"
			other := bot.Tenant{Platform: a.Platform, Workspace: a.Workspace[:len(a.Workspace)-1] + "x"}
			testEraseKeys(t, s, a, other, 300)
		})
	}
}

// testEraseKeys fills workspaces a and b with data through the store and
// with n more hashes each, erases a, and counts their keys.
func testEraseKeys(t *testing.T, s *store.Store, a, b bot.Tenant, n int) {
	t.Helper()
	ctx := context.Background()
	for _, tn := range []bot.Tenant{a, b} {
		storetest.MustOK(t, s.SaveMember(ctx, bot.Member{ID: tn.Member("M"), Name: "Mia"}))
		storetest.MustOK(t, s.SaveOffer(ctx, bot.Offer{Mentor: tn.Member("A"), Topics: []string{"go"}, Capacity: 1, Keys: []string{"go"}}))
		storetest.MustOK(t, s.ScheduleJobs(ctx, tn, false, bot.NewJob(time.Now(), bot.JobTest, "M", "1")))
		storetest.MustInstall(t, s, tn)
		_, err := s.Client().Pipelined(ctx, func(p redis.Pipeliner) error {
			for i := range n {
				p.HSet(ctx, prefixOf(tn)+"member:U"+strconv.Itoa(i), "name", "n")
			}
			return nil
		})
		storetest.MustOK(t, err)
	}
	beforeA, beforeB := countKeys(t, s, a), countKeys(t, s, b)
	if beforeA < n+4 || beforeB != beforeA {
		t.Fatalf("got %d and %d keys before, want the same, over %d", beforeA, beforeB, n+4)
	}
	storetest.MustOK(t, s.EraseTenant(ctx, a))
	if got := countKeys(t, s, a); got != 0 {
		t.Errorf("got %d keys of the erased workspace, want 0", got)
	}
	if got := countKeys(t, s, b); got != beforeB {
		t.Errorf("got %d keys of the other workspace, want its %d", got, beforeB)
	}
	for _, c := range []struct {
		set, member string
		want        bool
	}{
		{"mb:tenants", a.String(), false}, {"mb:tenants", b.String(), true},
		{"mb:installs:" + a.Platform, a.Workspace, false}, {"mb:installs:" + b.Platform, b.Workspace, true},
	} {
		if got := s.Client().SIsMember(ctx, c.set, c.member).Val(); got != c.want {
			t.Errorf("got %s in %s %v, want %v", c.member, c.set, got, c.want)
		}
	}
}

func prefixOf(tn bot.Tenant) string { return "mb:{" + tn.Platform + ":" + tn.Workspace + "}:" }

// countKeys counts the workspace's keys, by exact prefix, on the node
// that holds them.
func countKeys(t *testing.T, s *store.Store, tn bot.Tenant) int {
	t.Helper()
	ctx, prefix := context.Background(), prefixOf(tn)
	var node redis.Cmdable = s.Client()
	if cc, ok := s.Client().(*redis.ClusterClient); ok {
		m, err := cc.MasterForKey(ctx, prefix)
		storetest.MustOK(t, err)
		node = m
	}
	n := 0
	var cursor uint64
	for {
		keys, next, err := node.Scan(ctx, cursor, "mb:*", 1000).Result()
		storetest.MustOK(t, err)
		for _, k := range keys {
			if len(k) >= len(prefix) && k[:len(prefix)] == prefix {
				n++
			}
		}
		if cursor = next; cursor == 0 {
			return n
		}
	}
}
