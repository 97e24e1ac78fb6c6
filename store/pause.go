package store

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/redis/go-redis/v9"
)

// Pauses (bot/pause.go): one hash per workspace, user → pause, and one of
// counts, user → prompts left unanswered in a row.

func (k keys) pauses() string     { return string(k) + "pauses" }
func (k keys) unanswered() string { return string(k) + "unanswered" }

// encodePause writes a pause as "<at ms>|<until ms, 0 for none>|<flags>",
// flags "o" (offer), "a" (auto) and "u" (unreachable): EndPause's script compares the
// prefix up to the first "|".
func encodePause(p bot.Pause) string {
	until := int64(0)
	if !p.Until.IsZero() {
		until = p.Until.UnixMilli()
	}
	flags := ""
	if p.Offer {
		flags += "o"
	}
	if p.Auto {
		flags += "a"
	}
	if p.Unreachable {
		flags += "u"
	}
	return strconv.FormatInt(p.At.UnixMilli(), 10) + "|" + strconv.FormatInt(until, 10) + "|" + flags
}

// decodePause reads what encodePause wrote; ok is false for anything else.
func decodePause(m bot.MemberID, v string) (bot.Pause, bool) {
	parts := strings.Split(v, "|")
	if len(parts) != 3 {
		return bot.Pause{}, false
	}
	at, err1 := strconv.ParseInt(parts[0], 10, 64)
	until, err2 := strconv.ParseInt(parts[1], 10, 64)
	if err1 != nil || err2 != nil {
		return bot.Pause{}, false
	}
	p := bot.Pause{Member: m, At: time.UnixMilli(at).UTC(), Offer: strings.Contains(parts[2], "o"), Auto: strings.Contains(parts[2], "a"), Unreachable: strings.Contains(parts[2], "u")}
	if until != 0 {
		p.Until = time.UnixMilli(until).UTC()
	}
	return p, true
}

// SetPause implements bot.PauseStore.
func (s *Store) SetPause(ctx context.Context, p bot.Pause) error {
	return classify(s.rdb.HSet(ctx, keysFor(p.Member.Tenant()).pauses(), p.Member.User, encodePause(p)).Err(), "set pause")
}

// GetPause implements bot.PauseStore.
func (s *Store) GetPause(ctx context.Context, m bot.MemberID) (bot.Pause, error) {
	cmd := redis.NewStringCmd(ctx, "hget", keysFor(m.Tenant()).pauses(), m.User)
	if err := s.batch.do(ctx, cmd); err != nil {
		return bot.Pause{}, classify(err, "get pause")
	}
	v := cmd.Val()
	p, ok := decodePause(m, v)
	if !ok {
		return bot.Pause{}, bot.Errorf(bot.ENOTFOUND, "")
	}
	return p, nil
}

// Pauses implements bot.PauseStore.
func (s *Store) Pauses(ctx context.Context, t bot.Tenant) (map[string]bot.Pause, error) {
	all, err := s.rdb.HGetAll(ctx, keysFor(t).pauses()).Result()
	if err != nil {
		return nil, classify(err, "pauses")
	}
	out := make(map[string]bot.Pause, len(all))
	for u, v := range all {
		if p, ok := decodePause(t.Member(u), v); ok {
			out[u] = p
		}
	}
	return out, nil
}

// endPauseScript removes a member's pause if its "at" is ARGV[2] (any
// pause when ARGV[2] is empty), and returns 1 if it did.
var endPauseScript = redis.NewScript(`
local v = redis.call('HGET', KEYS[1], ARGV[1])
if not v then return 0 end
if ARGV[2] ~= '' and string.sub(v, 1, #ARGV[2] + 1) ~= ARGV[2] .. '|' then return 0 end
redis.call('HDEL', KEYS[1], ARGV[1])
return 1
`)

// EndPause implements bot.PauseStore.
func (s *Store) EndPause(ctx context.Context, m bot.MemberID, at time.Time) (bool, error) {
	want := ""
	if !at.IsZero() {
		want = strconv.FormatInt(at.UnixMilli(), 10)
	}
	n, err := endPauseScript.Run(ctx, s.rdb, []string{keysFor(m.Tenant()).pauses()}, m.User, want).Int()
	return n == 1, classify(err, "end pause")
}

// AddUnanswered implements bot.PauseStore.
func (s *Store) AddUnanswered(ctx context.Context, m bot.MemberID) (int, error) {
	n, err := s.rdb.HIncrBy(ctx, keysFor(m.Tenant()).unanswered(), m.User, 1).Result()
	return int(n), classify(err, "add unanswered")
}

// ClearUnanswered implements bot.PauseStore.
func (s *Store) ClearUnanswered(ctx context.Context, m bot.MemberID) error {
	return classify(s.rdb.HDel(ctx, keysFor(m.Tenant()).unanswered(), m.User).Err(), "clear unanswered")
}
