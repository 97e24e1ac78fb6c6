package slack_test

import (
	"context"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
)

// TestDelivered: a DM sent with a delivery key carries it as message
// metadata, and Delivered finds it in the DM's history (asking for the
// metadata), while another key, or a DM sent without one, is not found.
func TestDelivered(t *testing.T) {
	ctx := context.Background()
	r := MustRig(t, &recorder{})
	r.fake.AddUser(slackfake.User{ID: "U1"}, slackfake.User{ID: "U2"})
	tagged := proposal
	tagged.Delivery = "checkin:p1:1:U1"
	if err := r.a.Send(ctx, member("U1"), tagged); err != nil {
		t.Fatal(err)
	}
	MustSend(t, r, member("U2")) // untagged
	post := r.fake.Calls("chat.postMessage")[0]
	if m := post.Get("metadata"); !strings.Contains(m, `"event_type":"mentorbot_delivery"`) || !strings.Contains(m, "checkin:p1:1:U1") {
		t.Fatalf("got metadata %q, want the delivery key", m)
	}
	for _, tt := range []struct {
		user, key string
		want      bool
	}{{"U1", "checkin:p1:1:U1", true}, {"U1", "checkin:p1:2:U1", false}, {"U2", "checkin:p1:1:U2", false}} {
		got, err := r.a.Delivered(ctx, member(tt.user), tt.key)
		if err != nil || got != tt.want {
			t.Errorf("Delivered(%s, %s) = %v, %v; want %v", tt.user, tt.key, got, err, tt.want)
		}
	}
	h := r.fake.Calls("conversations.history")
	if len(h) == 0 || h[0].Get("include_all_metadata") != "1" {
		t.Fatalf("got conversations.history %v, want it asked with include_all_metadata", h)
	}
}

// TestDeliveredTogether: an introduction sent with a delivery key carries
// it as message metadata in the pair's group DM, and DeliveredTogether
// finds it there (asking conversations.history with the metadata); a
// key it does not carry, or another pair's group DM, is not found.
func TestDeliveredTogether(t *testing.T) {
	ctx := context.Background()
	r := MustRig(t, &recorder{})
	r.fake.AddUser(slackfake.User{ID: "U1"}, slackfake.User{ID: "U2"}, slackfake.User{ID: "U3"})
	intro := proposal
	intro.Delivery = "intro:p1"
	pair := []bot.MemberID{member("U1"), member("U2")}
	if err := r.a.Introduce(ctx, pair, intro); err != nil {
		t.Fatal(err)
	}
	if m := r.fake.Calls("chat.postMessage")[0].Get("metadata"); !strings.Contains(m, "intro:p1") {
		t.Fatalf("got metadata %q, want the delivery key", m)
	}
	for _, tt := range []struct {
		members []bot.MemberID
		key     string
		want    bool
	}{
		{pair, "intro:p1", true},
		{pair, "intro:p2", false},
		{[]bot.MemberID{member("U1"), member("U3")}, "intro:p1", false},
	} {
		got, err := r.a.DeliveredTogether(ctx, tt.members, tt.key)
		if err != nil || got != tt.want {
			t.Errorf("DeliveredTogether(%v, %s) = %v, %v; want %v", tt.members, tt.key, got, err, tt.want)
		}
	}
	if h := r.fake.Calls("conversations.history"); len(h) == 0 || h[0].Get("include_all_metadata") != "1" {
		t.Fatalf("got conversations.history %v, want it asked with include_all_metadata", h)
	}
}
