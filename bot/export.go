package bot

import "time"

// Export is everything a manager's export holds: members, pairs and survey
// answers, read in one call to the store.
type Export struct {
	Members []Member       // by user ID
	Pairs   []Pair         // oldest first
	Answers []SurveyAnswer // by survey, member and question
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
