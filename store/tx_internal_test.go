package store

import (
	"context"
	"os"
	"strconv"
	"testing"

	"github.com/alicebob/miniredis/v2"
	"github.com/redis/go-redis/v9"
)

// txRedis is the Redis of REDIS_URL, or a miniredis: the guarded script
// must hold on the real one, whose Lua limits unpack.
func txRedis(t *testing.T) redis.UniversalClient {
	t.Helper()
	if u := os.Getenv("REDIS_URL"); u != "" {
		o, err := redis.ParseURL(u)
		if err != nil {
			t.Fatal(err)
		}
		rdb := redis.NewClient(o)
		t.Cleanup(func() { rdb.Close() })
		return rdb
	}
	rdb := redis.NewClient(&redis.Options{Addr: miniredis.RunT(t).Addr()})
	t.Cleanup(func() { rdb.Close() })
	return rdb
}

// TestTxHashFields: a guarded write sets and deletes a hash's fields in
// one call each, however many (past 1,000 fields, in calls of 1,000, under
// Lua's limit on unpack), and none at all is no call.
func TestTxHashFields(t *testing.T) {
	ctx := context.Background()
	rdb := txRedis(t)
	key := "mbtest:tx:" + strconv.FormatUint(uint64(os.Getpid()), 10) + ":" + t.Name()
	t.Cleanup(func() { rdb.Del(context.Background(), key) })
	for _, tt := range []struct{ set, del, want int }{{0, 0, 0}, {3, 1, 2}, {5000, 4900, 100}, {1000, 1000, 0}} {
		rdb.Del(ctx, key)
		var kv, fields []string
		for i := range tt.set {
			kv = append(kv, "f"+strconv.Itoa(i), strconv.Itoa(i))
		}
		for i := range tt.del {
			fields = append(fields, "f"+strconv.Itoa(i))
		}
		w := newTx()
		w.hset(key, kv...)
		if n, err := w.run(ctx, rdb); err != nil || n != 0 {
			t.Fatalf("set %d: %d, %v", tt.set, n, err)
		}
		if got := rdb.HLen(ctx, key).Val(); got != int64(tt.set) {
			t.Fatalf("set %d fields: the hash has %d", tt.set, got)
		}
		if tt.set > 0 && rdb.HGet(ctx, key, "f"+strconv.Itoa(tt.set-1)).Val() != strconv.Itoa(tt.set-1) {
			t.Fatalf("set %d fields: the last one is wrong", tt.set)
		}
		w = newTx()
		w.hdel(key, fields...)
		if n, err := w.run(ctx, rdb); err != nil || n != 0 {
			t.Fatalf("delete %d: %d, %v", tt.del, n, err)
		}
		if got := rdb.HLen(ctx, key).Val(); got != int64(tt.want) {
			t.Errorf("set %d, deleted %d fields: the hash has %d, want %d", tt.set, tt.del, got, tt.want)
		}
	}
}
