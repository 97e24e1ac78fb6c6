package bot_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// BenchmarkAdminMatch: one preview of a manager's round over 500 waiting
// requests and 125 mentors (capacity 2) on 20 topics: three store reads,
// the round, the reasons and the text.
func BenchmarkAdminMatch(b *testing.B) {
	h := MustAdminHarness(b)
	ctx := context.Background()
	for i := 0; i < 500; i++ {
		h.Run(fmt.Sprintf("m%03d", i), fmt.Sprintf("request topic%d", i%20))
	}
	for i := 0; i < 125; i++ {
		o := bot.Offer{Mentor: h.Tenant.Member(fmt.Sprintf("t%03d", i)), Topics: []string{fmt.Sprintf("topic%d", i%20), fmt.Sprintf("topic%d", (i+7)%20)}, Capacity: 2}
		if err := h.Store.SaveOffer(ctx, o); err != nil {
			b.Fatal(err)
		}
	}
	if r := h.Run("alice", "admin match"); len(r.Message.Buttons) != 2 {
		b.Fatalf("got %q, want a round to send", r.Message.Text)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		h.Run("alice", "admin match")
	}
}
