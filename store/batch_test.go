package store

import (
	"context"
	"fmt"
	"net"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/mentorbot/mentorbot/bot"
	"github.com/redis/go-redis/v9"
)

// roundTrips counts the round trips (a command alone or a pipeline) that
// carry HGETALL, and the HGETALLs they carry; a new connection's own
// handshake is not counted.
type roundTrips struct{ trips, cmds atomic.Int64 }

func (h *roundTrips) count(cmds ...redis.Cmder) {
	n := 0
	for _, c := range cmds {
		if c.Name() == "hgetall" {
			n++
		}
	}
	if n > 0 {
		h.trips.Add(1)
		h.cmds.Add(int64(n))
	}
}

func (h *roundTrips) DialHook(next redis.DialHook) redis.DialHook { return next }

func (h *roundTrips) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error {
		h.count(cmd)
		return next(ctx, cmd)
	}
}

func (h *roundTrips) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error {
		h.count(cmds...)
		return next(ctx, cmds)
	}
}

// TestReadsShareRoundTrips: members read at the same moment share round
// trips, and each still gets their own record; a lone read goes alone.
func TestReadsShareRoundTrips(t *testing.T) {
	mr := miniredis.RunT(t)
	rdb := redis.NewClient(&redis.Options{Addr: mr.Addr()})
	s := New(rdb)
	t.Cleanup(func() { s.Close() })
	tn := bot.Tenant{Platform: "test", Workspace: "T1"}
	const n = 300
	for i := range n {
		if err := s.SaveMember(context.Background(), bot.Member{ID: tn.Member(fmt.Sprint(i)), Name: fmt.Sprint("m", i)}); err != nil {
			t.Fatal(err)
		}
	}
	h := &roundTrips{}
	rdb.AddHook(h)

	var wg sync.WaitGroup
	var wrong atomic.Int64
	start := make(chan struct{})
	for i := range n {
		wg.Go(func() {
			<-start
			m, err := s.GetMember(context.Background(), tn.Member(fmt.Sprint(i)))
			if err != nil || m.Name != fmt.Sprint("m", i) {
				wrong.Add(1)
			}
		})
	}
	close(start)
	wg.Wait()
	if wrong.Load() != 0 {
		t.Fatalf("got %d reads wrong or failed, want none", wrong.Load())
	}
	if h.cmds.Load() != n || h.trips.Load() >= n {
		t.Fatalf("got %d reads in %d round trips, want %d reads in fewer round trips", h.cmds.Load(), h.trips.Load(), n)
	}
	t.Logf("%d reads in %d round trips", h.cmds.Load(), h.trips.Load())

	// Alone, a read goes at once, alone.
	trips := h.trips.Load()
	if _, err := s.GetMember(context.Background(), tn.Member("0")); err != nil || h.trips.Load() != trips+1 || h.cmds.Load() != n+1 {
		t.Fatalf("got %d round trips for a lone read (%v), want 1", h.trips.Load()-trips, err)
	}
}

// TestReadsOnStalledRedis: with a Redis that accepts and never answers, a
// read fails (EUNAVAILABLE) at its caller's deadline rather than at the
// batch's, and closing the store does not wait for the stalled batch.
func TestReadsOnStalledRedis(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() { _, _ = c.Read(make([]byte, 1<<16)); select {} }() // reads, never answers
		}
	}()
	s := New(redis.NewClient(&redis.Options{Addr: ln.Addr().String(), ContextTimeoutEnabled: true, ReadTimeout: time.Minute, MaxRetries: -1}))
	id := bot.MemberID{Platform: "test", Workspace: "T1", User: "U1"}
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	if _, err := s.GetMember(ctx, id); bot.ErrorCode(err) != bot.EUNAVAILABLE {
		t.Fatalf("got %v, want EUNAVAILABLE", err)
	}
	closed := make(chan struct{})
	go func() { s.Close(); close(closed) }()
	select {
	case <-closed:
	case <-time.After(Timeout - Timeout/4): // the stalled batch's own bound is Timeout
		t.Fatal("Close waited for the stalled batch")
	}
	if _, err := s.GetMember(context.Background(), id); bot.ErrorCode(err) != bot.EUNAVAILABLE {
		t.Fatalf("got %v after Close, want EUNAVAILABLE", err)
	}
}

// TestGivenUpNotSent: a write whose caller gave up before its batch left
// is not sent: 200 guarded writes with a cancelled context all fail, and
// none lands (before, about half of them still ran), and writes queued
// behind a stalled batch are left out once their callers give up.
func TestGivenUpNotSent(t *testing.T) {
	mr := miniredis.RunT(t)
	s := New(redis.NewClient(&redis.Options{Addr: mr.Addr()}))
	t.Cleanup(func() { s.Close() })
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var wg sync.WaitGroup
	for i := range 200 {
		wg.Go(func() {
			tx := newTx()
			tx.hset("given-up", fmt.Sprint(i), "1")
			if _, err := tx.run(ctx, s.batch); err == nil {
				t.Errorf("write %d: no error with a cancelled context", i)
			}
		})
	}
	wg.Wait()
	if n, _ := mr.HKeys("given-up"); len(n) != 0 {
		t.Fatalf("%d writes landed after their callers gave up, want none", len(n))
	}

	// Queued behind a batch that waits: given up meanwhile, left out.
	b := &batcher{rdb: s.rdb, queue: make(chan readReq, readQueue), quit: make(chan struct{})}
	wait, cancelWait := context.WithCancel(context.Background())
	req := readReq{ctx: wait, cmds: []redis.Cmder{redis.NewIntCmd(wait, "hset", "given-up", "late", "1")}, done: make(chan struct{})}
	cancelWait()
	b.send([]readReq{req})
	<-req.done
	if req.cmds[0].Err() == nil || mr.Exists("given-up") {
		t.Fatalf("a request given up while queued: err %v, key written %v; want an error and nothing written", req.cmds[0].Err(), mr.Exists("given-up"))
	}
}
