// Package inmem implements bot.Store in memory, for the core's tests and
// for trying the bot without a Redis. It keeps the Redis store's
// transitions and error codes (package store, whose code and Lua scripts
// it mirrors): the contract suite store/storetest runs over both. One
// mutex guards everything, so each method is one atomic step, as each
// guarded script is on Redis.
//
// Values read back are as the Redis store reads them: times in UTC to the
// millisecond, empty lists nil, a proposal's score to four decimals.
// Expiring values (delivery marks, notices, drafts, locks) expire by the
// wall clock, as Redis keys do, unless New is given another clock.
//
// The callbacks of AcceptCharter and RecordCheckin run inside that one
// step, under the mutex: like the core's, they must be pure and never call
// the store.
//
// Where it differs from Redis, on purpose: it never fails with EUNAVAILABLE
// nor loses a race (ECONFLICT after retries); a workspace is keyed by its
// exact Tenant (Redis folds "{", "}" and ":" in its IDs); a transition that
// would requeue or pair a request erased meanwhile leaves it erased (Redis
// writes a hash of its state alone); a TTL of zero on MarkSent or Receive
// is a millisecond (an error reply on Redis); sets come back sorted.
//
// The domain rules the Redis store still holds (the stalled rule, how long
// low ratings are kept, topic normalisation in the figures) are in
// rules.go, each in one small function, until they move to the core.
package inmem
