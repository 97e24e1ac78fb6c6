package matching

import "strings"

// Kind is a kind of mentoring relationship.
type Kind string

// The kinds of mentoring the bot knows.
const (
	Flash    Kind = "flash"      // one short "Meet & Share" session
	OneToOne Kind = "one-to-one" // relationship over a program period
	Peer     Kind = "peer"       // similar experience, different expertise
	Reverse  Kind = "reverse"    // a younger/less senior mentor teaches a senior
)

// Kinds lists every known kind in display order. Callers must not modify it.
var Kinds = []Kind{Flash, OneToOne, Peer, Reverse}

// ParseKind maps user input to a Kind. It ignores case and surrounding
// spaces and accepts "flash", "one-to-one", "1:1", "onetoone", "one2one",
// "peer" and "reverse". It reports false, with an empty Kind, otherwise.
func ParseKind(s string) (Kind, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "flash":
		return Flash, true
	case "one-to-one", "1:1", "onetoone", "one2one":
		return OneToOne, true
	case "peer":
		return Peer, true
	case "reverse":
		return Reverse, true
	}
	return "", false
}

// canonicalKind returns the parsed form of k when k parses, else k itself,
// so that a mentor's "1:1" and a need's "one-to-one" compare equal.
func canonicalKind(k Kind) Kind {
	if p, ok := ParseKind(string(k)); ok {
		return p
	}
	return k
}
