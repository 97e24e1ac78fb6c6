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

	// Handled forgets an inbound delivery, its job (InboundJobID) and its
	// ID among the deliveries of the member user, deleting their index
	// once empty: a handled delivery leaves no key that names the member
	// ("" for a job of an older version, which named none: the index then
	// expires with the data's TTL).
	Handled(ctx context.Context, t Tenant, id, user string) error

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

// InboundJobID is the ID of the job of the inbound delivery id, the member
// user's: "inbound:<id>:<user>", which tells Handled, when the job runs,
// whose index to take id out of. A job of an older version, or of no
// member, is "inbound:<id>".
func InboundJobID(id, user string) string {
	if user == "" {
		return JobInbound + ":" + id
	}
	return JobInbound + ":" + id + ":" + user
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
	job := Job{ID: InboundJobID(id, who.User), Due: b.clock.Now().Add(b.lease())}
	return b.store.inbox.Receive(ctx, who.Tenant(), "in:"+key, id, who.User, data, job, deliveryTTL, inboundTTL)
}

// Handled forgets an inbound delivery once it is handled. who is the
// member it was received for (Receive): the store takes it out of their
// index too, so that nothing names them once it is handled.
func (b *Bot) Handled(ctx context.Context, who MemberID, key string) error {
	return b.store.inbox.Handled(ctx, who.Tenant(), inboundID(key), who.User)
}

// Rekeep replaces what is kept of the inbound delivery named key by data
// (an adapter keeps a handled click's reply in its place: Redeliver then
// sends the reply, and runs nothing again). false when nothing is kept
// under key any more.
func (b *Bot) Rekeep(ctx context.Context, t Tenant, key string, data []byte) (bool, error) {
	return b.store.inbox.Rekeep(ctx, t, inboundID(key), data)
}

// runInbound hands a delivery that was acked and not handled (its replica
// died) back to its platform. Its job names its member (InboundJobID),
// whose index Handled takes it out of; an older job names none.
func runInbound(ctx context.Context, b *Bot, t Tenant, j Job) error {
	id, user := j.Part(0), j.Part(1)
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
		return b.store.inbox.Handled(ctx, t, id, user)
	}
	b.log.Warn("inbound delivery recovered", "tenant", t.String(), "inbound", id)
	if err := r.Redeliver(ctx, t, data); err != nil {
		return err
	}
	return b.store.inbox.Handled(ctx, t, id, user)
}
