package store

import (
	"context"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/redis/go-redis/v9"
)

// TestJobBuckets: jobs go to the small sorted set their ID hashes to, each
// a compact listpack; a job left by an older version in the single jobs
// set is still claimed, moved by a rescheduling (not copied into a
// bucket) and finished; a claim takes the earliest due over all sets.
func TestJobBuckets(t *testing.T) {
	e, tn := mustEmbedded(t)
	ctx, k := context.Background(), keysFor(tn)
	at := time.Date(2026, 12, 6, 9, 0, 0, 0, time.UTC)
	e.rdb.ZAdd(ctx, k.jobs(), redis.Z{Score: float64(at.Add(-time.Hour).UnixMilli()), Member: "test:old:1"})
	var jobs []bot.Job
	for i := range 200 {
		jobs = append(jobs, bot.NewJob(at.Add(time.Duration(i)*time.Minute), bot.JobTest, "u", string(rune('a'+i%26))+string(rune('a'+i/26))))
	}
	if err := e.ScheduleJobs(ctx, tn, false, jobs...); err != nil {
		t.Fatal(err)
	}
	// Rescheduling the old job earlier moves it within the old set.
	if err := e.ScheduleJobs(ctx, tn, true, bot.NewJob(at.Add(-2*time.Hour), bot.JobTest, "old", "1")); err != nil {
		t.Fatal(err)
	}
	if n := e.rdb.ZCard(ctx, k.jobBucket("test:old:1")).Val(); e.rdb.ZScore(ctx, k.jobBucket("test:old:1"), "test:old:1").Err() == nil {
		t.Fatalf("got the old job copied into its bucket (%d jobs there), want it left in the old set", n)
	}
	used := 0
	for _, set := range k.jobSets()[:jobBuckets] {
		if n := e.rdb.ZCard(ctx, set).Val(); n > 0 {
			used++
			if n > 128 {
				t.Fatalf("got %d jobs in %s, want a small set", n, set)
			}
		}
	}
	if used < jobBuckets/2 {
		t.Fatalf("got %d buckets used for 200 jobs, want them spread", used)
	}
	claimed, err := e.ClaimJobs(ctx, tn, at.Add(time.Minute), time.Minute, 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(claimed) != 3 || claimed[0].ID != "test:old:1" || claimed[1].ID != jobs[0].ID || claimed[2].ID != jobs[1].ID {
		t.Fatalf("got %v, want the old job, then the two earliest", claimed)
	}
	for _, j := range claimed {
		if err := e.FinishJob(ctx, tn, j); err != nil {
			t.Fatal(err)
		}
	}
	if n := e.rdb.ZCard(ctx, k.jobs()).Val(); n != 0 {
		t.Fatalf("got %d jobs left in the old set, want it drained", n)
	}
	if more, _ := e.ClaimJobs(ctx, tn, at.Add(time.Minute), time.Minute, 10); len(more) != 0 {
		t.Fatalf("got %v claimed again, want none due", more)
	}
}
