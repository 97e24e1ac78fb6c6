package slack

import "testing"

// TestChannelLinksOnce: each "#ID" of a listed channel becomes one link,
// whether the channel is listed once or twice, and an ID that only
// starts another ("#C1" in "#C12") is left alone, as is a link already
// made.
func TestChannelLinksOnce(t *testing.T) {
	for _, tc := range []struct {
		text     string
		channels []string
		want     string
	}{
		{"in #C1; in #C1", []string{"C1", "C1"}, "in <#C1>; in <#C1>"},
		{"in #C12 and #C1.", []string{"C1"}, "in #C12 and <#C1>."},
		{"already <#C1>", []string{"C1"}, "already <#C1>"},
		{"#general", []string{"general"}, "#general"},
	} {
		if got := channelLinks(tc.text, tc.channels); got != tc.want {
			t.Errorf("channelLinks(%q, %q) = %q, want %q", tc.text, tc.channels, got, tc.want)
		}
	}
}
