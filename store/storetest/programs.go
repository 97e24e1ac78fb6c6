package storetest

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/matching"
)

// programTests are the contract of bot.ProgramStore, and of the program
// fields of offers and requests.
var programTests = []contractTest{
	{"Programs", testPrograms},
	{"ProgramClose", testProgramClose},
	{"ProgramConcurrentClose", testProgramConcurrentClose},
	{"ProgramKickOff", testProgramKickOff},
	{"ProgramRequests", testProgramRequests},
	{"ProgramOfOffersAndRequests", testProgramFields},
}

func program(tn bot.Tenant, id, name string, start time.Time) bot.Program {
	return bot.Program{
		ID: bot.ProgramID(id), Tenant: tn, Name: name, Kind: matching.OneToOne,
		Start: start, End: start.AddDate(0, 5, 0), State: bot.ProgramOpen, Created: t0,
	}
}

// testPrograms: a program reads back as created, charter and questions
// included; a second with its ID is ECONFLICT; the list is by start date;
// the jobs are scheduled with the program.
func testPrograms(t *testing.T, s bot.Store, tn bot.Tenant) {
	_, err := s.GetProgram(ctx(), tn, "nope")
	MustCode(t, err, bot.ENOTFOUND)
	if all, err := s.Programs(ctx(), tn); err != nil || len(all) != 0 {
		t.Fatalf("got %v, %v, want no program", all, err)
	}
	p := program(tn, "mentorat-2027", "Mentorat 2027", time.Date(2027, 1, 15, 0, 0, 0, 0, time.UTC))
	p.Charter = map[bot.Lang]string{"fr": "Je m'engage à être présent·e." + " Une charte longue de plus de soixante-quatre caractères, en morceaux."}
	p.Questions = []string{"Le mentor a-t-il répondu à vos questions ?"}
	MustOK(t, s.CreateProgram(ctx(), p, []bot.Job{bot.NewJob(t0.Add(time.Hour), bot.JobTest, "U1", "prog")}))
	got, err := s.GetProgram(ctx(), tn, p.ID)
	MustOK(t, err)
	if !reflect.DeepEqual(got, p) {
		t.Fatalf("got %+v, want %+v", got, p)
	}
	dup := program(tn, "mentorat-2027", "mentorat 2027", t0)
	MustCode(t, s.CreateProgram(ctx(), dup, nil), bot.ECONFLICT)
	early := program(tn, "flash-mars", "Flash mars", time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC))
	MustOK(t, s.CreateProgram(ctx(), early, nil))
	all, err := s.Programs(ctx(), tn)
	MustOK(t, err)
	if len(all) != 2 || all[0].ID != "flash-mars" || all[1].ID != "mentorat-2027" || all[1].Name != "Mentorat 2027" {
		t.Fatalf("got %+v, want flash-mars then mentorat-2027 (the first kept)", all)
	}
	jobs, err := s.ClaimJobs(ctx(), tn, t0.Add(2*time.Hour), time.Minute, 10)
	MustOK(t, err)
	if len(jobs) != 1 || jobs[0].ID != "test:U1:prog" {
		t.Fatalf("got jobs %v, want the program's job", jobs)
	}
}

// testProgramClose: closing an open program closes it once, with its
// jobs (the end job scheduled at its creation moves to the close); a
// second close is ESTALE and schedules nothing; an unknown program is
// ENOTFOUND.
func testProgramClose(t *testing.T, s bot.Store, tn bot.Tenant) {
	p := program(tn, "p", "P", t0)
	MustOK(t, s.CreateProgram(ctx(), p, []bot.Job{bot.NewJob(t0.Add(1000*time.Hour), bot.JobTest, "U1", "end")}))
	at := t0.Add(24 * time.Hour)
	got, err := s.CloseProgram(ctx(), tn, p.ID, at, []bot.Job{bot.NewJob(at, bot.JobTest, "U1", "end")})
	MustOK(t, err)
	if got.State != bot.ProgramClosed || !got.Closed.Equal(at) {
		t.Fatalf("got %+v, want closed at %v", got, at)
	}
	_, err = s.CloseProgram(ctx(), tn, p.ID, at, []bot.Job{bot.NewJob(at, bot.JobTest, "U1", "again")})
	MustCode(t, err, bot.ESTALE)
	_, err = s.CloseProgram(ctx(), tn, "nope", at, nil)
	MustCode(t, err, bot.ENOTFOUND)
	jobs, err := s.ClaimJobs(ctx(), tn, at, time.Minute, 10)
	MustOK(t, err)
	if len(jobs) != 1 || jobs[0].ID != "test:U1:end" {
		t.Fatalf("got jobs %v, want the first close's job only", jobs)
	}
}

// testProgramConcurrentClose: of 20 closes at once, one closes.
func testProgramConcurrentClose(t *testing.T, s bot.Store, tn bot.Tenant) {
	p := program(tn, "p", "P", t0)
	MustOK(t, s.CreateProgram(ctx(), p, nil))
	codes := concurrently(20, func(i int) error {
		_, err := s.CloseProgram(ctx(), tn, p.ID, t0.Add(time.Duration(i)*time.Minute), nil)
		return err
	})
	if codes[""] != 1 || codes[bot.ESTALE] != 19 {
		t.Fatalf("got outcomes %v, want one close and 19 ESTALE", codes)
	}
}

// testProgramKickOff: a kick-off is recorded once.
func testProgramKickOff(t *testing.T, s bot.Store, tn bot.Tenant) {
	p := program(tn, "p", "P", t0)
	MustOK(t, s.CreateProgram(ctx(), p, nil))
	codes := concurrently(10, func(i int) error {
		_, err := s.KickOffProgram(ctx(), tn, p.ID, t0.Add(time.Hour))
		return err
	})
	if codes[""] != 1 || codes[bot.ESTALE] != 9 {
		t.Fatalf("got outcomes %v, want one kick-off and 9 ESTALE", codes)
	}
	got, err := s.GetProgram(ctx(), tn, p.ID)
	MustOK(t, err)
	if !got.KickedOff.Equal(t0.Add(time.Hour)) || got.State != bot.ProgramOpen {
		t.Fatalf("got %+v, want kicked off, still open", got)
	}
	_, err = s.KickOffProgram(ctx(), tn, "nope", t0)
	MustCode(t, err, bot.ENOTFOUND)
}

// testProgramRequests: request IDs filed under a program, each once.
func testProgramRequests(t *testing.T, s bot.Store, tn bot.Tenant) {
	for _, id := range []string{"r2", "r1", "r2"} {
		MustOK(t, s.AddProgramRequest(ctx(), tn, "p", id))
	}
	got, err := s.ProgramRequests(ctx(), tn, "p")
	MustOK(t, err)
	if fmt.Sprint(got) != "[r1 r2]" {
		t.Fatalf("got %v, want [r1 r2]", got)
	}
	if got, err := s.ProgramRequests(ctx(), tn, "other"); err != nil || len(got) != 0 {
		t.Fatalf("got %v, %v, want none", got, err)
	}
}

// testProgramFields: a request's program and an offer's programs read
// back from every read (GetRequest, Waiting, GetOffer, Offers, OffersFor);
// a request or an offer naming none reads as naming none (the default
// program).
func testProgramFields(t *testing.T, s bot.Store, tn bot.Tenant) {
	r := bot.Request{ID: "r1", Mentee: tn.Member("M1"), Topic: "go", Kind: matching.OneToOne, State: bot.RequestWaiting, Created: t0, Keys: []string{"go"}, Program: "p2027"}
	MustOK(t, s.CreateRequest(ctx(), r, nil))
	plain := mustRequest(t, s, tn, "M2", "r2")
	got, err := s.GetRequest(ctx(), tn, "r1")
	MustOK(t, err)
	if got.Program != "p2027" || got.InProgram() != "p2027" {
		t.Fatalf("got program %q, want p2027", got.Program)
	}
	w, err := s.Waiting(ctx(), tn)
	MustOK(t, err)
	if len(w) != 2 || w[0].Program != "p2027" && w[1].Program != "p2027" {
		t.Fatalf("got waiting %+v, want r1 in p2027", w)
	}
	if got, _ := s.GetRequest(ctx(), tn, plain.ID); got.Program != "" || got.InProgram() != bot.DefaultProgram {
		t.Fatalf("got %q, want no program (the default)", got.Program)
	}
	o := bot.Offer{Mentor: tn.Member("U1"), Topics: []string{"go"}, Capacity: 2, Languages: []bot.Lang{"en"}, Keys: []string{"go"},
		Programs: []bot.ProgramID{bot.DefaultProgram, "p2027"}, Updated: t0}
	MustOK(t, s.SaveOffer(ctx(), o))
	mustOffer(t, s, tn, "U2", 1)
	one, err := s.GetOffer(ctx(), o.Mentor)
	MustOK(t, err)
	all, err := s.Offers(ctx(), tn)
	MustOK(t, err)
	some, err := s.OffersFor(ctx(), tn, []string{"go"})
	MustOK(t, err)
	if len(all) != 2 || len(some) != 2 {
		t.Fatalf("got %d offers, %d for go, want 2", len(all), len(some))
	}
	for what, got := range map[string]bot.Offer{"GetOffer": one, "Offers": all[0], "OffersFor": byMentor(some, "U1")} {
		if fmt.Sprint(got.Programs) != "[default p2027]" {
			t.Errorf("%s: got programs %v, want [default p2027]", what, got.Programs)
		}
	}
	for what, got := range map[string]bot.Offer{"Offers": all[1], "OffersFor": byMentor(some, "U2")} {
		if len(got.Programs) != 0 || fmt.Sprint(got.InPrograms()) != "[default]" {
			t.Errorf("%s: got programs %v, want none (the default)", what, got.Programs)
		}
	}
}

func byMentor(offers []bot.Offer, user string) bot.Offer {
	for _, o := range offers {
		if o.Mentor.User == user {
			return o
		}
	}
	return bot.Offer{}
}
