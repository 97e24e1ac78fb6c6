package bot_test

import (
	"context"
	"strings"
	"testing"
)

// TestOperatorForgetWordedAsAsked: an operator's erasure (mentorbot
// forget, for a member who asked by mail) tells the other member that
// they left the program, as /mentor forget does, not that they left the
// workspace, which may be untrue.
func TestOperatorForgetWordedAsAsked(t *testing.T) {
	h := MustHarness(t)
	mustOfficial(h, "bob", "offer go", "carol", "request go kind:one-to-one")
	h.Platform.Take()
	if err := h.Bot.ForgetMember(context.Background(), h.Tenant.Member("carol")); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range h.Platform.To("bob") {
		got = append(got, m.Title+" | "+m.Text)
	}
	all := strings.Join(got, "\n")
	if !strings.Contains(all, "has left the program") || strings.Contains(all, "leaving the workspace") {
		t.Fatalf("got bob's messages:\n%s\nwant the pair ended as for /mentor forget", all)
	}
}
