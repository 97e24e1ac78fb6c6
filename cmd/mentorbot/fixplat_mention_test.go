package main_test

import (
	"strings"
	"testing"
)

// TestFixplatMentionInTopic: a mention typed where a topic goes, as Slack
// sends it (<@UBOB|bob>), is the name the member saw (@bob), as in a
// goal: not Bob's user ID.
func TestFixplatMentionInTopic(t *testing.T) {
	w := MustStartSlack(t)
	got := w.MustCommand(alice, "offer <@UBOB|bob>").AllText()
	if !strings.Contains(got, "@bob") || strings.Contains(got, "UBOB") {
		t.Fatalf("got %q, want the topic as typed, @bob", got)
	}
}
