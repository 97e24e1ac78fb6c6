package slack

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// deduper is what the adapter uses, when its Handler offers it, to handle
// each inbound delivery once across replicas: *bot.Bot keeps the keys in
// Redis (bot.FirstDelivery). Without it, deliveries are deduplicated in
// this process only.
type deduper interface {
	FirstDelivery(ctx context.Context, t bot.Tenant, key string) bool
}

// eventDedupeTimeout bounds the shared check of an event, which comes
// before its ack: Slack retries an event not acked within 3 s.
const eventDedupeTimeout = time.Second

// deliveryKey names one inbound delivery: its kind and Slack's id of it
// (a command's or a click's trigger_id, an event's event_id), or, when it
// has none, a hash of the body Slack signed. A request replayed byte for
// byte, within the 5 minutes its signature is accepted, has the same key.
func deliveryKey(kind, id string, body []byte) string {
	if id != "" {
		return kind + ":" + id
	}
	sum := sha256.Sum256(body)
	return kind + ":h:" + hex.EncodeToString(sum[:16])
}

// firstDelivery reports whether the delivery key in workspace team is new
// on every replica: a replay is dropped, once acked.
func (a *Adapter) firstDelivery(ctx context.Context, team, key string) bool {
	if !a.seen.add(team+"|"+key, struct{}{}) {
		return false // seen by this replica: no need to ask Redis
	}
	d, ok := a.h.(deduper)
	if !ok {
		return true
	}
	if d.FirstDelivery(ctx, bot.Tenant{Platform: Platform, Workspace: team}, key) {
		return true
	}
	a.log.Info("slack: replayed delivery ignored", "team", team, "key", key)
	return false
}
