package store

import (
	"context"
	"errors"
	"net"
	"strings"

	"github.com/redis/go-redis/v9"
)

// OnError calls f for every try of a command or pipeline that Redis, or
// the way to it, fails (go-redis tries some again), with a kind from a small fixed set: "timeout",
// "connection", or Redis's own error word in lower case ("moved",
// "readonly", "oom", "loading", ...; "other" for a word not listed). A
// missing key (redis.Nil) is no error, nor is NOSCRIPT, which go-redis
// answers by sending the script itself. Set it once, before use; cmd
// counts these for /metrics.
func (s *Store) OnError(f func(kind string)) {
	s.rdb.AddHook(errorHook{f})
}

type errorHook struct{ report func(kind string) }

func (h errorHook) DialHook(next redis.DialHook) redis.DialHook { return next }

func (h errorHook) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error {
		err := next(ctx, cmd)
		if !setup(cmd) {
			h.check(err)
		}
		return err
	}
}

func (h errorHook) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error {
		err := next(ctx, cmds)
		if len(cmds) == 0 || !setup(cmds[0]) {
			h.check(err)
		}
		return err
	}
}

// setup reports a command go-redis sends on a new connection, through
// the same hooks, whose refusal it ignores: HELLO and CLIENT SETINFO,
// unknown to older servers and to miniredis. The store sends neither.
func setup(cmd redis.Cmder) bool {
	name := cmd.Name()
	return name == "hello" || name == "client"
}

func (h errorHook) check(err error) {
	if err == nil || errors.Is(err, redis.Nil) {
		return
	}
	if kind := errorKind(err); kind != "" {
		h.report(kind)
	}
}

// redisWords are the error words of Redis that are reported by name.
var redisWords = map[string]bool{
	"moved": true, "ask": true, "readonly": true, "oom": true, "loading": true, "busy": true,
	"clusterdown": true, "tryagain": true, "masterdown": true, "crossslot": true,
	"noauth": true, "noperm": true, "wrongtype": true, "execabort": true, "err": true,
}

// errorKind names err for OnError; "" for one that is not reported.
func errorKind(err error) string {
	var nerr net.Error
	switch {
	case errors.Is(err, context.DeadlineExceeded) || errors.As(err, &nerr) && nerr.Timeout():
		return "timeout"
	case errors.Is(err, context.Canceled):
		return "" // the caller gave up: not Redis's doing
	}
	var rerr redis.Error
	if errors.As(err, &rerr) && !errors.As(err, &nerr) {
		word, _, _ := strings.Cut(rerr.Error(), " ")
		word = strings.ToLower(word)
		switch {
		case word == "noscript":
			return ""
		case redisWords[word]:
			return word
		}
		return "other"
	}
	return "connection"
}
