package bot_test

import (
	"context"
	"errors"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// roster is the harness's fake platform with a member list: gone members
// are not in the workspace any more, and down fails every check.
type roster struct {
	*bottest.Platform
	mu      sync.Mutex
	gone    map[string]bool
	down    bool
	checked []string
}

func (r *roster) StillMember(_ context.Context, id bot.MemberID) (bool, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.down {
		return false, &bot.Error{Code: bot.EUNAVAILABLE, Err: errors.New("platform down")}
	}
	r.checked = append(r.checked, id.User)
	return !r.gone[id.User], nil
}

func (r *roster) take() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := r.checked
	r.checked = nil
	sort.Strings(out)
	return out
}

// TestForgetLeavers: the daily check asks the platform about at most
// limit members a run, goes on where the last run stopped (after a
// failure, at the member it could not check), and erases only the
// member the platform says left.
func TestForgetLeavers(t *testing.T) {
	for _, b := range storetest.Backends() {
		t.Run(b.Name, func(t *testing.T) { testForgetLeavers(t, MustHarnessOn(t, b)) })
	}
}

func testForgetLeavers(t *testing.T, h *bottest.Harness) {
	ctx := context.Background()
	r := &roster{Platform: h.Platform, gone: map[string]bool{"carol": true}}
	h.Bot.Register(h.Tenant.Platform, r)
	h.Run("alice", "offer go")
	h.Run("bob", "offer sql")
	h.Run("carol", "request go")

	r.down = true
	if err := h.Bot.ForgetLeavers(ctx, 2); err == nil {
		t.Fatal("got no error with the platform down, want one")
	}
	mustKept(t, h, "alice", "bob", "carol")
	r.down = false

	if err := h.Bot.ForgetLeavers(ctx, 2); err != nil {
		t.Fatal(err)
	}
	first := r.take()
	if len(first) != 2 {
		t.Fatalf("got %v checked, want two (the limit)", first)
	}
	if err := h.Bot.ForgetLeavers(ctx, 2); err != nil {
		t.Fatal(err)
	}
	second := r.take()
	if got := strings.Join(append(first, second...), ","); len(second) != 1 || !containsAll(got, "alice", "bob", "carol") {
		t.Fatalf("got %v then %v checked, want the third member next", first, second)
	}
	mustKept(t, h, "alice", "bob")
	if d, err := h.Store.MemberData(ctx, h.Tenant.Member("carol")); err != nil || !d.Empty() {
		t.Fatalf("got %+v (%v), want carol, who left, erased", d, err)
	}
	if err := h.Bot.ForgetLeavers(ctx, 2); err != nil {
		t.Fatal(err)
	}
	if got := r.take(); len(got) != 2 {
		t.Errorf("got %v checked, want the cycle started again with two", got)
	}
}

func mustKept(tb testing.TB, h *bottest.Harness, users ...string) {
	tb.Helper()
	for _, u := range users {
		if d, err := h.Store.MemberData(context.Background(), h.Tenant.Member(u)); err != nil || d.Empty() {
			tb.Fatalf("got %s's data %+v (%v), want it kept", u, d, err)
		}
	}
}

func containsAll(s string, parts ...string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}
