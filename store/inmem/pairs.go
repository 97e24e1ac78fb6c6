package inmem

import (
	"context"
	"strings"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// GetPair implements bot.Store.
func (s *Store) GetPair(ctx context.Context, t bot.Tenant, id string) (bot.Pair, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	return sp.pair(id)
}

func (sp *space) pair(id string) (bot.Pair, error) {
	p, ok := sp.pairs[id]
	if !ok {
		return p, notFound("pair")
	}
	p.Reasons = reasonsOf(p.Reasons)
	return p, nil
}

// SetPairThread implements bot.Store.
func (s *Store) SetPairThread(ctx context.Context, pair bot.Pair, thread string) error {
	sp := s.lock(pair.Mentor.Tenant())
	defer s.mu.Unlock()
	p, ok := sp.pairs[pair.ID]
	if !ok || p.Mentor.User != pair.Mentor.User {
		return notFound("pair")
	}
	p.Thread = thread
	sp.pairs[pair.ID] = p
	return nil
}

// PairsOf implements bot.Store, newest first.
func (s *Store) PairsOf(ctx context.Context, m bot.MemberID) ([]bot.Pair, error) {
	sp := s.lock(m.Tenant())
	defer s.mu.Unlock()
	return sp.pairsOfUser(m.User), nil
}

// Mentees implements bot.Store: each user's record, history and pairs
// (as PairsOf reads them); users with none of the three left out.
func (s *Store) Mentees(ctx context.Context, t bot.Tenant, users []string) (map[string]bot.Mentee, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	out := map[string]bot.Mentee{}
	for _, u := range users {
		m, known := sp.members[u]
		if !known {
			m = bot.Member{ID: t.Member(u)}
		}
		e := bot.Mentee{Member: m, Known: known, Pairs: sp.pairsOfUser(u)}
		if h := sp.history[u]; len(h) > 0 {
			e.History = copyMap(h)
		}
		if e.Known || len(e.History) > 0 || len(e.Pairs) > 0 {
			out[u] = e
		}
	}
	return out, nil
}

func (sp *space) pairsOfUser(u string) []bot.Pair {
	ids := sp.pairsOf[u].reversed()
	if len(ids) == 0 {
		return nil
	}
	out := make([]bot.Pair, 0, len(ids))
	for _, id := range ids {
		if p, err := sp.pair(id); err == nil {
			out = append(out, p)
		}
	}
	return out
}

// charterPair returns a pair and by's role in it ("clock" for a zero by);
// EFORBIDDEN if by is not in it.
func (sp *space) charterPair(id string, by bot.MemberID) (bot.Pair, string, error) {
	p, err := sp.pair(id)
	if err != nil {
		return p, "", err
	}
	if by.IsZero() {
		return p, "clock", nil
	}
	role := p.Role(by)
	if role == "" {
		return p, "", coded(bot.EFORBIDDEN, "not in the pair")
	}
	return p, role, nil
}

// AcceptCharter implements bot.Store.
func (s *Store) AcceptCharter(ctx context.Context, t bot.Tenant, id string, by bot.MemberID, version int, at time.Time, onOfficial func(bot.Pair) []bot.Job) (bot.Pair, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	p, role, err := sp.charterPair(id, by)
	if err != nil {
		return p, err
	}
	mine, otherAck := &p.MentorAck, p.MenteeAck
	if role == "mentee" {
		mine, otherAck = &p.MenteeAck, p.MentorAck
	}
	// A zero by (the clock) has no acknowledgement to give: on Redis its
	// guard reads a field that does not exist.
	if p.State != bot.PairCharter || role == "clock" || *mine != 0 {
		return p, coded(bot.ESTALE, "charter already answered")
	}
	read := p
	*mine = version
	m, ok := sp.members[by.User]
	if !ok {
		m = bot.Member{ID: t.Member(by.User)}
	}
	m.CharterVersion, m.CharterAccepted = version, stamp(at)
	sp.members[by.User] = m
	sp.charters = append(sp.charters, acceptance{User: by.User, Pair: id, Version: version, At: stamp(at)})
	if otherAck > 0 {
		p.State, p.Official = bot.PairActive, at
		if onOfficial != nil {
			sp.schedule(false, onOfficial(read))
		}
	}
	sp.pairs[id] = pairOf(t, p)
	return p, nil
}

// DeclineCharter implements bot.Store. The request goes back to waiting,
// without this mentor, unless the mentee opened another meanwhile: then
// it is cancelled.
func (s *Store) DeclineCharter(ctx context.Context, t bot.Tenant, id string, by bot.MemberID, out bot.Outbox) (bot.Pair, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	p, _, err := sp.charterPair(id, by)
	if err != nil {
		return p, err
	}
	if p.State != bot.PairCharter {
		return p, coded(bot.ESTALE, "pair not waiting for charters")
	}
	notices, err := encodeNotices(out)
	if err != nil {
		return p, err
	}
	reason := "charter"
	if by.IsZero() {
		reason = "charter-timeout"
	}
	p.State, p.EndReason = bot.PairCancelled, reason
	stored := sp.pairs[id]
	stored.State, stored.EndReason = bot.PairCancelled, reason
	sp.pairs[id] = stored
	sp.count(p.Mentor.User, true, -1)
	sp.decline(p.Request, p.Mentor.User)
	if _, open := sp.open[p.Mentee.User]; !open {
		sp.requeue(p.Request)
		sp.open[p.Mentee.User] = p.Request
	} else if r, ok := sp.requests[p.Request]; ok {
		r.R.State = bot.RequestCancelled
		sp.requests[p.Request] = r
	}
	s.writeOutbox(sp, notices, out)
	return p, nil
}

// EndPair implements bot.Store.
func (s *Store) EndPair(ctx context.Context, t bot.Tenant, id string, state bot.PairState, reason string, at time.Time) (bot.Pair, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	p, err := sp.pair(id)
	if err != nil {
		return p, err
	}
	if p.State != bot.PairActive {
		return p, coded(bot.ESTALE, "pair not active")
	}
	p.State, p.Ended, p.EndReason = state, at, reason
	sp.pairs[id] = pairOf(t, p)
	sp.count(p.Mentor.User, true, -1)
	return p, nil
}

// RecordCheckin implements bot.Store. A round counts one "not yet",
// whoever says it; the pair is stalled by the rule of rules.go.
func (s *Store) RecordCheckin(ctx context.Context, t bot.Tenant, id, round string, by bot.MemberID, answer string, at time.Time, then func(bot.Pair) (bot.Pair, []bot.Job)) (bot.Pair, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	p, err := sp.pair(id)
	if err != nil {
		return p, err
	}
	if p.Role(by) == "" {
		return p, coded(bot.EFORBIDDEN, "not in the pair")
	}
	h := sp.checkins[id]
	field := round + ":" + by.User
	if h[field] != "" {
		return p, coded(bot.ESTALE, "check-in already answered")
	}
	if h == nil {
		h = map[string]string{}
		sp.checkins[id] = h
	}
	h[field] = answer
	counts := answer // what the answer changes in the pair
	if answer == "notyet" {
		if marker := round + ":notyet"; h[marker] != "" {
			counts = "" // the round's "not yet" was counted already
		} else {
			h[marker] = "1"
		}
	}
	switch counts {
	case "yes":
		if p.Met.IsZero() {
			p.Met = at
		}
	case "notyet":
		p.NotYet++
	}
	var jobs []bot.Job
	if then != nil {
		var ruled bot.Pair
		ruled, jobs = then(p)
		if ruled.Stalled {
			p.Stalled = true
		}
	}
	sp.pairs[id] = pairOf(t, p)
	sp.schedule(true, jobs)
	return p, nil
}

// CheckinAnswers implements bot.Store.
func (s *Store) CheckinAnswers(ctx context.Context, t bot.Tenant, id string) (map[string]map[string]string, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	out := map[string]map[string]string{}
	for field, answer := range sp.checkins[id] {
		round, user, ok := strings.Cut(field, ":")
		if !ok || user == "notyet" && answer == "1" {
			continue // the marker of a round's counted "not yet"
		}
		if out[round] == nil {
			out[round] = map[string]string{}
		}
		out[round][user] = answer
	}
	return out, nil
}

// surveyKey names a member's answers to a survey: "<survey>:<user>".
func surveyKey(survey bot.SurveyID, user string) string { return string(survey) + ":" + user }

// AnswerSurvey implements bot.Store; "at" is kept beside the answers, as
// on Redis.
func (s *Store) AnswerSurvey(ctx context.Context, t bot.Tenant, survey bot.SurveyID, by bot.MemberID, question, answer string, at time.Time) error {
	sp := s.lock(t)
	defer s.mu.Unlock()
	key := surveyKey(survey, by.User)
	h := sp.surveys[key]
	if h[question] != "" {
		return coded(bot.ESTALE, "survey question already answered")
	}
	if h == nil {
		h = map[string]string{}
		sp.surveys[key] = h
	}
	h[question], h["at"] = answer, msField(at)
	return nil
}

// Survey implements bot.Store.
func (s *Store) Survey(ctx context.Context, t bot.Tenant, survey bot.SurveyID, by bot.MemberID) (map[string]string, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	return copyMap(sp.surveys[surveyKey(survey, by.User)]), nil
}

// GetCharter implements bot.Store.
func (s *Store) GetCharter(ctx context.Context, t bot.Tenant) (bot.Charter, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	return sp.getCharter()
}

func (sp *space) getCharter() (bot.Charter, error) {
	if sp.charter == nil {
		return bot.Charter{}, notFound("charter")
	}
	return bot.Charter{Version: sp.charter.Version, Updated: sp.charter.Updated, Text: copyMap(sp.charter.Text)}, nil
}

// SetCharter implements bot.Store. The first charter set replaces the
// built-in one (version 1), so it is version 2.
func (s *Store) SetCharter(ctx context.Context, t bot.Tenant, lang bot.Lang, text string, at time.Time) (bot.Charter, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	if sp.charter == nil {
		sp.charter = &charter{Version: 1, Text: map[bot.Lang]string{}}
	}
	sp.charter.Version++
	sp.charter.Text[lang], sp.charter.Updated = text, stamp(at)
	return sp.getCharter()
}

// Overview implements bot.Store.
func (s *Store) Overview(ctx context.Context, m bot.MemberID) (bot.Overview, error) {
	sp := s.lock(m.Tenant())
	defer s.mu.Unlock()
	var ov bot.Overview
	if o, ok := sp.offer(m.User); ok {
		ov.Offer = &o
	}
	if id, ok := sp.open[m.User]; ok {
		if r, ok := sp.request(id); ok {
			ov.Request = &r
		}
	}
	ov.Pairs = sp.pairsOfUser(m.User)
	if len(ov.Pairs) > 0 {
		ov.Names = map[string]string{}
		for _, p := range ov.Pairs {
			u := p.Other(m).User
			ov.Names[u] = sp.members[u].Name
		}
	}
	return ov, nil
}
