package storetest

import (
	"fmt"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

var historyTests = []contractTest{
	{"Histories", testHistories},
}

// testHistories: verdicts are kept by mentee and mentor, "never" wins over
// "met" whatever the order, and several mentees are read at once.
func testHistories(t *testing.T, s bot.Store, tn bot.Tenant) {
	got, err := s.Histories(ctx(), tn, nil)
	MustOK(t, err)
	if len(got) != 0 {
		t.Fatalf("got %v, want nothing for nobody", got)
	}
	for _, v := range []struct{ mentee, mentor, verdict string }{
		{"M1", "A", bot.VerdictMet},
		{"M1", "A", bot.VerdictNever}, // never wins over met...
		{"M1", "A", bot.VerdictMet},   // ...and stays
		{"M1", "B", bot.VerdictMet},
		{"M1", "B", bot.VerdictMet},
		{"M2", "A", bot.VerdictNever},
		{"M2", "A", bot.VerdictMet},
	} {
		MustOK(t, s.RememberPair(ctx(), tn, v.mentee, v.mentor, v.verdict))
	}
	got, err = s.Histories(ctx(), tn, []string{"M1", "M2", "M3"})
	MustOK(t, err)
	want := map[string]map[string]string{
		"M1": {"A": bot.VerdictNever, "B": bot.VerdictMet},
		"M2": {"A": bot.VerdictNever},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	other := Tenant(t, "test")
	if got, _ := s.Histories(ctx(), other, []string{"M1"}); len(got) != 0 {
		t.Fatalf("got %v in another workspace, want nothing", got)
	}
}
