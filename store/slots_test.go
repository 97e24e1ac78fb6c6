package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/mentorbot/mentorbot/store"
	"github.com/mentorbot/mentorbot/store/storetest"
	"github.com/redis/go-redis/v9"
)

// TestSlot checks the hash slot against values Redis Cluster gives
// (CLUSTER KEYSLOT).
func TestSlot(t *testing.T) {
	for key, want := range map[string]int{
		"foo":                  12182,
		"{user1000}.following": 3443,
		"{user1000}.followers": 3443,
		"foo{}{bar}":           8363,
		"foo{{bar}}zap":        4015,
		"foo{bar}{zap}":        5061,
		"bar":                  5061,
	} {
		if got := store.Slot(key); got != want {
			t.Errorf("Slot(%q): got %d, want %d", key, got, want)
		}
	}
}

// TestCheckSlots: on the embedded Redis, a script or a MULTI whose keys
// span slots fails as it would on a cluster; one tenant's keys, and plain
// pipelines across slots, pass.
func TestCheckSlots(t *testing.T) {
	ctx := context.Background()
	rdb := storetest.MustEmbedded(t).Client()
	script := redis.NewScript(`return redis.call('SET', KEYS[1], '1')`)
	same := []string{"mb:{slack:T1}:a", "mb:{slack:T1}:b"}
	cross := []string{"mb:{slack:T1}:a", "mb:{slack:T2}:a"}
	t.Run("ScriptOK", func(t *testing.T) {
		if err := script.Run(ctx, rdb, same).Err(); err != nil {
			t.Fatalf("got %v, want nil", err)
		}
	})
	t.Run("ScriptErrCrossSlot", func(t *testing.T) {
		if err := script.Run(ctx, rdb, cross).Err(); !errors.Is(err, store.ErrCrossSlot) {
			t.Fatalf("got %v, want ErrCrossSlot", err)
		}
	})
	multi := func(ks []string) error {
		_, err := rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
			p.Set(ctx, ks[0], "1", 0)
			p.Del(ctx, ks[1])
			return nil
		})
		return err
	}
	t.Run("MultiOK", func(t *testing.T) {
		if err := multi(same); err != nil {
			t.Fatalf("got %v, want nil", err)
		}
	})
	t.Run("MultiErrCrossSlot", func(t *testing.T) {
		ks := []string{"mb:{slack:T3}:a", "mb:{slack:T4}:a"}
		if err := multi(ks); !errors.Is(err, store.ErrCrossSlot) {
			t.Fatalf("got %v, want ErrCrossSlot", err)
		}
		if n := rdb.Exists(ctx, ks[0]).Val(); n != 0 {
			t.Fatalf("got the MULTI sent, want it refused before Redis")
		}
	})
	t.Run("PipelineAcrossSlotsOK", func(t *testing.T) {
		_, err := rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
			p.Set(ctx, cross[0], "1", 0)
			p.Set(ctx, cross[1], "1", 0)
			return nil
		})
		if err != nil {
			t.Fatalf("got %v, want nil", err)
		}
	})
}
