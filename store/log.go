package store

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/redis/go-redis/v9"
)

// SetLogger sends go-redis's own messages (pool dial failures and the
// like, which carry addresses but no member data) to log at Warn level,
// instead of the standard logger.
func SetLogger(log *slog.Logger) { redis.SetLogger(slogBridge{log}) }

type slogBridge struct{ log *slog.Logger }

func (b slogBridge) Printf(ctx context.Context, format string, v ...any) {
	b.log.Warn("redis", "msg", fmt.Sprintf(format, v...))
}
