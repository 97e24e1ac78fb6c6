package store

import (
	"context"

	"github.com/mentorbot/mentorbot/bot"
)

func (k keys) synonyms() string { return string(k) + "synonyms" }

// TopicSynonyms implements bot.Store: one HGETALL.
func (s *Store) TopicSynonyms(ctx context.Context, t bot.Tenant) (map[string]string, error) {
	m, err := s.rdb.HGetAll(ctx, keysFor(t).synonyms()).Result()
	if err != nil {
		return nil, classify(err, "topic synonyms")
	}
	return m, nil
}

// SetTopicSynonym implements bot.Store.
func (s *Store) SetTopicSynonym(ctx context.Context, t bot.Tenant, alias, canonical string) error {
	return classify(s.rdb.HSet(ctx, keysFor(t).synonyms(), alias, canonical).Err(), "set topic synonym")
}

// RemoveTopicSynonym implements bot.Store.
func (s *Store) RemoveTopicSynonym(ctx context.Context, t bot.Tenant, alias string) error {
	n, err := s.rdb.HDel(ctx, keysFor(t).synonyms(), alias).Result()
	if err != nil {
		return classify(err, "remove topic synonym")
	}
	if n == 0 {
		return notFound("topic synonym")
	}
	return nil
}

// SetRequestTopic implements bot.Store, guarded on the request being
// waiting, in one script.
func (s *Store) SetRequestTopic(ctx context.Context, t bot.Tenant, id, topic string, keys []string) (bot.Request, error) {
	r, err := s.GetRequest(ctx, t, id)
	if err != nil {
		return r, err
	}
	if r.State != bot.RequestWaiting {
		return r, &bot.Error{Code: bot.ESTALE, Err: errString("request is not waiting")}
	}
	k := keysFor(t)
	raw := keysField(r.Keys) // as read: the script checks they are still so
	x := newTx()
	x.eq(k.request(id), "state", string(bot.RequestWaiting))
	x.keysAs(k, id, raw)
	x.hset(k.request(id), "topic", topic, "keys", keysField(keys))
	for _, key := range strs(raw) {
		x.zrem(k.topicWaiting(key), id)
	}
	x.fileWaiting(k, id, r.Created.UnixMilli(), keys)
	failed, err := x.run(ctx, s.batch)
	if err != nil {
		return r, err
	}
	if failed != 0 {
		return r, &bot.Error{Code: bot.ESTALE, Err: errString("request changed while changing its topic")}
	}
	r.Topic, r.Keys = topic, keys
	return r, nil
}
