package store

import (
	"context"
	"strings"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/redis/go-redis/v9"
)

// exportBatch is how many hashes one pipeline of Export reads.
const exportBatch = 500

// Export implements bot.Store. It is the one method that walks a tenant's
// keys (SCAN over the member:, pair: and survey: prefixes, then HGETALL in
// batches): it runs only when a manager asks for an export. Every key of a
// tenant shares one hash slot, so on a cluster the scan must go to the
// node holding that slot; a single Redis, as deployed, holds them all.
func (s *Store) Export(ctx context.Context, t bot.Tenant) (bot.Export, error) {
	k := keysFor(t)
	var out bot.Export
	err := s.scanHashes(ctx, string(k)+"member:", func(user string, h map[string]string) {
		if isMemberRecord(h) { // not a hash of pairs and history alone (memberindex.go)
			out.Members = append(out.Members, memberFrom(t.Member(user), h))
		}
	})
	if err == nil {
		err = s.scanHashes(ctx, string(k)+"pair:", func(id string, h map[string]string) {
			out.Pairs = append(out.Pairs, pairFrom(t, id, h))
			out.Answers = append(out.Answers, surveysIn(t, id, h)...)
		})
	}
	if err == nil {
		err = s.scanHashes(ctx, string(k)+"survey:", func(rest string, h map[string]string) {
			out.Answers = append(out.Answers, surveyAnswers(t, rest, h)...)
		})
	}
	if err != nil {
		return bot.Export{}, err
	}
	out.Sort()
	return out, nil
}

// surveyAnswers reads one survey hash, whose key ends in
// "<pair>:<stage>:<user>".
func surveyAnswers(t bot.Tenant, rest string, h map[string]string) []bot.SurveyAnswer {
	i := strings.LastIndexByte(rest, ':')
	if i <= 0 {
		return nil
	}
	id, who, at := bot.SurveyID(rest[:i]), t.Member(rest[i+1:]), fromMS(h["at"])
	var out []bot.SurveyAnswer
	for q := range h {
		if q != "at" && !isPiece(q) {
			out = append(out, bot.SurveyAnswer{Survey: id, Member: who, Question: q, Answer: joined(h, q), At: at})
		}
	}
	return out
}

// scanHashes calls fn with the rest of the key after prefix and the
// contents of every hash whose key starts with prefix.
func (s *Store) scanHashes(ctx context.Context, prefix string, fn func(rest string, h map[string]string)) error {
	keys, err := s.scanPrefix(ctx, prefix, "export scan")
	if err != nil {
		return err
	}
	for len(keys) > 0 {
		n := min(len(keys), exportBatch)
		cmds := make([]*redis.MapStringStringCmd, n)
		_, err := s.rdb.Pipelined(ctx, func(p redisPipe) error {
			for i := range n {
				cmds[i] = p.HGetAll(ctx, keys[i])
			}
			return nil
		})
		if err != nil {
			return classify(err, "export read")
		}
		for i := range n {
			if h := cmds[i].Val(); len(h) > 0 {
				fn(strings.TrimPrefix(keys[i], prefix), h)
			}
		}
		keys = keys[n:]
	}
	return nil
}

func dedupe(sorted []string) []string {
	out := sorted[:0]
	for i, s := range sorted {
		if i == 0 || s != sorted[i-1] {
			out = append(out, s)
		}
	}
	return out
}

// globEscape escapes the characters SCAN's MATCH treats as patterns.
func globEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `*`, `\*`, `?`, `\?`, `[`, `\[`, `]`, `\]`).Replace(s)
}
