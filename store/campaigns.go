package store

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/redis/go-redis/v9"
)

// Campaigns, their targets and the members who opted out; needs surveys
// and their answers (bot/campaign.go, bot/needs.go):
//
//	campaign:<id>          hash   "json" (what does not change), "batch", "sent",
//	                              "unreachable", "skipped", "ref"
//	campaign:<id>:targets  list   target user IDs in order; "" for an erased member
//	campaigns              zset   campaign IDs by creation time (ms)
//	optout:<user>          string a member who opted out of campaigns
//	needsurvey:<id>        string a needs survey (JSON)
//	needsurveys            zset   survey IDs by creation time (ms)
//	needs:<survey>:<user>  hash   a member's answer: field → value, "at"
//
// Erase deletes optout:<user> and needs:<survey>:<user> by their last part,
// and blanks the member's places in the targets (eraseTargets).

func (k keys) campaign(id string) string        { return string(k) + "campaign:" + id }
func (k keys) campaignTargets(id string) string { return string(k) + "campaign:" + id + ":targets" }
func (k keys) campaigns() string                { return string(k) + "campaigns" }
func (k keys) optOut(u string) string           { return string(k) + "optout:" + u }
func (k keys) needsSurvey(id string) string     { return string(k) + "needsurvey:" + id }
func (k keys) needsSurveys() string             { return string(k) + "needsurveys" }
func (k keys) needsAnswer(survey, u string) string {
	return string(k) + "needs:" + survey + ":" + u
}

// CreateCampaign implements bot.Store: the campaign, its targets and its
// place in the list in one MULTI, unless the ID exists.
func (s *Store) CreateCampaign(ctx context.Context, c bot.Campaign, users []string) error {
	k := keysFor(c.Tenant)
	c.Total, c.Batch, c.CampaignCounts, c.Ref = len(users), -1, bot.CampaignCounts{}, ""
	b, err := json.Marshal(c)
	if err != nil {
		return bot.Wrap(bot.EINTERNAL, err, "encode campaign")
	}
	ok, err := s.rdb.HSetNX(ctx, k.campaign(c.ID), "json", b).Result()
	if err != nil {
		return classify(err, "create campaign")
	}
	if !ok {
		return &bot.Error{Code: bot.ECONFLICT, Key: "err.internal"}
	}
	_, err = s.rdb.TxPipelined(ctx, func(p redisPipe) error {
		p.HSet(ctx, k.campaign(c.ID), "batch", -1, "sent", 0, "unreachable", 0, "skipped", 0)
		for i := 0; i < len(users); i += 1000 {
			vals := make([]any, 0, 1000)
			for _, u := range users[i:min(i+1000, len(users))] {
				vals = append(vals, u)
			}
			p.RPush(ctx, k.campaignTargets(c.ID), vals...)
		}
		p.ZAdd(ctx, k.campaigns(), redis.Z{Score: float64(c.Created.UnixMilli()), Member: c.ID})
		return nil
	})
	return classify(err, "create campaign")
}

// GetCampaign implements bot.Store.
func (s *Store) GetCampaign(ctx context.Context, tn bot.Tenant, id string) (bot.Campaign, error) {
	h, err := s.rdb.HGetAll(ctx, keysFor(tn).campaign(id)).Result()
	if err != nil {
		return bot.Campaign{}, classify(err, "get campaign")
	}
	if h["json"] == "" {
		return bot.Campaign{}, &bot.Error{Code: bot.ENOTFOUND, Key: "err.not_found"}
	}
	return campaignOf(h)
}

func campaignOf(h map[string]string) (bot.Campaign, error) {
	var c bot.Campaign
	if err := json.Unmarshal([]byte(h["json"]), &c); err != nil {
		return c, bot.Wrap(bot.EINTERNAL, err, "decode campaign")
	}
	n := func(f string) int { v, _ := strconv.Atoi(h[f]); return v }
	c.Batch, c.Sent, c.Unreachable, c.Skipped, c.Ref = n("batch"), n("sent"), n("unreachable"), n("skipped"), h["ref"]
	return c, nil
}

// Campaigns implements bot.Store.
func (s *Store) Campaigns(ctx context.Context, tn bot.Tenant) ([]bot.Campaign, error) {
	k := keysFor(tn)
	ids, err := s.rdb.ZRange(ctx, k.campaigns(), 0, -1).Result()
	if err != nil {
		return nil, classify(err, "campaigns")
	}
	cmds := make([]*redis.MapStringStringCmd, len(ids))
	_, err = s.rdb.Pipelined(ctx, func(p redisPipe) error {
		for i, id := range ids {
			cmds[i] = p.HGetAll(ctx, k.campaign(id))
		}
		return nil
	})
	if err != nil {
		return nil, classify(err, "campaigns")
	}
	out := []bot.Campaign{}
	for _, c := range cmds {
		if c.Val()["json"] == "" {
			continue
		}
		camp, err := campaignOf(c.Val())
		if err != nil {
			return nil, err
		}
		out = append(out, camp)
	}
	return out, nil
}

// CampaignTargets implements bot.Store.
func (s *Store) CampaignTargets(ctx context.Context, tn bot.Tenant, id string, from, to int) ([]string, error) {
	if to <= from {
		return []string{}, nil
	}
	v, err := s.rdb.LRange(ctx, keysFor(tn).campaignTargets(id), int64(from), int64(to-1)).Result()
	return v, classify(err, "campaign targets")
}

// recordScript adds a batch's counts once: KEYS[1] the campaign; ARGV the
// batch and the three counts. It returns 1 when recorded, 0 when the batch
// was recorded before, -1 when there is no campaign.
var recordScript = redis.NewScript(`
if redis.call('HEXISTS', KEYS[1], 'json') == 0 then return -1 end
local last = tonumber(redis.call('HGET', KEYS[1], 'batch') or '-1')
if tonumber(ARGV[1]) <= last then return 0 end
redis.call('HSET', KEYS[1], 'batch', ARGV[1])
redis.call('HINCRBY', KEYS[1], 'sent', ARGV[2])
redis.call('HINCRBY', KEYS[1], 'unreachable', ARGV[3])
redis.call('HINCRBY', KEYS[1], 'skipped', ARGV[4])
return 1
`)

// RecordCampaignBatch implements bot.Store in one script.
func (s *Store) RecordCampaignBatch(ctx context.Context, tn bot.Tenant, id string, batch int, add bot.CampaignCounts) (bool, error) {
	n, err := recordScript.Run(ctx, s.rdb, []string{keysFor(tn).campaign(id)}, batch, add.Sent, add.Unreachable, add.Skipped).Int()
	if err != nil {
		return false, classify(err, "record campaign")
	}
	if n < 0 {
		return false, &bot.Error{Code: bot.ENOTFOUND, Key: "err.not_found"}
	}
	return n == 1, nil
}

// SetCampaignRef implements bot.Store.
func (s *Store) SetCampaignRef(ctx context.Context, tn bot.Tenant, id, ref string) error {
	return classify(s.rdb.HSet(ctx, keysFor(tn).campaign(id), "ref", ref).Err(), "campaign ref")
}

// SetCampaignOptOut implements bot.Store.
func (s *Store) SetCampaignOptOut(ctx context.Context, id bot.MemberID, out bool) error {
	key := keysFor(id.Tenant()).optOut(id.User)
	if out {
		return classify(s.rdb.Set(ctx, key, "1", 0).Err(), "opt out")
	}
	return classify(s.rdb.Del(ctx, key).Err(), "opt in")
}

// CampaignOptedOut implements bot.Store.
func (s *Store) CampaignOptedOut(ctx context.Context, id bot.MemberID) (bool, error) {
	n, err := s.rdb.Exists(ctx, keysFor(id.Tenant()).optOut(id.User)).Result()
	return n > 0, classify(err, "opted out")
}

// SaveNeedsSurvey implements bot.Store.
func (s *Store) SaveNeedsSurvey(ctx context.Context, v bot.NeedsSurvey) error {
	k := keysFor(v.Tenant)
	b, err := json.Marshal(v)
	if err != nil {
		return bot.Wrap(bot.EINTERNAL, err, "encode survey")
	}
	_, err = s.rdb.TxPipelined(ctx, func(p redisPipe) error {
		p.Set(ctx, k.needsSurvey(v.ID), b, 0)
		p.ZAdd(ctx, k.needsSurveys(), redis.Z{Score: float64(v.Created.UnixMilli()), Member: v.ID})
		return nil
	})
	return classify(err, "save survey")
}

// NeedsSurveys implements bot.Store.
func (s *Store) NeedsSurveys(ctx context.Context, tn bot.Tenant) ([]bot.NeedsSurvey, error) {
	k := keysFor(tn)
	ids, err := s.rdb.ZRange(ctx, k.needsSurveys(), 0, -1).Result()
	if err != nil {
		return nil, classify(err, "surveys")
	}
	out := []bot.NeedsSurvey{}
	if len(ids) == 0 {
		return out, nil
	}
	keys := make([]string, len(ids))
	for i, id := range ids {
		keys[i] = k.needsSurvey(id)
	}
	vals, err := s.rdb.MGet(ctx, keys...).Result()
	if err != nil {
		return nil, classify(err, "surveys")
	}
	for _, v := range vals {
		str, ok := v.(string)
		if !ok {
			continue
		}
		var sv bot.NeedsSurvey
		if err := json.Unmarshal([]byte(str), &sv); err != nil {
			return nil, bot.Wrap(bot.EINTERNAL, err, "decode survey")
		}
		out = append(out, sv)
	}
	return out, nil
}

// SetNeedsAnswer implements bot.Store: one field of the hash.
func (s *Store) SetNeedsAnswer(ctx context.Context, id bot.MemberID, survey, field, value string, at time.Time) error {
	key := keysFor(id.Tenant()).needsAnswer(survey, id.User)
	return classify(s.rdb.HSet(ctx, key, field, value, "at", at.UTC().Format(time.RFC3339Nano)).Err(), "needs answer")
}

// NeedsAnswers implements bot.Store. It walks the workspace's keys: a
// manager reads the results now and then.
func (s *Store) NeedsAnswers(ctx context.Context, tn bot.Tenant, survey string) ([]bot.NeedsAnswer, error) {
	k := keysFor(tn)
	prefix := k.needsAnswer(survey, "")
	keys, err := s.scanPrefix(ctx, prefix, "needs answers")
	if err != nil {
		return nil, err
	}
	users := make([]string, 0, len(keys))
	for _, key := range keys {
		if u := strings.TrimPrefix(key, prefix); u != "" && !strings.Contains(u, ":") {
			users = append(users, u)
		}
	}
	return s.needsAnswers(ctx, tn, survey, users, nil)
}

// MemberNeeds implements bot.Store.
func (s *Store) MemberNeeds(ctx context.Context, id bot.MemberID) ([]bot.NeedsAnswer, error) {
	surveys, err := s.rdb.ZRange(ctx, keysFor(id.Tenant()).needsSurveys(), 0, -1).Result()
	if err != nil {
		return nil, classify(err, "member needs")
	}
	return s.needsAnswers(ctx, id.Tenant(), "", []string{id.User}, surveys)
}

// needsAnswers reads the answers of users to survey, or of one user to
// each of surveys, in one pipeline.
func (s *Store) needsAnswers(ctx context.Context, tn bot.Tenant, survey string, users, surveys []string) ([]bot.NeedsAnswer, error) {
	k := keysFor(tn)
	type q struct{ survey, user string }
	var qs []q
	for _, u := range users {
		if survey != "" {
			qs = append(qs, q{survey, u})
		}
		for _, sv := range surveys {
			qs = append(qs, q{sv, u})
		}
	}
	cmds := make([]*redis.MapStringStringCmd, len(qs))
	_, err := s.rdb.Pipelined(ctx, func(p redisPipe) error {
		for i, x := range qs {
			cmds[i] = p.HGetAll(ctx, k.needsAnswer(x.survey, x.user))
		}
		return nil
	})
	if err != nil {
		return nil, classify(err, "needs answers")
	}
	out := []bot.NeedsAnswer{}
	for i, c := range cmds {
		if len(c.Val()) == 0 {
			continue
		}
		a := bot.NeedsAnswer{Survey: qs[i].survey, Member: bot.MemberID{Platform: tn.Platform, Workspace: tn.Workspace, User: qs[i].user}}
		for f, v := range c.Val() {
			if f == "at" {
				a.Updated, _ = time.Parse(time.RFC3339Nano, v)
				continue
			}
			a.SetField(f, v)
		}
		out = append(out, a)
	}
	return out, nil
}

// eraseTargets blanks a member's places in the campaigns' targets, so
// that the batches of a campaign under way keep their positions.
func (s *Store) eraseTargets(ctx context.Context, k keys, u string, all []string) error {
	for _, key := range all {
		if kind, rest := kindOf(k, key); kind != "campaign" || !strings.HasSuffix(rest, ":targets") {
			continue
		}
		users, err := s.rdb.LRange(ctx, key, 0, -1).Result()
		if err != nil {
			return classify(err, "erase targets")
		}
		for i, x := range users {
			if x == u {
				if err := s.rdb.LSet(ctx, key, int64(i), "").Err(); err != nil {
					return classify(err, "erase targets")
				}
			}
		}
	}
	return nil
}
