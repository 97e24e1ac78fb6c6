package bot

import (
	"context"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/mentorbot/mentorbot/matching"
)

// ProgramReport is a program's end-of-program report: its figures, the
// guide's indicators, and the same figures of the program before it.
type ProgramReport struct {
	Program  Program
	Figures  ProgramFigures
	Previous *Program // the program that started last before this one; nil for the first
	Before   ProgramFigures
	// Weeks are the program's weeks, first to last (at most 52): pairs
	// formed, first meetings and the average rating of the surveys
	// answered in each, for the chart.
	Weeks []WeekFigures
}

// ProgramFigures are a program's numbers, computed from its pairs (the
// pairs formed from its requests) and their survey answers.
type ProgramFigures struct {
	// Pairs are the pairs that started (both accepted the charter); Met,
	// Completed and the shares count among them.
	Pairs, Met, Completed int
	// Cancelled are the pairs formed from its requests that were
	// cancelled before starting (neverStarted: the charter declined,
	// withdrawn or not accepted in time), as the digest counts them
	// beside its pairs formed; Pairs + Cancelled are its pairs formed.
	Cancelled int
	// Surveys and RatingSum are the final surveys' ratings (end of a
	// relationship, or after a flash session), both roles.
	Surveys, RatingSum int
	// AnsweredYes, AnsweredPartly and AnsweredNo are the mentees' answers
	// to "did your mentor answer your questions?".
	AnsweredYes, AnsweredPartly, AnsweredNo int
	// Mentors is the number of people who mentored in the program;
	// Renewed those of them who mentor in the next one (NextProgram), by
	// a pair or an offer in it.
	Mentors, Renewed int
	NextProgram      bool // a program started after this one: renewal can be told
	// Mentees is the number of people mentored in the program; Became
	// those of them who became mentors since: an offer now, or a pair
	// as mentor formed after their first pair as mentee.
	Mentees, Became int
	// Topics are the program's pairs by topic (folded as the matcher
	// reads topics, named as members typed them), most paired first.
	Topics []TopicCount
	// FirstMeeting is the median time from a pair's forming to its first
	// meeting, over the pairs that met; 0 when none did. The first
	// meeting is the time the pair agreed on when it came before their
	// "yes" to a check-in, else that "yes" (firstMeetings).
	FirstMeeting time.Duration
	// GoalPairs are the pairs that set goals (goals.go), and GoalReached
	// those that reached at least one of them.
	GoalPairs, GoalReached int
}

// AverageRating is the program's mean final rating; ok is false without any.
func (f ProgramFigures) AverageRating() (avg float64, ok bool) {
	if f.Surveys == 0 {
		return 0, false
	}
	return float64(f.RatingSum) / float64(f.Surveys), true
}

// Answered is the number of mentees who answered the "did your mentor
// answer your questions?" question.
func (f ProgramFigures) Answered() int { return f.AnsweredYes + f.AnsweredPartly + f.AnsweredNo }

// maxReportWeeks bounds the weeks a program's chart shows.
const maxReportWeeks = 52

// ProgramReport gathers a program's report: one read of the workspace
// (Export), its offers and programs, and each program's filed requests to
// know a pair's program (pairPrograms).
func (b *Bot) ProgramReport(ctx context.Context, t Tenant, id ProgramID) (ProgramReport, error) {
	programs, err := b.store.programs.Programs(ctx, t)
	if err != nil {
		return ProgramReport{}, err
	}
	r := ProgramReport{}
	found := false
	for _, p := range programs {
		if p.ID == id {
			r.Program, found = p, true
		}
	}
	if !found {
		return ProgramReport{}, unknownProgram(string(id), programs, "program")
	}
	prev, next := neighbours(programs, r.Program)
	e, err := b.store.reports.Export(ctx, t)
	if err != nil {
		return ProgramReport{}, err
	}
	offers, err := b.store.offers.Offers(ctx, t)
	if err != nil {
		return ProgramReport{}, err
	}
	of, err := b.pairPrograms(ctx, t, programs, e.Pairs)
	if err != nil {
		return ProgramReport{}, err
	}
	in := cohortInput{all: e.Pairs, answers: e.Answers, offers: offers, programOf: of}
	in.met = b.firstMeetings(ctx, t, e.Pairs, of, r.Program.ID, idOf(prev))
	if in.goals, err = b.cohortGoals(ctx, t, in, r.Program.ID, idOf(prev)); err != nil {
		return ProgramReport{}, err
	}
	r.Figures = programFigures(in, r.Program.ID, idOf(next))
	if prev != nil {
		r.Previous = prev
		r.Before = programFigures(in, prev.ID, r.Program.ID)
	}
	r.Weeks = programWeeks(in, r.Program, b.workspaceLoc(ctx, t))
	return r, nil
}

// neighbours returns the programs that started last before p and first
// after it (by start date, then ID), nil where there is none.
func neighbours(programs []Program, p Program) (prev, next *Program) {
	for i := range programs {
		q := programs[i]
		if q.ID == p.ID {
			continue
		}
		if startsBefore(q, p) && (prev == nil || startsBefore(*prev, q)) {
			prev = &programs[i]
		}
		if startsBefore(p, q) && (next == nil || startsBefore(q, *next)) {
			next = &programs[i]
		}
	}
	return prev, next
}

func startsBefore(a, b Program) bool {
	return a.Start.Before(b.Start) || a.Start.Equal(b.Start) && a.ID < b.ID
}

func idOf(p *Program) ProgramID {
	if p == nil {
		return ""
	}
	return p.ID
}

// pairPrograms maps each pair to its program: the program its request is
// filed under (fileInProgram), one read per program rather than one per
// pair; a pair whose request is in none is the default program's.
func (b *Bot) pairPrograms(ctx context.Context, t Tenant, programs []Program, pairs []Pair) (map[string]ProgramID, error) {
	of := map[string]ProgramID{} // request → program
	for _, p := range programs {
		ids, err := b.store.programs.ProgramRequests(ctx, t, p.ID)
		if err != nil {
			return nil, err
		}
		for _, id := range ids {
			of[id] = p.ID
		}
	}
	out := make(map[string]ProgramID, len(pairs))
	for _, p := range pairs {
		out[p.ID] = DefaultProgram
		if id, ok := of[p.Request]; ok && p.Request != "" {
			out[p.ID] = id
		}
	}
	return out, nil
}

// cohortInput is what a program's figures are computed from.
type cohortInput struct {
	all       []Pair
	answers   []SurveyAnswer
	offers    []Offer
	programOf map[string]ProgramID // pair ID → program
	goals     map[string][]Goal    // pair ID → its goals (goals.go)
	met       map[string]time.Time // pair ID → its first meeting, when not Met (firstMeetings)
}

// firstMet is when pair p first met, zero if it has not said so: the
// meeting time it agreed on (firstMeetings), else its first "yes" to a
// check-in (Met).
func (in cohortInput) firstMet(p Pair) time.Time {
	if p.Met.IsZero() {
		return time.Time{}
	}
	if at, ok := in.met[p.ID]; ok {
		return at
	}
	return p.Met
}

// programFigures computes the figures of program id; next is the program
// after it ("" when there is none), for the renewal of its mentors.
func programFigures(in cohortInput, id, next ProgramID) ProgramFigures {
	f := ProgramFigures{NextProgram: next != ""}
	own := map[string]Pair{}
	mentors, mentees := map[string]bool{}, map[string]time.Time{}
	topics, labels := map[string]int{}, map[string]map[string]int{}
	var firsts []time.Duration
	for _, p := range in.all {
		if in.programOf[p.ID] != id {
			continue
		}
		if neverStarted(p) {
			f.Cancelled++
			continue
		}
		own[p.ID] = p
		f.Pairs++
		if met := in.firstMet(p); !met.IsZero() {
			f.Met++
			firsts = append(firsts, met.Sub(p.Created))
		}
		if p.State == PairCompleted {
			f.Completed++
		}
		mentors[p.Mentor.User] = true
		if first, ok := mentees[p.Mentee.User]; !ok || p.Created.Before(first) {
			mentees[p.Mentee.User] = p.Created
		}
		if key := matching.NormalizeTopic(p.Topic); key != "" {
			topics[key]++
			if labels[key] == nil {
				labels[key] = map[string]int{}
			}
			labels[key][strings.TrimSpace(p.Topic)]++
		}
	}
	f.Mentors, f.Mentees = len(mentors), len(mentees)
	f.GoalPairs, f.GoalReached = goalsReached(in.goals, own)
	f.FirstMeeting = median(firsts)
	for _, a := range in.answers {
		pairID, stage, _ := strings.Cut(string(a.Survey), ":")
		p, ok := own[pairID]
		if !ok || stage != SurveyEnd && stage != SurveyFlash {
			continue
		}
		switch a.Question {
		case "rating":
			if n, err := strconv.Atoi(a.Answer); err == nil && n >= 1 && n <= 5 {
				f.Surveys++
				f.RatingSum += n
			}
		case "answered":
			if a.Member != p.Mentee {
				continue
			}
			switch a.Answer {
			case "yes":
				f.AnsweredYes++
			case "partly":
				f.AnsweredPartly++
			case "no":
				f.AnsweredNo++
			}
		}
	}
	if next != "" {
		renewed := map[string]bool{}
		for _, o := range in.offers {
			if mentors[o.Mentor.User] && containsProgram(o.InPrograms(), next) {
				renewed[o.Mentor.User] = true
			}
		}
		for _, p := range in.all {
			if in.programOf[p.ID] == next && mentors[p.Mentor.User] {
				renewed[p.Mentor.User] = true
			}
		}
		f.Renewed = len(renewed)
	}
	became := map[string]bool{}
	for _, o := range in.offers {
		if _, ok := mentees[o.Mentor.User]; ok {
			became[o.Mentor.User] = true
		}
	}
	for _, p := range in.all {
		if first, ok := mentees[p.Mentor.User]; ok && p.Created.After(first) {
			became[p.Mentor.User] = true
		}
	}
	f.Became = len(became)
	for key, n := range topics {
		best, count := "", 0
		for raw, c := range labels[key] {
			if c > count || c == count && raw < best {
				best, count = raw, c
			}
		}
		f.Topics = append(f.Topics, TopicCount{Topic: best, Count: n})
	}
	sort.Slice(f.Topics, func(i, j int) bool {
		a, b := f.Topics[i], f.Topics[j]
		return a.Count > b.Count || a.Count == b.Count && a.Topic < b.Topic
	})
	return f
}

// programWeeks counts, for each week of the program (Monday to Sunday in
// the workspace's zone, from the week of its start to the week of its end
// or of today's last pair), the pairs formed, the first meetings and the
// surveys' ratings, for the chart.
func programWeeks(in cohortInput, p Program, loc *time.Location) []WeekFigures {
	first := weekStart(p.startsAt(loc))
	last := weekStart(p.endsAt(loc).Add(-time.Nanosecond))
	weeks := []WeekFigures{}
	index := map[string]int{}
	for w := first; !w.After(last) && len(weeks) < maxReportWeeks; w = w.AddDate(0, 0, 7) {
		index[WeekOf(w)] = len(weeks)
		weeks = append(weeks, WeekFigures{Week: WeekOf(w)})
	}
	at := func(t time.Time) *WeekFigures {
		if i, ok := index[WeekOf(t.In(loc))]; ok {
			return &weeks[i]
		}
		return nil
	}
	own := map[string]bool{}
	for _, pair := range in.all {
		if in.programOf[pair.ID] != p.ID {
			continue
		}
		// The chart's "pairs formed", as the digest's chart counts them:
		// a pair cancelled at its charter was formed, and has no meeting
		// nor rating to count.
		if w := at(pair.Created); w != nil {
			w.Pairs++
		}
		if neverStarted(pair) {
			continue
		}
		own[pair.ID] = true
		if met := in.firstMet(pair); !met.IsZero() {
			if w := at(met); w != nil {
				w.Meetings++
			}
		}
	}
	for _, a := range in.answers {
		pairID, _, _ := strings.Cut(string(a.Survey), ":")
		if !own[pairID] || a.Question != "rating" {
			continue
		}
		if n, err := strconv.Atoi(a.Answer); err == nil && n >= 1 && n <= 5 {
			if w := at(a.At); w != nil {
				w.Surveys++
				w.RatingSum += n
			}
		}
	}
	return weeks
}

// programChart lays out a program's weeks as the digest's chart does.
func programChart(lang Lang, r ProgramReport) Chart {
	return weeksChart(lang, T(lang, "report.chart_title", "name", r.Program.Name), r.Weeks)
}
