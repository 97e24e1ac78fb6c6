package bot_test

import "testing"

// TestProgramShowCountsRequests: a request refused when asked (the
// member had one open already) is never counted; one withdrawn is
// counted and said withdrawn, in both languages.
func TestProgramShowCountsRequests(t *testing.T) {
	h := mustProgramHarness(t)
	h.Run("dan", "request kubernetes program:mentorat-2027")
	MustContain(t, h.Run("dan", "request kubernetes program:mentorat-2027"), "You already have a request")
	MustContain(t, h.Run("dan", "request go program:mentorat-2027"), "You already have a request on “kubernetes” (waiting for the kick-off of “Mentorat 2027”, on 10 November 2026).")
	h.Run("dan", "cancel")
	h.Run("erin", "request go program:mentorat-2027")
	MustContain(t, h.Run("alice", "admin program show mentorat-2027"), "Joined: 0 mentors, 2 requests (1 withdrawn since).")
	h.Run("alice", "lang fr")
	MustContain(t, h.Run("alice", "admin programme voir mentorat-2027"), "Inscrits\u202f: 0 mentor, 2 demandes (dont 1 retirée depuis).")
	h.Run("erin", "cancel")
	MustContain(t, h.Run("alice", "admin programme voir mentorat-2027"), "Inscrits\u202f: 0 mentor, 2 demandes (dont 2 retirées depuis).")
	h.Run("fay", "request go program:mentorat-2027")
	h.Run("alice", "lang en")
	MustContain(t, h.Run("alice", "admin program show mentorat-2027"), "Joined: 0 mentors, 3 requests (2 withdrawn since).")
	t.Run("NoneWithdrawn", func(t *testing.T) {
		h := mustProgramHarness(t)
		h.Run("dan", "request go program:mentorat-2027")
		MustContain(t, h.Run("dan", "request go program:mentorat-2027"), "You already have a request")
		MustContain(t, h.Run("alice", "admin program show mentorat-2027"), "Joined: 0 mentors, 1 request.")
	})
}
