// Package store keeps mentorbot's state in Redis. It is the only package
// that imports go-redis, and it implements bot.Store.
//
// Every key of a workspace sits under one prefix, mb:{platform:workspace}:,
// whose braces are a Redis Cluster hash tag: all of a tenant's keys live in
// one slot, so a Lua script may touch any of them atomically. keys.go is
// the key schema. Changes that must be atomic (accepting a proposal, taking
// a capacity slot, accepting a charter) run as one guarded script: a list
// of conditions checked and a list of writes applied inside Redis, in one
// step (tx.go).
//
// The slot rule (slots.go): a script declares every key it touches in
// KEYS, and a script or a MULTI touches the keys of one tenant only; a
// global key (the tenant set, a lock) is written by a command of its own
// or in a plain pipeline. The embedded Redis and the tests' Redis enforce
// it (CheckSlots), and TestCluster runs the contract suite on a real
// Redis Cluster. There, a SCAN whose MATCH pattern carries a tenant's
// hash tag goes to the master of that slot (go-redis routes it, and
// TestCluster checks Export), but a SCAN without one visits one node
// only: walk every master (ClusterClient.ForEachMaster) to see all keys.
//
// Open picks the client for the URL: one node, a cluster or a Sentinel
// master (open.go).
//
// Driver sentinels such as redis.Nil never leave this package:
// they become bot error codes.
package store
