package store_test

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/store"
	"github.com/mentorbot/mentorbot/store/storetest"
	"github.com/redis/go-redis/v9"
)

// TestCluster runs the store on a three-master Redis Cluster that it
// starts from the redis-server binary (skipped where there is none): the
// contract suite, the scheduler's exactly-once with two replicas, and the
// operator errors of a client of the wrong kind. .ci/run runs it on its
// own and fails if it was skipped.
func TestCluster(t *testing.T) {
	c := storetest.StartCluster(t)
	t.Run("Contract", func(t *testing.T) {
		storetest.RunContract(t, func(tb testing.TB) bot.Store { return storetest.MustCluster(tb, c) })
	})
	t.Run("SchedulerExactlyOnce", func(t *testing.T) { testClusterExactlyOnce(t, c) })
	t.Run("ExportOnEveryMaster", func(t *testing.T) { testClusterExport(t, c) })
	t.Run("CheckWrites", func(t *testing.T) { testClusterCheckWrites(t, c) })
	t.Run("EraseTenantOnEveryMaster", func(t *testing.T) {
		s := storetest.MustCluster(t, c)
		ts := tenantsOnEveryMaster(t, s, 2)
		for i := 0; i < len(ts); i += 2 {
			testEraseKeys(t, s, ts[i], ts[i+1], 2500)
		}
	})
	t.Run("ErrClusterNode", func(t *testing.T) {
		// A single-node URL on a cluster node: refused at Open, with the fix.
		_, err := store.Open(context.Background(), "redis://"+c.Addrs[0]+"/0")
		if !errors.Is(err, store.ErrClusterNode) {
			t.Fatalf("got %v, want ErrClusterNode", err)
		}
		if want := "REDIS_URL=redis+cluster://" + c.Addrs[0]; !strings.Contains(err.Error(), want) {
			t.Fatalf("got %q, want it to name the fix %q", err, want)
		}
	})
	t.Run("OneNodeEnough", func(t *testing.T) {
		// Any node finds the others.
		s, err := store.Open(context.Background(), "redis+cluster://"+c.Addrs[1])
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		tn := storetest.Tenant(t, "one")
		storetest.MustOK(t, s.ScheduleJobs(context.Background(), tn, false, bot.NewJob(time.Now(), bot.JobTest, "u", "1")))
	})
}

// TestClusterNotClusterNode: a cluster URL on a node that is not in
// cluster mode is refused at Open, with the fix.
func TestClusterNotClusterNode(t *testing.T) {
	port := storetest.FreePort(t)
	storetest.StartServer(t, storetest.RedisServer(t), port)
	_, err := store.Open(context.Background(), "redis+cluster://127.0.0.1:"+port)
	if err == nil || !strings.Contains(err.Error(), "not in cluster mode") || !strings.Contains(err.Error(), "redis://") {
		t.Fatalf("got %v, want an error saying the node is not in cluster mode and to use redis://", err)
	}
	s, err := store.Open(context.Background(), "redis://127.0.0.1:"+port+"/0")
	if err != nil {
		t.Fatalf("got %v, want a single node to open with redis://", err)
	}
	s.Close()
}

// testClusterExactlyOnce: two replicas, each with its own cluster client,
// drain the jobs of six workspaces spread over the three masters; one
// replica is killed mid-run. After its leases run out, every job has had
// its effect exactly once.
func testClusterExactlyOnce(t *testing.T, c *storetest.Cluster) {
	const perTenant = 1000
	clock := bot.NewManualClock(time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC))
	first := storetest.MustCluster(t, c)
	tenants := tenantsOnEveryMaster(t, first, 2)
	for _, tn := range tenants {
		var jobs []bot.Job
		for i := range perTenant {
			jobs = append(jobs, bot.NewJob(clock.Now(), bot.JobTest, "u"+strconv.Itoa(i%50), tn.Workspace+"-"+strconv.Itoa(i)))
		}
		for i := 0; i < len(jobs); i += 500 {
			storetest.MustOK(t, first.ScheduleJobs(context.Background(), tn, false, jobs[i:i+500]...))
		}
	}
	cnt := &counter{sends: map[string]int{}}
	var replicas []*replica
	for i := range 2 {
		st := first
		if i > 0 {
			st = storetest.MustCluster(t, c)
		}
		r := newReplica(t, st, clock, nil, "sched")
		var p bot.Platform = cnt
		if i == 0 {
			p = &killer{counter: cnt, n: 2345, kill: r.kill}
		}
		r.bot.Register("sched", p)
		replicas = append(replicas, r)
	}
	var wg sync.WaitGroup
	for _, r := range replicas {
		wg.Add(1)
		go func() { defer wg.Done(); drainTenants(r, tenants) }()
	}
	wg.Wait()
	if replicas[0].ctx.Err() == nil {
		t.Fatal("got replica 0 alive, want it killed mid-run")
	}
	settle(clock, cnt, perTenant*len(tenants), func() { drainTenants(replicas[1], tenants) })
	mustExactlyOnce(t, cnt, perTenant*len(tenants))
}

// drainTenants ticks the given workspaces (not those of the contract
// tests sharing the cluster) until nothing is due or the replica is
// killed.
func drainTenants(r *replica, tenants []bot.Tenant) {
	for r.ctx.Err() == nil {
		n, err := r.bot.TickTenants(r.ctx, tenants...)
		if n == 0 && err == nil {
			return
		}
	}
}

// tenantsOnEveryMaster returns n new workspaces whose keys live on each
// master of the cluster.
func tenantsOnEveryMaster(t *testing.T, s *store.Store, n int) []bot.Tenant {
	t.Helper()
	cc, ok := s.Client().(*redis.ClusterClient)
	if !ok {
		t.Fatalf("got client %T, want a cluster client", s.Client())
	}
	slots, err := cc.ClusterSlots(context.Background()).Result()
	if err != nil {
		t.Fatal(err)
	}
	var out []bot.Tenant
	for _, r := range slots {
		for found := 0; found < n; {
			tn := storetest.Tenant(t, "sched")
			if sl := store.Slot("{" + tn.Platform + ":" + tn.Workspace + "}"); sl >= int(r.Start) && sl <= int(r.End) {
				out = append(out, tn)
				found++
			}
		}
	}
	if len(slots) != 3 {
		t.Fatalf("got %d slot ranges, want 3 masters", len(slots))
	}
	return out
}

// TestClusterSentinel: a sentinel URL reaches the master that Sentinel
// names, and the store works there.
func TestClusterSentinel(t *testing.T) {
	port := storetest.FreePort(t)
	storetest.StartServer(t, storetest.RedisServer(t), port)
	sentinel := storetest.StartSentinel(t, "mb", port)
	s, err := store.Open(context.Background(), "redis+sentinel://127.0.0.1:"+sentinel+"/mb/0")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	tn := storetest.Tenant(t, "sentinel")
	storetest.MustOK(t, s.ScheduleJobs(context.Background(), tn, false, bot.NewJob(time.Now(), bot.JobTest, "u", "1")))
	direct := redis.NewClient(&redis.Options{Addr: "127.0.0.1:" + port})
	defer direct.Close()
	if n := direct.Exists(context.Background(), "mb:tenants").Val(); n != 1 {
		t.Fatalf("got %d tenant sets on the master, want 1", n)
	}
}

// testClusterExport: a workspace's export walks its keys on the master
// that holds them, wherever that is, over several SCAN calls.
func testClusterExport(t *testing.T, c *storetest.Cluster) {
	const members = 2500 // SCAN reads 1,000 at a time
	s := storetest.MustCluster(t, c)
	for _, tn := range tenantsOnEveryMaster(t, s, 1) {
		_, err := s.Client().Pipelined(context.Background(), func(p redis.Pipeliner) error {
			for i := range members {
				p.HSet(context.Background(), "mb:{"+tn.Platform+":"+tn.Workspace+"}:member:U"+strconv.Itoa(i), "name", "n")
			}
			return nil
		})
		storetest.MustOK(t, err)
		e, err := s.Export(context.Background(), tn)
		storetest.MustOK(t, err)
		if len(e.Members) != members {
			t.Fatalf("workspace in slot %d: got %d members exported, want %d", store.Slot("{"+tn.Platform+":"+tn.Workspace+"}"), len(e.Members), members)
		}
	}
}
