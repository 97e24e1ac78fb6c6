package store

import (
	"context"
	"strings"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// GetCharter implements bot.Store.
func (s *Store) GetCharter(ctx context.Context, t bot.Tenant) (bot.Charter, error) {
	h, err := s.rdb.HGetAll(ctx, keysFor(t).charter()).Result()
	if err != nil {
		return bot.Charter{}, classify(err, "get charter")
	}
	if len(h) == 0 {
		return bot.Charter{}, notFound("charter")
	}
	c := bot.Charter{Version: num(h["version"]), Updated: fromMS(h["updated"]), Text: map[bot.Lang]string{}}
	for f, v := range h {
		if l, ok := strings.CutPrefix(f, "text:"); ok {
			c.Text[bot.Lang(l)] = v
		}
	}
	return c, nil
}

// SetCharter implements bot.Store. The first charter set replaces the
// built-in one (version 1), so it is version 2.
func (s *Store) SetCharter(ctx context.Context, tn bot.Tenant, lang bot.Lang, text string, at time.Time) (bot.Charter, error) {
	k := keysFor(tn)
	t := newTx()
	t.hsetnx(k.charter(), "version", "1")
	t.hincr(k.charter(), "version", 1)
	t.hset(k.charter(), "text:"+string(lang), text, "updated", ms(at))
	if _, err := t.run(ctx, s.batch); err != nil {
		return bot.Charter{}, err
	}
	return s.GetCharter(ctx, tn)
}
