package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/redis/go-redis/v9"
)

// The slot rule. On a Redis Cluster, a Lua script and a MULTI run on one
// node, so every key they touch must hash to one slot, or the cluster
// refuses them with CROSSSLOT. A tenant's keys share a slot (the hash tag
// in keysFor); the global keys (tenantsKey, mb:lock:*) each sit in a slot
// of their own. Hence:
//
//   - a script (tx.go's guarded script, or any redis.NewScript) declares
//     every key it touches in KEYS (never builds a key name in Lua), and
//     all of them belong to one tenant;
//   - a TxPipelined (MULTI) touches one tenant's keys only;
//   - a global key is written by a command of its own, or in a plain
//     Pipelined, which a cluster client splits by slot (see
//     registerTenant and SaveMember);
//   - a SCAN names the tenant's hash tag in its MATCH pattern, so that a
//     cluster client sends it to the master of that slot (a SCAN without
//     one visits a single node: walk ClusterClient.ForEachMaster).
//
// CheckSlots enforces the rule on any Redis, single node included, so
// that the tests on the embedded Redis catch a breach before a cluster
// does.

// CheckSlots makes every script and MULTI whose keys span several hash
// slots fail, with ErrCrossSlot, before it reaches Redis, as a Redis
// Cluster would. OpenEmbedded turns it on; tests turn it on for a real
// Redis too.
func (s *Store) CheckSlots() { s.rdb.AddHook(slotGuard{}) }

// ErrCrossSlot is the error of a script or MULTI that breaks the slot
// rule under CheckSlots.
var ErrCrossSlot = fmt.Errorf("mentorbot: keys of several hash slots in one script or MULTI")

type slotGuard struct{}

func (slotGuard) DialHook(next redis.DialHook) redis.DialHook { return next }

func (slotGuard) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error {
		if err := checkScript(cmd); err != nil {
			cmd.SetErr(err)
			return err
		}
		return next(ctx, cmd)
	}
}

func (slotGuard) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error {
		var err error
		if len(cmds) > 0 && cmds[0].Name() == "multi" {
			err = sameSlot(cmdsKeys(cmds))
		}
		for _, c := range cmds {
			if err == nil {
				err = checkScript(c)
			}
		}
		if err != nil {
			for _, c := range cmds {
				c.SetErr(err)
			}
			return err
		}
		return next(ctx, cmds)
	}
}

// checkScript checks the KEYS of an EVAL or EVALSHA.
func checkScript(cmd redis.Cmder) error {
	name := cmd.Name()
	if name != "eval" && name != "evalsha" && name != "eval_ro" && name != "evalsha_ro" {
		return nil
	}
	args := cmd.Args()
	if len(args) < 3 {
		return nil
	}
	n, _ := strconv.Atoi(fmt.Sprint(args[2]))
	var ks []string
	for i := 3; i < 3+n && i < len(args); i++ {
		ks = append(ks, fmt.Sprint(args[i]))
	}
	return sameSlot(ks)
}

// cmdsKeys returns the keys of the commands of a MULTI. Every command the
// store queues in a MULTI has its one key first, except DEL, EXISTS and
// UNLINK, whose arguments are all keys.
func cmdsKeys(cmds []redis.Cmder) []string {
	var ks []string
	for _, c := range cmds {
		args := c.Args()
		switch c.Name() {
		case "multi", "exec":
		case "del", "exists", "unlink", "touch":
			for _, a := range args[1:] {
				ks = append(ks, fmt.Sprint(a))
			}
		default:
			if len(args) > 1 {
				ks = append(ks, fmt.Sprint(args[1]))
			}
		}
	}
	return ks
}

func sameSlot(ks []string) error {
	for _, k := range ks[min(1, len(ks)):] {
		if Slot(k) != Slot(ks[0]) {
			return fmt.Errorf("%w: %q (slot %d) and %q (slot %d)", ErrCrossSlot, ks[0], Slot(ks[0]), k, Slot(k))
		}
	}
	return nil
}

// Slot is the Redis Cluster hash slot of key: CRC16 (XMODEM) of its hash
// tag, the part between the first { and the next }, when that part is
// not empty, else of the whole key, modulo 16384.
func Slot(key string) int {
	if i := strings.IndexByte(key, '{'); i >= 0 {
		if j := strings.IndexByte(key[i+1:], '}'); j > 0 {
			key = key[i+1 : i+1+j]
		}
	}
	var crc uint16
	for i := 0; i < len(key); i++ {
		crc ^= uint16(key[i]) << 8
		for range 8 {
			if crc&0x8000 != 0 {
				crc = crc<<1 ^ 0x1021
			} else {
				crc <<= 1
			}
		}
	}
	return int(crc % 16384)
}
