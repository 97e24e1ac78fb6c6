package bot

import (
	"context"
	"slices"

	"github.com/mentorbot/mentorbot/matching"
)

// topicKeys returns the index keys of topics (matching.TopicKeys): the
// store files offers and waiting requests under them, and a command reads
// only what is filed under its own keys. Two topics the matcher can match
// share a key. Records are filed under their own topics' keys, without the
// workspace's aliases, so that an alias applies at once without filing
// anything again: lookupKeys adds the aliases' keys when reading.
func topicKeys(topics ...string) []string {
	var keys []string
	for _, t := range topics {
		keys = append(keys, matching.TopicKeys(t)...)
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

// lookupKeys returns the keys to read for topics in a workspace: their
// own, and those of every workspace alias that means the same
// (matching.Synonyms.Keys).
func (b *Bot) lookupKeys(ctx context.Context, t Tenant, topics ...string) []string {
	syn := b.synonyms(ctx, t)
	if len(syn) == 0 {
		return topicKeys(topics...)
	}
	var keys []string
	for _, topic := range topics {
		keys = append(keys, syn.Keys(topic)...)
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

// Reindex files the workspace's offers and waiting requests under the keys
// their topics have now, where the store has them under others: data
// saved before the indexes existed, or after topics came to fold
// differently. It is idempotent; the bot runs it once per workspace when
// it starts (on its first tick), and every sweep does the same with what
// it reads anyway. A request that is proposed is filed again when it goes
// back to waiting (requeue).
func (b *Bot) Reindex(ctx context.Context, t Tenant) error {
	offers, err := b.store.offers.Offers(ctx, t)
	if err != nil {
		return err
	}
	waiting, err := b.store.requests.Waiting(ctx, t)
	if err != nil {
		return err
	}
	b.reindex(ctx, offers, waiting)
	return nil
}

// reindex files offers and requests, as read, under their keys where they
// are not; they get their new keys in place. A failure is logged and
// left to the next run: another writer changed the record meanwhile, and
// filed it under the right keys itself.
func (b *Bot) reindex(ctx context.Context, offers []Offer, waiting []Request) {
	for i, o := range offers {
		keys := topicKeys(o.Topics...)
		if slices.Equal(keys, o.Keys) {
			continue
		}
		if err := b.store.offers.IndexOffer(ctx, o.Mentor, o.Topics, keys); err != nil {
			b.log.Info("reindex: offer not filed", "mentor", o.Mentor.String(), "code", string(ErrorCode(err)))
			continue
		}
		offers[i].Keys = keys
	}
	for i := range waiting {
		waiting[i] = b.filed(ctx, waiting[i])
	}
}

// filed returns r filed under the keys of its topic, filing it if the
// store has it under others.
func (b *Bot) filed(ctx context.Context, r Request) Request {
	keys := topicKeys(r.Topic)
	if slices.Equal(keys, r.Keys) {
		return r
	}
	if err := b.store.requests.IndexRequest(ctx, r.Mentee.Tenant(), r.ID, r.Topic, keys); err != nil {
		b.log.Info("reindex: request not filed", "request", r.ID, "code", string(ErrorCode(err)))
		return r
	}
	r.Keys = keys
	return r
}

// reindexOnce runs Reindex the first time this process meets the
// workspace.
func (b *Bot) reindexOnce(ctx context.Context, t Tenant) {
	if _, done := b.reindexed.LoadOrStore(t, true); done {
		return
	}
	if err := b.Reindex(ctx, t); err != nil {
		b.reindexed.Delete(t) // try again on the next tick
		if ctx.Err() != nil {
			return // stopping: no error of the workspace's
		}
		b.log.Error("reindex", "tenant", t.String(), "err", err)
	}
}
