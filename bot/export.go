package bot

import (
	"sort"
	"time"
)

// Export is everything a manager's export holds: members, pairs and survey
// answers, read in one call to the store.
type Export struct {
	Members []Member       // by user ID
	Pairs   []Pair         // oldest first
	Answers []SurveyAnswer // by survey, member and question
	// Requests are the requests waiting for a mentor, oldest first, and
	// Programs the program of each pair and request by its ID (none for
	// the default program): both filled by the core for the managers'
	// export (runAdminExport), not by the store.
	Requests []Request
	Programs map[string]ProgramID
	// Lang is the language of the manager the export is for: a topic the
	// bot stores in place of the members' words (OpenTopic) is written in
	// it (English when unset), as every message writes it.
	Lang Lang
}

// Sort puts an export in its order: members by user ID, pairs oldest
// first (then by ID), answers by survey, member and question.
func (e *Export) Sort() {
	sort.Slice(e.Members, func(i, j int) bool { return e.Members[i].ID.User < e.Members[j].ID.User })
	sort.Slice(e.Pairs, func(i, j int) bool {
		a, b := e.Pairs[i], e.Pairs[j]
		return a.Created.Before(b.Created) || a.Created.Equal(b.Created) && a.ID < b.ID
	})
	sort.Slice(e.Answers, func(i, j int) bool {
		a, b := e.Answers[i], e.Answers[j]
		if a.Survey != b.Survey {
			return a.Survey < b.Survey
		}
		if a.Member.User != b.Member.User {
			return a.Member.User < b.Member.User
		}
		return a.Question < b.Question
	})
}

// SurveyAnswer is one answer to one question of a survey (check-in
// answers are not included). At is when the member last answered that
// survey.
type SurveyAnswer struct {
	Survey   SurveyID
	Member   MemberID
	Question string
	Answer   string
	At       time.Time
}
