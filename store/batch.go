package store

import (
	"context"
	"runtime"
	"sync"

	"github.com/redis/go-redis/v9"
)

// Batched round trips. Every command and click reads the member's record,
// and a request reads its candidates, writes itself and its event: each
// a round trip, and so one write and one read on the socket, on each
// side, for a few hundred bytes. Under load those syscalls are most of
// what a round trip costs. The batcher sends the round trips of
// concurrent callers together: a lone one leaves at once, on its own, and
// those that arrive while a batch is out leave together in the next one,
// as one pipeline. Each caller's commands stay in their order; callers
// are not ordered among themselves (they ran at once), and a caller's
// commands are not a transaction: a write that must be atomic is a
// script (tx.go), which the batcher sends as it is (Scripter).
const (
	// readWorkers is how many batches may be out at once. With two, a
	// command whose caller gave up may still be out on one worker while
	// that caller's next command leaves on the other: only commands given
	// up on can be overtaken (a caller waits for its commands otherwise),
	// as with a plain call that times out while in flight. The round
	// trips that arrive while every worker's batch is out go in the
	// next, so batches grow with the load. With one worker, a request
	// waited for the batch out and then its own, and Redis and the
	// process took turns: measured with cmd/slackload on the pool of
	// 5,000 offers (request on the topic of 250, 32 clients, two runs
	// each, alternated), one worker took in 2,498 and 3,147 requests/s
	// (1,500 and 1,754 busy acks: every work slot held by requests
	// waiting for their batches), two took in 3,009 and 4,374/s (110
	// and 26 busy). Measured on the status command before the pool,
	// one worker had been better (0.68x the baseline, two 0.61x-0.64x):
	// its batches were one read each.
	readWorkers = 2
	// maxReadBatch bounds one pipeline.
	maxReadBatch = 128
	// readQueue is how many reads may wait for a worker; past it, a
	// read waits for room, or for its deadline.
	readQueue = 1024
)

// batcher sends the queued commands of concurrent callers in pipelines.
type batcher struct {
	rdb   redis.UniversalClient
	queue chan readReq
	quit  chan struct{}
	once  sync.Once
	wg    sync.WaitGroup
}

// readReq is one caller's queued commands, sent in one batch; done is
// closed when each of cmds holds its result.
type readReq struct {
	ctx  context.Context // the caller's: a request given up before its batch leaves is not sent
	cmds []redis.Cmder
	done chan struct{}
}

func newBatcher(rdb redis.UniversalClient) *batcher {
	b := &batcher{rdb: rdb, queue: make(chan readReq, readQueue), quit: make(chan struct{})}
	b.wg.Add(readWorkers)
	for range readWorkers {
		go b.work()
	}
	return b
}

// do runs cmd in the next batch and waits for its result, for ctx, or
// for the batcher to close. A caller that gives up leaves its command to
// finish (or fail) with its batch, which is bounded by Timeout: after an
// error the caller must not read cmd, which the batch may still write.
//
// With several commands, they go out in the same batch, and the first
// error among them is returned.
//
// A caller already given up sends nothing, and one that gives up while
// its commands wait for a batch is left out of it: only commands already
// on their way may still run after their caller's error, as with a plain
// call that times out.
func (b *batcher) do(ctx context.Context, cmds ...redis.Cmder) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	req := readReq{ctx: ctx, cmds: cmds, done: make(chan struct{})}
	select {
	case b.queue <- req:
	case <-ctx.Done():
		return ctx.Err()
	case <-b.quit:
		return redis.ErrClosed
	}
	select {
	case <-req.done:
		for _, c := range cmds {
			if err := c.Err(); err != nil {
				return err
			}
		}
		return nil
	case <-ctx.Done():
		return ctx.Err()
	case <-b.quit:
		return redis.ErrClosed
	}
}

// work sends batches until the batcher is closed.
func (b *batcher) work() {
	defer b.wg.Done()
	batch := make([]readReq, 0, maxReadBatch)
	for {
		var n int // commands in the batch
		select {
		case r := <-b.queue:
			batch, n = append(batch[:0], r), len(r.cmds)
		case <-b.quit:
			b.fail()
			return
		}
		// Let the goroutines ready to run queue their round trips first:
		// under load the batch leaves fuller, and each round trip costs
		// fewer syscalls on both sides; alone, it waits a few
		// microseconds. Measured with cmd/slackload (request on the
		// topic of 250, 32 clients, runs alternated): 4,625 and 4,828
		// requests/s taken in with the yield, 4,354 and 4,314 without;
		// p99 at 500/s 1.7-2.5 ms either way.
		runtime.Gosched()
	fill:
		for n < maxReadBatch {
			select {
			case r := <-b.queue:
				batch, n = append(batch, r), n+len(r.cmds)
			default:
				break fill
			}
		}
		b.send(batch)
	}
}

// send runs one batch: alone, a read goes as a plain command; together,
// as one pipeline. Either way each command carries its own result or
// error, and its caller is woken.
func (b *batcher) send(batch []readReq) {
	ctx, cancel := context.WithTimeout(context.Background(), Timeout)
	defer cancel()
	// Those whose callers gave up while they waited are answered with
	// that, and left out.
	live := batch[:0] // in place: each kept request moves down, never past the one read
	for _, r := range batch {
		if err := r.ctx.Err(); err != nil {
			for _, c := range r.cmds {
				c.SetErr(err)
			}
			close(r.done)
			continue
		}
		live = append(live, r)
	}
	batch = live
	if len(batch) == 0 {
		return
	}
	if len(batch) == 1 && len(batch[0].cmds) == 1 {
		_ = b.rdb.Process(ctx, batch[0].cmds[0])
	} else {
		pipe := b.rdb.Pipeline()
		for _, r := range batch {
			for _, c := range r.cmds {
				_ = pipe.Process(ctx, c)
			}
		}
		_, _ = pipe.Exec(ctx)
	}
	for _, r := range batch {
		close(r.done)
	}
}

// fail answers the reads still queued when the batcher closes.
func (b *batcher) fail() {
	for {
		select {
		case r := <-b.queue:
			for _, c := range r.cmds {
				c.SetErr(redis.ErrClosed)
			}
			close(r.done)
		default:
			return
		}
	}
}

// close stops the workers once their batches are done; queued reads fail
// with redis.ErrClosed.
func (b *batcher) close() {
	b.once.Do(func() { close(b.quit) })
	b.wg.Wait()
}

// pipelined runs the commands fn queues in the next batch, as
// rdb.Pipelined would on their own, and returns the first error.
func (b *batcher) pipelined(ctx context.Context, fn func(redis.Pipeliner)) error {
	p := b.rdb.Pipeline()
	fn(p)
	cmds := p.Cmds()
	if len(cmds) == 0 {
		return nil
	}
	return b.do(ctx, cmds...)
}

// The batcher is a redis.Scripter, so that a script's Run goes in the
// next batch: EVALSHA batched, and EVAL (go-redis's answer to NOSCRIPT,
// after a Redis restart) too. A caller that gives up gets a command of
// its own carrying the error, never the one its batch may still write.
var _ redis.Scripter = (*batcher)(nil)

func (b *batcher) script(ctx context.Context, name, body string, keys []string, args []any) *redis.Cmd {
	all := make([]any, 0, 3+len(keys)+len(args))
	all = append(all, name, body, len(keys))
	for _, k := range keys {
		all = append(all, k)
	}
	all = append(all, args...)
	cmd := redis.NewCmd(ctx, all...)
	if err := b.do(ctx, cmd); err != nil {
		out := redis.NewCmd(ctx, all...)
		out.SetErr(err)
		return out
	}
	return cmd
}

func (b *batcher) Eval(ctx context.Context, body string, keys []string, args ...any) *redis.Cmd {
	return b.script(ctx, "eval", body, keys, args)
}

func (b *batcher) EvalSha(ctx context.Context, sha string, keys []string, args ...any) *redis.Cmd {
	return b.script(ctx, "evalsha", sha, keys, args)
}

func (b *batcher) EvalRO(ctx context.Context, body string, keys []string, args ...any) *redis.Cmd {
	return b.script(ctx, "eval_ro", body, keys, args)
}

func (b *batcher) EvalShaRO(ctx context.Context, sha string, keys []string, args ...any) *redis.Cmd {
	return b.script(ctx, "evalsha_ro", sha, keys, args)
}

func (b *batcher) ScriptExists(ctx context.Context, hashes ...string) *redis.BoolSliceCmd {
	return b.rdb.ScriptExists(ctx, hashes...)
}

func (b *batcher) ScriptLoad(ctx context.Context, body string) *redis.StringCmd {
	return b.rdb.ScriptLoad(ctx, body)
}
