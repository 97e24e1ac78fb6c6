package store_test

import (
	"context"
	"fmt"
	"strings"
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
		fresh, err := st.Receive(ctx, tn, "seen:"+id, id, "U1", []byte("data"), bot.NewJob(time.Now().Add(time.Minute), bot.JobInbound, id), time.Minute, time.Hour)
		storetest.MustOK(t, err)
		if !fresh {
			t.Fatalf("round %d: Receive said seen, want fresh", round)
		}
		if data, err := st.Inbound(ctx, tn, id); err != nil || string(data) != "data" {
			t.Fatalf("round %d: got %q, %v, want the data kept", round, data, err)
		}
	}
}

// TestGoalsCompact: a pair's goals, each member's a JSON longer than 64
// bytes, keep the pair's hash a listpack (in pieces), read back whole, and a
// shorter list leaves no piece of the longer one behind.
func TestGoalsCompact(t *testing.T) {
	st := storetest.MustOpen(t)
	tn := storetest.Tenant(t, "test")
	ctx := context.Background()
	key := "mb:{" + tn.Platform + ":" + tn.Workspace + "}:pair:pair1" // goals are fields of their pair's hash
	st.Client().HSet(ctx, key, "mentor", "E", "mentee", "M", "state", "active", "created", "1790000000000")
	set := func(by string, texts ...string) []bot.Goal {
		t.Helper()
		got, err := st.SetGoals(ctx, tn, "pair1", "", tn.Member(by), func([]bot.Goal, bool) ([]bot.Goal, error) {
			var gs []bot.Goal
			for i, text := range texts {
				gs = append(gs, bot.Goal{ID: fmt.Sprintf("g%d", i), Text: text, Progress: "not_started", Updated: time.Unix(1790000000, 0)})
			}
			return gs, nil
		})
		storetest.MustOK(t, err)
		return got
	}
	long := strings.Repeat("mettre mon premier cluster en production, ", 3)
	set("M", long, long, long)
	set("E", "apprendre Go")
	if enc := st.Client().ObjectEncoding(ctx, key).Val(); enc != "listpack" && enc != "" { // "": miniredis does not say
		t.Fatalf("pair hash encoding %q with goals, want listpack", enc)
	}
	gs, err := st.Goals(ctx, tn, "pair1")
	storetest.MustOK(t, err)
	if len(gs) != 4 || gs[1].Text != long || gs[0].Text != "apprendre Go" {
		t.Fatalf("got %+v, want E's goal then M's three, whole", gs)
	}
	before := len(st.Client().HKeys(ctx, key).Val())
	set("M", "court")
	fields := st.Client().HKeys(ctx, key).Val()
	for _, f := range fields {
		if strings.HasPrefix(f, "g:M+") && f != "g:M+1" {
			t.Fatalf("fields %v: a piece of M's longer goals was left", fields)
		}
	}
	if before < len(fields)+5 {
		t.Fatalf("%d fields before, %d after: want M's three long goals in many more pieces than its short one", before, len(fields))
	}
	if gs, _ := st.Goals(ctx, tn, "pair1"); len(gs) != 2 || gs[1].Text != "court" {
		t.Fatalf("got %+v, want E's goal and M's one", gs)
	}
}
