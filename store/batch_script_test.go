package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// TestBatchedScriptsAfterFlush: scripts sent in a batch (EVALSHA) still
// run when Redis forgot them, as after a restart: the guarded writes and
// Receive's script fall back to EVAL.
func TestBatchedScriptsAfterFlush(t *testing.T) {
	st := storetest.MustOpen(t)
	tn := storetest.Tenant(t, "test")
	ctx := context.Background()
	for round := range 2 {
		storetest.MustOK(t, st.Client().ScriptFlush(ctx).Err())
		o := bot.Offer{Mentor: tn.Member("A"), Topics: []string{"Go"}, Capacity: 1 + round, Keys: []string{"go"}}
		storetest.MustOK(t, st.SaveOffer(ctx, o))
		if got, err := st.GetOffer(ctx, o.Mentor); err != nil || got.Capacity != 1+round {
			t.Fatalf("round %d: got %+v, %v, want the offer saved", round, got, err)
		}
		storetest.MustOK(t, st.Client().ScriptFlush(ctx).Err())
		id := []string{"i1", "i2"}[round]
		fresh, err := st.Receive(ctx, tn, "seen:"+id, id, []byte("data"), bot.NewJob(time.Now().Add(time.Minute), bot.JobInbound, id), time.Minute, time.Hour)
		storetest.MustOK(t, err)
		if !fresh {
			t.Fatalf("round %d: Receive said seen, want fresh", round)
		}
		if data, err := st.Inbound(ctx, tn, id); err != nil || string(data) != "data" {
			t.Fatalf("round %d: got %q, %v, want the data kept", round, data, err)
		}
	}
}
