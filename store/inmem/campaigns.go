package inmem

import (
	"context"
	"slices"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// campaignSpace is a workspace's campaigns and needs surveys. Its zero
// value is empty; its maps are made on first write.
type campaignSpace struct {
	campaigns map[string]bot.Campaign         // campaign:<id>
	order     []string                        // campaigns
	targets   map[string][]string             // campaign:<id>:targets
	optout    set                             // optout:<user>
	surveys   []bot.NeedsSurvey               // needsurveys
	answers   map[string]map[string]answerMap // needs:<survey>:<user>
}

type answerMap map[string]string

func (c *campaignSpace) init() {
	if c.campaigns == nil {
		c.campaigns, c.targets, c.optout = map[string]bot.Campaign{}, map[string][]string{}, set{}
		c.answers = map[string]map[string]answerMap{}
	}
}

// erase removes a member's answers and opt-out, and their place in
// campaigns' targets (left empty, so that batches keep their positions).
func (c *campaignSpace) erase(u string) {
	c.init()
	delete(c.optout, u)
	for _, a := range c.answers {
		delete(a, u)
	}
	for id, users := range c.targets {
		for i, x := range users {
			if x == u {
				c.targets[id][i] = ""
			}
		}
	}
}

// CreateCampaign implements bot.Store.
func (s *Store) CreateCampaign(ctx context.Context, c bot.Campaign, users []string) error {
	sp := s.lock(c.Tenant)
	defer s.mu.Unlock()
	sp.camp.init()
	if _, ok := sp.camp.campaigns[c.ID]; ok {
		return bot.Errorf(bot.ECONFLICT, "err.internal")
	}
	c.Total, c.Batch, c.CampaignCounts = len(users), -1, bot.CampaignCounts{}
	sp.camp.campaigns[c.ID] = c
	sp.camp.order = append(sp.camp.order, c.ID)
	sp.camp.targets[c.ID] = slices.Clone(users)
	return nil
}

// GetCampaign implements bot.Store.
func (s *Store) GetCampaign(ctx context.Context, t bot.Tenant, id string) (bot.Campaign, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	c, ok := sp.camp.campaigns[id]
	if !ok {
		return c, bot.Errorf(bot.ENOTFOUND, "err.not_found")
	}
	return c, nil
}

// Campaigns implements bot.Store.
func (s *Store) Campaigns(ctx context.Context, t bot.Tenant) ([]bot.Campaign, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	out := []bot.Campaign{}
	for _, id := range sp.camp.order {
		out = append(out, sp.camp.campaigns[id])
	}
	return out, nil
}

// CampaignTargets implements bot.Store.
func (s *Store) CampaignTargets(ctx context.Context, t bot.Tenant, id string, from, to int) ([]string, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	users := sp.camp.targets[id]
	from, to = max(0, min(from, len(users))), max(0, min(to, len(users)))
	if from >= to {
		return []string{}, nil
	}
	return slices.Clone(users[from:to]), nil
}

// RecordCampaignBatch implements bot.Store.
func (s *Store) RecordCampaignBatch(ctx context.Context, t bot.Tenant, id string, batch int, add bot.CampaignCounts) (bool, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	c, ok := sp.camp.campaigns[id]
	if !ok {
		return false, bot.Errorf(bot.ENOTFOUND, "err.not_found")
	}
	if batch <= c.Batch {
		return false, nil
	}
	c.Batch = batch
	c.Sent, c.Unreachable, c.Skipped = c.Sent+add.Sent, c.Unreachable+add.Unreachable, c.Skipped+add.Skipped
	sp.camp.campaigns[id] = c
	return true, nil
}

// SetCampaignRef implements bot.Store.
func (s *Store) SetCampaignRef(ctx context.Context, t bot.Tenant, id, ref string) error {
	sp := s.lock(t)
	defer s.mu.Unlock()
	c, ok := sp.camp.campaigns[id]
	if !ok {
		return bot.Errorf(bot.ENOTFOUND, "err.not_found")
	}
	c.Ref = ref
	sp.camp.campaigns[id] = c
	return nil
}

// SetCampaignOptOut implements bot.Store.
func (s *Store) SetCampaignOptOut(ctx context.Context, id bot.MemberID, out bool) error {
	sp := s.lock(id.Tenant())
	defer s.mu.Unlock()
	sp.camp.init()
	if out {
		sp.camp.optout[id.User] = true
	} else {
		delete(sp.camp.optout, id.User)
	}
	return nil
}

// CampaignOptedOut implements bot.Store.
func (s *Store) CampaignOptedOut(ctx context.Context, id bot.MemberID) (bool, error) {
	sp := s.lock(id.Tenant())
	defer s.mu.Unlock()
	return sp.camp.optout[id.User], nil
}

// SaveNeedsSurvey implements bot.Store.
func (s *Store) SaveNeedsSurvey(ctx context.Context, v bot.NeedsSurvey) error {
	sp := s.lock(v.Tenant)
	defer s.mu.Unlock()
	v.Topics = slices.Clone(v.Topics)
	for i, x := range sp.camp.surveys {
		if x.ID == v.ID {
			sp.camp.surveys[i] = v
			return nil
		}
	}
	sp.camp.surveys = append(sp.camp.surveys, v)
	return nil
}

// NeedsSurveys implements bot.Store.
func (s *Store) NeedsSurveys(ctx context.Context, t bot.Tenant) ([]bot.NeedsSurvey, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	out := []bot.NeedsSurvey{}
	for _, v := range sp.camp.surveys {
		v.Topics = slices.Clone(v.Topics)
		out = append(out, v)
	}
	return out, nil
}

// SetNeedsAnswer implements bot.Store.
func (s *Store) SetNeedsAnswer(ctx context.Context, id bot.MemberID, survey, field, value string, at time.Time) error {
	sp := s.lock(id.Tenant())
	defer s.mu.Unlock()
	sp.camp.init()
	if sp.camp.answers[survey] == nil {
		sp.camp.answers[survey] = map[string]answerMap{}
	}
	a := sp.camp.answers[survey][id.User]
	if a == nil {
		a = answerMap{}
		sp.camp.answers[survey][id.User] = a
	}
	a[field], a["at"] = value, at.UTC().Format(time.RFC3339Nano)
	return nil
}

// NeedsAnswers implements bot.Store.
func (s *Store) NeedsAnswers(ctx context.Context, t bot.Tenant, survey string) ([]bot.NeedsAnswer, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	out := []bot.NeedsAnswer{}
	for u, a := range sp.camp.answers[survey] {
		out = append(out, a.answer(bot.MemberID{Platform: t.Platform, Workspace: t.Workspace, User: u}, survey))
	}
	return out, nil
}

// MemberNeeds implements bot.Store.
func (s *Store) MemberNeeds(ctx context.Context, id bot.MemberID) ([]bot.NeedsAnswer, error) {
	sp := s.lock(id.Tenant())
	defer s.mu.Unlock()
	out := []bot.NeedsAnswer{}
	for survey, all := range sp.camp.answers {
		if a, ok := all[id.User]; ok {
			out = append(out, a.answer(id, survey))
		}
	}
	return out, nil
}

func (a answerMap) answer(id bot.MemberID, survey string) bot.NeedsAnswer {
	out := bot.NeedsAnswer{Survey: survey, Member: id}
	for f, v := range a {
		if f == "at" {
			out.Updated, _ = time.Parse(time.RFC3339Nano, v)
			continue
		}
		out.SetField(f, v)
	}
	return out
}
