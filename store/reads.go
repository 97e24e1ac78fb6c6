package store

import (
	"context"
	"sync"

	"github.com/redis/go-redis/v9"
)

// Batched reads. Every command and click starts by reading the member's
// record: one round trip, and so one write and one read on the socket, on
// each side, for a few hundred bytes. Under load those syscalls are most
// of what a read costs. The batcher sends the reads of concurrent callers
// together: a lone read leaves at once, on its own, and reads that arrive
// while a batch is out leave together in the next one, as one pipeline.
const (
	// readWorkers is how many batches may be out at once. One: the
	// reads that arrive while a batch is out all go in the next, so
	// batches grow with the load; with more workers they would leave
	// apart, in smaller batches (measured with cmd/slackload: 0.68x the
	// baseline with one worker, 0.61x-0.64x with two).
	readWorkers = 1
	// maxReadBatch bounds one pipeline.
	maxReadBatch = 128
	// readQueue is how many reads may wait for a worker; past it, a
	// read waits for room, or for its deadline.
	readQueue = 1024
)

// readBatcher sends queued single-key reads in pipelines.
type readBatcher struct {
	rdb   redis.UniversalClient
	queue chan readReq
	quit  chan struct{}
	once  sync.Once
	wg    sync.WaitGroup
}

// readReq is one queued read; done is closed when cmd holds its result.
type readReq struct {
	cmd  redis.Cmder
	done chan struct{}
}

func newReadBatcher(rdb redis.UniversalClient) *readBatcher {
	b := &readBatcher{rdb: rdb, queue: make(chan readReq, readQueue), quit: make(chan struct{})}
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
func (b *readBatcher) do(ctx context.Context, cmd redis.Cmder) error {
	req := readReq{cmd: cmd, done: make(chan struct{})}
	select {
	case b.queue <- req:
	case <-ctx.Done():
		return ctx.Err()
	case <-b.quit:
		return redis.ErrClosed
	}
	select {
	case <-req.done:
		return cmd.Err()
	case <-ctx.Done():
		return ctx.Err()
	case <-b.quit:
		return redis.ErrClosed
	}
}

// work sends batches until the batcher is closed.
func (b *readBatcher) work() {
	defer b.wg.Done()
	batch := make([]readReq, 0, maxReadBatch)
	for {
		select {
		case r := <-b.queue:
			batch = append(batch[:0], r)
		case <-b.quit:
			b.fail()
			return
		}
	fill:
		for len(batch) < maxReadBatch {
			select {
			case r := <-b.queue:
				batch = append(batch, r)
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
func (b *readBatcher) send(batch []readReq) {
	ctx, cancel := context.WithTimeout(context.Background(), Timeout)
	defer cancel()
	if len(batch) == 1 {
		_ = b.rdb.Process(ctx, batch[0].cmd)
	} else {
		pipe := b.rdb.Pipeline()
		for _, r := range batch {
			_ = pipe.Process(ctx, r.cmd)
		}
		_, _ = pipe.Exec(ctx)
	}
	for _, r := range batch {
		close(r.done)
	}
}

// fail answers the reads still queued when the batcher closes.
func (b *readBatcher) fail() {
	for {
		select {
		case r := <-b.queue:
			r.cmd.SetErr(redis.ErrClosed)
			close(r.done)
		default:
			return
		}
	}
}

// close stops the workers once their batches are done; queued reads fail
// with redis.ErrClosed.
func (b *readBatcher) close() {
	b.once.Do(func() { close(b.quit) })
	b.wg.Wait()
}
