package store

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/mentorbot/mentorbot/matching"
)

// TestReasonsField: reasons read back as written, an older JSON value is
// still read, and the compact form is much smaller than JSON.
func TestReasonsField(t *testing.T) {
	rs := []matching.Reason{
		{Code: matching.ReasonTopic, Detail: "kubernetes", Exact: true},
		{Code: matching.ReasonLanguage, Detail: "fr"},
		{Code: matching.ReasonTimeZone, Hours: -3},
		{Code: matching.ReasonExperience, Detail: "senior", Years: 12},
		{Code: matching.ReasonWaited, Days: 4},
	}
	if got := reasonsFrom(reasonsField(rs)); !reflect.DeepEqual(got, rs) {
		t.Fatalf("got %+v, want %+v", got, rs)
	}
	old, _ := json.Marshal(rs)
	if got := reasonsFrom(string(old)); !reflect.DeepEqual(got, rs) {
		t.Fatalf("got %+v from JSON, want %+v", got, rs)
	}
	if c, j := len(reasonsField(rs)), len(old); 3*c > j {
		t.Fatalf("got %d bytes, want under a third of JSON's %d", c, j)
	}
	// A peer's "similar" keeps the mentee's years, in a seventh field
	// that the other records do not carry.
	peer := []matching.Reason{{Code: matching.ReasonExperience, Detail: "similar", Years: 6, MenteeYears: 4}, {Code: matching.ReasonWaited, Days: 2}}
	if got := reasonsFrom(reasonsField(peer)); !reflect.DeepEqual(got, peer) {
		t.Fatalf("got %+v, want %+v", got, peer)
	}
	if got := reasonsFrom(reasonsField(nil)); got != nil {
		t.Fatalf("got %+v for no reasons, want nil", got)
	}
}
