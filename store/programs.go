package store

import (
	"context"
	"sort"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/matching"
	"github.com/redis/go-redis/v9"
)

// programFields encodes a program. Its charter is kept by language in
// pieces ("charter:<lang>"), with the list of its languages.
func programFields(p bot.Program) []string {
	kv := []string{
		"id", string(p.ID), "name", p.Name, "kind", string(p.Kind), "start", ms(p.Start), "end", ms(p.End),
		"state", string(p.State), "created", ms(p.Created),
	}
	var langs []string
	for l, text := range p.Charter {
		if text != "" {
			langs = append(langs, string(l))
			kv = append(kv, pieces("charter:"+string(l), text)...)
		}
	}
	sort.Strings(langs)
	q := ""
	if len(p.Questions) > 0 {
		q = jsonOf(p.Questions)
	}
	l := ""
	if len(langs) > 0 {
		l = jsonOf(langs)
	}
	return optional(kv, "questions", q, "charter_langs", l, "kicked", msSet(p.KickedOff), "closed", msSet(p.Closed))
}

func programFrom(t bot.Tenant, h map[string]string) bot.Program {
	p := bot.Program{
		ID: bot.ProgramID(h["id"]), Tenant: t, Name: h["name"], Kind: matching.Kind(h["kind"]),
		Start: fromMS(h["start"]), End: fromMS(h["end"]), State: bot.ProgramState(h["state"]),
		Created: fromMS(h["created"]), KickedOff: fromMS(h["kicked"]), Closed: fromMS(h["closed"]),
		Questions: strs(h["questions"]),
	}
	for _, l := range strs(h["charter_langs"]) {
		if p.Charter == nil {
			p.Charter = map[bot.Lang]string{}
		}
		p.Charter[bot.Lang(l)] = joined(h, "charter:"+l)
	}
	return p
}

// CreateProgram implements bot.ProgramStore: the program, its place in
// the workspace's list and its jobs, in one guarded script.
func (s *Store) CreateProgram(ctx context.Context, p bot.Program, jobs []bot.Job) error {
	k := keysFor(p.Tenant)
	t := newTx()
	t.notExists(k.program(p.ID))
	t.hset(k.program(p.ID), programFields(p)...)
	t.sadd(k.programs(), string(p.ID))
	t.schedule(k, false, jobs)
	failed, err := t.run(ctx, s.batch)
	if err != nil {
		return err
	}
	if failed != 0 {
		return &bot.Error{Code: bot.ECONFLICT, Err: errString("program exists")}
	}
	return nil
}

// GetProgram implements bot.ProgramStore.
func (s *Store) GetProgram(ctx context.Context, t bot.Tenant, id bot.ProgramID) (bot.Program, error) {
	h, err := s.rdb.HGetAll(ctx, keysFor(t).program(id)).Result()
	if err != nil {
		return bot.Program{}, classify(err, "get program")
	}
	if len(h) == 0 {
		return bot.Program{}, notFound("program")
	}
	return programFrom(t, h), nil
}

// Programs implements bot.ProgramStore, in two round trips.
func (s *Store) Programs(ctx context.Context, t bot.Tenant) ([]bot.Program, error) {
	k := keysFor(t)
	cmd := redis.NewStringSliceCmd(ctx, "smembers", k.programs())
	if err := s.batch.do(ctx, cmd); err != nil {
		return nil, classify(err, "list programs")
	}
	ids := cmd.Val()
	if len(ids) == 0 {
		return nil, nil
	}
	cmds := make([]*redis.MapStringStringCmd, len(ids))
	_, err := s.rdb.Pipelined(ctx, func(p redisPipe) error {
		for i, id := range ids {
			cmds[i] = p.HGetAll(ctx, k.program(bot.ProgramID(id)))
		}
		return nil
	})
	if err != nil {
		return nil, classify(err, "load programs")
	}
	out := make([]bot.Program, 0, len(ids))
	for _, c := range cmds {
		if h := c.Val(); len(h) > 0 {
			out = append(out, programFrom(t, h))
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].Start.Equal(out[j].Start) {
			return out[i].Start.Before(out[j].Start)
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
}

// CloseProgram implements bot.ProgramStore: one guarded script on the
// program's state, so that of two replicas (or two clicks) closing it,
// one does.
func (s *Store) CloseProgram(ctx context.Context, t bot.Tenant, id bot.ProgramID, at time.Time, jobs []bot.Job) (bot.Program, error) {
	k := keysFor(t)
	tx := newTx()
	tx.eq(k.program(id), "state", string(bot.ProgramOpen))
	tx.hset(k.program(id), "state", string(bot.ProgramClosed), "closed", ms(at))
	tx.schedule(k, true, jobs)
	return s.programTransition(ctx, t, id, tx, "program closed already")
}

// KickOffProgram implements bot.ProgramStore, guarded as CloseProgram is.
func (s *Store) KickOffProgram(ctx context.Context, t bot.Tenant, id bot.ProgramID, at time.Time) (bot.Program, error) {
	k := keysFor(t)
	tx := newTx()
	tx.eq(k.program(id), "kicked", "")
	tx.hset(k.program(id), "kicked", ms(at))
	return s.programTransition(ctx, t, id, tx, "program kicked off already")
}

// programTransition runs a guarded change of a program that exists, and
// returns the program after it: ENOTFOUND if there is none, ESTALE
// (stale) if the guard failed.
func (s *Store) programTransition(ctx context.Context, t bot.Tenant, id bot.ProgramID, tx *tx, stale string) (bot.Program, error) {
	p, err := s.GetProgram(ctx, t, id)
	if err != nil {
		return bot.Program{}, err
	}
	failed, err := tx.run(ctx, s.batch)
	if err != nil {
		return bot.Program{}, err
	}
	p, gerr := s.GetProgram(ctx, t, id)
	if failed != 0 {
		return p, &bot.Error{Code: bot.ESTALE, Err: errString(stale)}
	}
	return p, gerr
}

// AddProgramRequest implements bot.ProgramStore.
func (s *Store) AddProgramRequest(ctx context.Context, t bot.Tenant, id bot.ProgramID, request string) error {
	if err := s.rdb.SAdd(ctx, keysFor(t).programRequests(id), request).Err(); err != nil {
		return classify(err, "add program request")
	}
	return nil
}

// ProgramRequests implements bot.ProgramStore.
func (s *Store) ProgramRequests(ctx context.Context, t bot.Tenant, id bot.ProgramID) ([]string, error) {
	ids, err := s.rdb.SMembers(ctx, keysFor(t).programRequests(id)).Result()
	if err != nil {
		return nil, classify(err, "program requests")
	}
	sort.Strings(ids)
	return ids, nil
}
