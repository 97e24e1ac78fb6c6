package inmem

import (
	"context"
	"strings"

	"github.com/mentorbot/mentorbot/bot"
)

// AddManager implements bot.Store.
func (s *Store) AddManager(ctx context.Context, id bot.MemberID) error {
	sp := s.lock(id.Tenant())
	defer s.mu.Unlock()
	sp.managers[id.User] = true
	return nil
}

// RemoveManager implements bot.Store.
func (s *Store) RemoveManager(ctx context.Context, id bot.MemberID) error {
	sp := s.lock(id.Tenant())
	defer s.mu.Unlock()
	if !sp.managers[id.User] {
		return notFound("manager")
	}
	delete(sp.managers, id.User)
	return nil
}

// Managers implements bot.Store, by user ID.
func (s *Store) Managers(ctx context.Context, t bot.Tenant) ([]bot.MemberID, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	users := sp.managers.sorted()
	out := make([]bot.MemberID, len(users))
	for i, u := range users {
		out[i] = t.Member(u)
	}
	return out, nil
}

// IsManager implements bot.Store.
func (s *Store) IsManager(ctx context.Context, id bot.MemberID) (bool, error) {
	sp := s.lock(id.Tenant())
	defer s.mu.Unlock()
	return sp.managers[id.User], nil
}

// TopicSynonyms implements bot.Store.
func (s *Store) TopicSynonyms(ctx context.Context, t bot.Tenant) (map[string]string, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	return copyMap(sp.synonyms), nil
}

// SetTopicSynonym implements bot.Store.
func (s *Store) SetTopicSynonym(ctx context.Context, t bot.Tenant, alias, canonical string) error {
	sp := s.lock(t)
	defer s.mu.Unlock()
	sp.synonyms[alias] = canonical
	return nil
}

// RemoveTopicSynonym implements bot.Store.
func (s *Store) RemoveTopicSynonym(ctx context.Context, t bot.Tenant, alias string) error {
	sp := s.lock(t)
	defer s.mu.Unlock()
	if _, ok := sp.synonyms[alias]; !ok {
		return notFound("topic synonym")
	}
	delete(sp.synonyms, alias)
	return nil
}

// Export implements bot.Store: members by user ID, pairs oldest first,
// survey answers by survey, member and question.
func (s *Store) Export(ctx context.Context, t bot.Tenant) (bot.Export, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	var out bot.Export
	for _, m := range sp.members {
		out.Members = append(out.Members, m)
	}
	for id := range sp.pairs {
		p, _ := sp.pair(id)
		out.Pairs = append(out.Pairs, p)
	}
	for key, h := range sp.surveys {
		out.Answers = append(out.Answers, surveyAnswers(t, key, h)...)
	}
	out.Sort()
	return out, nil
}

// surveyAnswers reads one member's answers to a survey, kept under
// "<pair>:<stage>:<user>".
func surveyAnswers(t bot.Tenant, key string, h map[string]string) []bot.SurveyAnswer {
	i := strings.LastIndexByte(key, ':')
	if i <= 0 || len(h) == 0 {
		return nil
	}
	n, _ := strconvAtoi64(h["at"])
	id, who, at := bot.SurveyID(key[:i]), t.Member(key[i+1:]), fromMS(n)
	var out []bot.SurveyAnswer
	for q, a := range h {
		if q != "at" {
			out = append(out, bot.SurveyAnswer{Survey: id, Member: who, Question: q, Answer: a, At: at})
		}
	}
	return out
}
