package store

import (
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/redis/go-redis/v9"
)

// The speed-mentoring events (bot/speed.go). Each transition is one
// guarded script (tx.go): a registration is written only where the
// member's field is empty, a round only where its key does not exist,
// and a change of a round only where its version is the one read.

// speedTries bounds the optimistic retries of a round's change.
const speedTries = 20

// CreateSpeedEvent implements bot.Store.
func (s *Store) CreateSpeedEvent(ctx context.Context, tn bot.Tenant, e bot.SpeedEvent, jobs []bot.Job) error {
	data, err := json.Marshal(e)
	if err != nil {
		return bot.Wrap(bot.EINTERNAL, err, "encode event")
	}
	k := keysFor(tn)
	t := newTx()
	t.notExists(k.speed(e.ID))
	t.hset(k.speed(e.ID), "id", e.ID, "data", string(data))
	t.zadd(k.speeds(), e.Created.UnixMilli(), e.ID)
	t.schedule(k, false, jobs)
	failed, err := t.run(ctx, s.batch)
	switch {
	case err != nil:
		return err
	case failed != 0:
		return &bot.Error{Code: bot.ECONFLICT, Err: errors.New("event exists")}
	}
	s.speedExpire(ctx, e, k.speed(e.ID))
	return s.registerTenant(ctx, tn)
}

// speedExpire sets the expiry of an event's keys: bot.SpeedKept after the
// event's end, counted from its creation as a duration, since Redis's
// clock is not the bot's (tests and the shell move the bot's). A key left
// without one (Redis down just then) goes with its members' data, or by
// hand.
func (s *Store) speedExpire(ctx context.Context, e bot.SpeedEvent, keys ...string) {
	ttl := max(e.End().Sub(e.Created), 0) + bot.SpeedKept()
	for _, key := range keys {
		_ = s.rdb.PExpire(ctx, key, ttl).Err()
	}
}

// GetSpeedEvent implements bot.Store. The event is its JSON, written
// once, and its cancellation, a field of its own ("cancelled", Unix ms).
func (s *Store) GetSpeedEvent(ctx context.Context, tn bot.Tenant, id string) (bot.SpeedEvent, error) {
	v, err := s.rdb.HMGet(ctx, keysFor(tn).speed(id), speedFields...).Result()
	if err != nil {
		return bot.SpeedEvent{}, classify(err, "get event")
	}
	return speedEventOf(v)
}

// speedFields are the fields of an event's hash that make it.
var speedFields = []string{"data", "cancelled"}

// speedEventOf decodes an event from its speedFields; ENOTFOUND when it
// has none (its keys expired).
func speedEventOf(v []any) (bot.SpeedEvent, error) {
	data, _ := v[0].(string)
	if data == "" {
		return bot.SpeedEvent{}, notFound("event")
	}
	var e bot.SpeedEvent
	if err := json.Unmarshal([]byte(data), &e); err != nil {
		return e, bot.Wrap(bot.EINTERNAL, err, "decode event")
	}
	if c, _ := v[1].(string); c != "" {
		e.Cancelled = fromMS(c)
	}
	return e, nil
}

// CancelSpeedEvent implements bot.Store: one guarded step, which sets the
// event's "cancelled" field only where it is empty, with the jobs.
func (s *Store) CancelSpeedEvent(ctx context.Context, tn bot.Tenant, id string, at time.Time, jobs []bot.Job) (bot.SpeedEvent, error) {
	k := keysFor(tn)
	t := newTx()
	t.eq(k.speed(id), "id", id)
	t.eq(k.speed(id), "cancelled", "")
	t.hset(k.speed(id), "cancelled", strconv.FormatInt(at.UnixMilli(), 10))
	t.schedule(k, false, jobs)
	failed, err := t.run(ctx, s.batch)
	switch {
	case err != nil:
		return bot.SpeedEvent{}, err
	case failed == 1:
		return bot.SpeedEvent{}, notFound("event")
	}
	e, err := s.GetSpeedEvent(ctx, tn, id)
	if err == nil && failed == 2 {
		err = &bot.Error{Code: bot.ESTALE, Err: errors.New("event cancelled already")}
	}
	return e, err
}

// SpeedEvents implements bot.Store: the list, then every event in one
// pipeline (a member's status reads it). Events whose keys expired are
// left out.
func (s *Store) SpeedEvents(ctx context.Context, tn bot.Tenant) ([]bot.SpeedEvent, error) {
	k := keysFor(tn)
	ids, err := s.rdb.ZRange(ctx, k.speeds(), 0, -1).Result()
	if err != nil {
		return nil, classify(err, "list events")
	}
	if len(ids) == 0 {
		return nil, nil
	}
	cmds := make([]*redis.SliceCmd, len(ids))
	_, err = s.rdb.Pipelined(ctx, func(p redisPipe) error {
		for i, id := range ids {
			cmds[i] = p.HMGet(ctx, k.speed(id), speedFields...)
		}
		return nil
	})
	if err != nil {
		return nil, classify(err, "list events")
	}
	var out []bot.SpeedEvent
	for i, id := range ids {
		e, err := speedEventOf(cmds[i].Val())
		switch bot.ErrorCode(err) {
		case "":
			out = append(out, e)
		case bot.ENOTFOUND:
			_ = s.rdb.ZRem(ctx, k.speeds(), id).Err()
		default:
			return nil, err
		}
	}
	return out, nil
}

// RegisterSpeed implements bot.Store.
func (s *Store) RegisterSpeed(ctx context.Context, tn bot.Tenant, event string, en bot.SpeedEntrant) (bot.SpeedEntrant, bool, error) {
	data, err := json.Marshal(en)
	if err != nil {
		return en, false, bot.Wrap(bot.EINTERNAL, err, "encode registration")
	}
	k := keysFor(tn)
	t := newTx()
	t.eq(k.speed(event), "id", event)
	t.eq(k.speedWho(event), en.Member.User, "")
	t.eq(k.speed(event), "cancelled", "")
	t.hset(k.speedWho(event), en.Member.User, string(data))
	failed, err := t.run(ctx, s.batch)
	switch {
	case err != nil:
		return en, false, err
	case failed == 1:
		return en, false, notFound("event")
	case failed == 3:
		return en, false, &bot.Error{Code: bot.ESTALE, Err: errors.New("event cancelled")}
	case failed == 2:
		old, err := s.speedEntrant(ctx, k, event, en.Member.User)
		return old, false, err
	}
	if e, err := s.GetSpeedEvent(ctx, tn, event); err == nil {
		s.speedExpire(ctx, e, k.speedWho(event))
	}
	return en, true, nil
}

func (s *Store) speedEntrant(ctx context.Context, k keys, event, user string) (bot.SpeedEntrant, error) {
	v, err := s.rdb.HGet(ctx, k.speedWho(event), user).Result()
	if err != nil {
		return bot.SpeedEntrant{}, classify(err, "get registration")
	}
	var en bot.SpeedEntrant
	if err := json.Unmarshal([]byte(v), &en); err != nil {
		return en, bot.Wrap(bot.EINTERNAL, err, "decode registration")
	}
	return en, nil
}

// UnregisterSpeed implements bot.Store.
func (s *Store) UnregisterSpeed(ctx context.Context, tn bot.Tenant, event, user string) (bot.SpeedEntrant, error) {
	k := keysFor(tn)
	for range speedTries {
		raw, err := s.rdb.HGet(ctx, k.speedWho(event), user).Result()
		if err != nil {
			return bot.SpeedEntrant{}, classify(err, "get registration")
		}
		t := newTx()
		t.eq(k.speedWho(event), user, raw)
		t.hdel(k.speedWho(event), user)
		failed, err := t.run(ctx, s.batch)
		if err != nil {
			return bot.SpeedEntrant{}, err
		}
		if failed == 0 {
			var en bot.SpeedEntrant
			if err := json.Unmarshal([]byte(raw), &en); err != nil {
				return en, bot.Wrap(bot.EINTERNAL, err, "decode registration")
			}
			return en, nil
		}
	}
	return bot.SpeedEntrant{}, &bot.Error{Code: bot.ECONFLICT, Err: errors.New("registration keeps changing")}
}

// SpeedEntrant implements bot.Store.
func (s *Store) SpeedEntrant(ctx context.Context, tn bot.Tenant, event, user string) (bot.SpeedEntrant, error) {
	return s.speedEntrant(ctx, keysFor(tn), event, user)
}

// SpeedEntrants implements bot.Store.
func (s *Store) SpeedEntrants(ctx context.Context, tn bot.Tenant, event string) ([]bot.SpeedEntrant, error) {
	k := keysFor(tn)
	all, err := s.rdb.HGetAll(ctx, k.speedWho(event)).Result()
	if err != nil {
		return nil, classify(err, "list registrations")
	}
	if len(all) == 0 {
		if _, err := s.GetSpeedEvent(ctx, tn, event); err != nil {
			return nil, err
		}
	}
	out := make([]bot.SpeedEntrant, 0, len(all))
	for _, v := range all {
		var en bot.SpeedEntrant
		if err := json.Unmarshal([]byte(v), &en); err != nil {
			return nil, bot.Wrap(bot.EINTERNAL, err, "decode registration")
		}
		out = append(out, en)
	}
	bot.SortSpeedEntrants(out)
	return out, nil
}

// SaveSpeedRound implements bot.Store.
func (s *Store) SaveSpeedRound(ctx context.Context, tn bot.Tenant, r bot.SpeedRound) (bot.SpeedRound, bool, error) {
	data, err := json.Marshal(r)
	if err != nil {
		return r, false, bot.Wrap(bot.EINTERNAL, err, "encode round")
	}
	k := keysFor(tn)
	t := newTx()
	t.eq(k.speed(r.Event), "id", r.Event)
	t.notExists(k.speedRound(r.Event, r.N))
	t.hset(k.speedRound(r.Event, r.N), "data", string(data), "v", "1")
	failed, err := t.run(ctx, s.batch)
	switch {
	case err != nil:
		return r, false, err
	case failed == 1:
		return r, false, notFound("event")
	case failed == 2:
		old, err := s.GetSpeedRound(ctx, tn, r.Event, r.N)
		return old, false, err
	}
	if e, err := s.GetSpeedEvent(ctx, tn, r.Event); err == nil {
		s.speedExpire(ctx, e, k.speedRound(r.Event, r.N))
	}
	return r, true, nil
}

// GetSpeedRound implements bot.Store.
func (s *Store) GetSpeedRound(ctx context.Context, tn bot.Tenant, event string, n int) (bot.SpeedRound, error) {
	r, _, err := s.speedRound(ctx, keysFor(tn), event, n)
	return r, err
}

// speedRound reads a round and its version.
func (s *Store) speedRound(ctx context.Context, k keys, event string, n int) (bot.SpeedRound, string, error) {
	vals, err := s.rdb.HMGet(ctx, k.speedRound(event, n), "data", "v").Result()
	if err != nil {
		return bot.SpeedRound{}, "", classify(err, "get round")
	}
	data, _ := vals[0].(string)
	v, _ := vals[1].(string)
	if data == "" {
		return bot.SpeedRound{}, "", notFound("round")
	}
	var r bot.SpeedRound
	if err := json.Unmarshal([]byte(data), &r); err != nil {
		return r, "", bot.Wrap(bot.EINTERNAL, err, "decode round")
	}
	if r.SatOut == nil {
		r.SatOut = map[string]string{}
	}
	return r, v, nil
}

// UpdateSpeedRound implements bot.Store: read, change, and write only if
// the version is still the one read; else again.
func (s *Store) UpdateSpeedRound(ctx context.Context, tn bot.Tenant, event string, n int, change func(*bot.SpeedRound) error) (bot.SpeedRound, error) {
	k := keysFor(tn)
	for range speedTries {
		r, v, err := s.speedRound(ctx, k, event, n)
		if err != nil {
			return r, err
		}
		if err := change(&r); err != nil {
			return bot.SpeedRound{}, err
		}
		data, err := json.Marshal(r)
		if err != nil {
			return r, bot.Wrap(bot.EINTERNAL, err, "encode round")
		}
		next, _ := strconv.Atoi(v)
		t := newTx()
		t.eq(k.speedRound(event, n), "v", v)
		t.hset(k.speedRound(event, n), "data", string(data), "v", strconv.Itoa(next+1))
		failed, err := t.run(ctx, s.batch)
		if err != nil {
			return r, err
		}
		if failed == 0 {
			return r, nil
		}
		time.Sleep(time.Millisecond)
	}
	return bot.SpeedRound{}, &bot.Error{Code: bot.ECONFLICT, Err: errors.New("round keeps changing")}
}

// EraseSpeedMember implements bot.Store.
func (s *Store) EraseSpeedMember(ctx context.Context, id bot.MemberID) error {
	tn := id.Tenant()
	k := keysFor(tn)
	events, err := s.SpeedEvents(ctx, tn)
	if err != nil {
		return err
	}
	for _, e := range events {
		if err := s.rdb.HDel(ctx, k.speedWho(e.ID), id.User).Err(); err != nil {
			return classify(err, "erase registration")
		}
		for n := 1; n <= e.Rounds; n++ {
			_, err := s.UpdateSpeedRound(ctx, tn, e.ID, n, func(r *bot.SpeedRound) error {
				bot.EraseFromSpeedRound(r, id.User)
				return nil
			})
			if err != nil && bot.ErrorCode(err) != bot.ENOTFOUND {
				return err
			}
		}
	}
	return nil
}
