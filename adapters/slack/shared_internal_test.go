package slack

import (
	"strconv"
	"strings"
	"testing"
	"unsafe"
)

// TestSharedStrings: equal strings read apart (as each user of a
// users.list page is decoded) come back as one copy, and the kept copies
// are bounded.
func TestSharedStrings(t *testing.T) {
	var c sharedStrings
	a := c.of(strings.Clone("Europe/Paris"))
	b := c.of(strings.Clone("Europe/Paris"))
	if a != b || unsafe.StringData(a) != unsafe.StringData(b) {
		t.Fatalf("two reads of one zone are two copies")
	}
	for i := range 2 * maxShared {
		c.of("zone" + strconv.Itoa(i))
	}
	if len(c.m) != maxShared {
		t.Fatalf("kept %d strings, want at most %d", len(c.m), maxShared)
	}
	if got := c.of("one more"); got != "one more" {
		t.Fatalf("got %q past the bound, want the string itself", got)
	}
}
