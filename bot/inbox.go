package bot

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// InboxStore keeps inbound deliveries until they are handled (inbox.go).
type InboxStore interface {
	// Receive records an inbound delivery in one step: the delivery key
	// seen (for seenTTL), its data under id (for dataTTL), its job, and id
	// among the deliveries of the member user, so that erasing the member
	// (PrivacyStore.Erase) deletes the data and the job. It reports
	// false, and writes nothing, when the key was seen already.
	Receive(ctx context.Context, t Tenant, seenKey, id, user string, data []byte, job Job, seenTTL, dataTTL time.Duration) (bool, error)

	// Inbound returns the data of an inbound delivery, or ENOTFOUND.
	Inbound(ctx context.Context, t Tenant, id string) ([]byte, error)

	// Handled forgets an inbound delivery and its job.
	Handled(ctx context.Context, t Tenant, id string) error

	// Rekeep replaces the data of an inbound delivery not yet handled,
	// in one step, keeping its job and its expiry: what a replica would
	// hand back if this one died. It reports false, and writes nothing,
	// when there is none (handled, expired or erased).
	Rekeep(ctx context.Context, t Tenant, id string, data []byte) (bool, error)
}

// Redeliverer is an optional interface of a Platform whose adapter keeps
// each inbound delivery (a click, a form) in the store before acking it
// (Bot.Receive). When the replica that acked one dies before it is
// handled, another replica hands its data back through Redeliver, which
// handles it as if it had just come: the handlers are idempotent, so a
// delivery handled twice is answered "already done" at worst.
type Redeliverer interface {
	Redeliver(ctx context.Context, t Tenant, data []byte) error
}

// inboundTTL is how long an inbound delivery waits to be handled.
const inboundTTL = time.Hour

// inboundID is the job and store ID of the delivery named key: a hash,
// as a key may hold any character.
func inboundID(key string) string {
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:12])
}

// Receive records an inbound delivery before the adapter acks it: the
// adapter's data, its delivery key (as FirstDelivery), and a job, due when
// the lease runs out, that redelivers it unless Handled comes first. It
// reports false for a delivery seen before (a replay): the adapter acks
// it and drops it. An error means nothing was recorded: the adapter
// handles the delivery in memory, as before. The delivery is who's: it
// holds what they typed, and erasing them (/mentor forget) deletes it, so
// that no replica redelivers it after they were told everything was
// erased.
func (b *Bot) Receive(ctx context.Context, who MemberID, key string, data []byte) (bool, error) {
	id := inboundID(key)
	job := NewJob(b.clock.Now().Add(b.lease()), JobInbound, id)
	return b.store.inbox.Receive(ctx, who.Tenant(), "in:"+key, id, who.User, data, job, deliveryTTL, inboundTTL)
}

// Handled forgets an inbound delivery once it is handled.
func (b *Bot) Handled(ctx context.Context, t Tenant, key string) error {
	return b.store.inbox.Handled(ctx, t, inboundID(key))
}

// Rekeep replaces what is kept of the inbound delivery named key by data
// (an adapter keeps a handled click's reply in its place: Redeliver then
// sends the reply, and runs nothing again). false when nothing is kept
// under key any more.
func (b *Bot) Rekeep(ctx context.Context, t Tenant, key string, data []byte) (bool, error) {
	return b.store.inbox.Rekeep(ctx, t, inboundID(key), data)
}

// runInbound hands a delivery that was acked and not handled (its replica
// died) back to its platform.
func runInbound(ctx context.Context, b *Bot, t Tenant, j Job) error {
	id := j.Part(0)
	data, err := b.store.inbox.Inbound(ctx, t, id)
	if err != nil {
		return ignoreGone(err)
	}
	p, err := b.tenantPlatform(t)
	if err != nil {
		return err
	}
	r, ok := p.(Redeliverer)
	if !ok {
		return b.store.inbox.Handled(ctx, t, id)
	}
	b.log.Warn("inbound delivery recovered", "tenant", t.String(), "inbound", id)
	if err := r.Redeliver(ctx, t, data); err != nil {
		return err
	}
	return b.store.inbox.Handled(ctx, t, id)
}
