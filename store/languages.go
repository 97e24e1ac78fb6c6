package store

import (
	"context"

	"github.com/mentorbot/mentorbot/bot"
)

// SetRequestLanguages implements bot.Store, guarded on the request being
// waiting, in one script.
func (s *Store) SetRequestLanguages(ctx context.Context, t bot.Tenant, id string, langs []bot.Lang) (bot.Request, error) {
	r, err := s.GetRequest(ctx, t, id)
	if err != nil {
		return r, err
	}
	if r.State != bot.RequestWaiting {
		return r, &bot.Error{Code: bot.ESTALE, Err: errString("request is not waiting")}
	}
	k := keysFor(t)
	x := newTx()
	x.eq(k.request(id), "state", string(bot.RequestWaiting))
	x.hset(k.request(id), "languages", langsField(langs), "language", "")
	failed, err := x.run(ctx, s.batch)
	if err != nil {
		return r, err
	}
	if failed != 0 {
		return r, &bot.Error{Code: bot.ESTALE, Err: errString("request changed while changing its languages")}
	}
	r.Languages = langs
	return r, nil
}
