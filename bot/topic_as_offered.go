package bot

import "context"

// topicAsOffered is topic as the mentors who offer it spell it, when some
// do (topicLabels, as the digest names a topic), else as the member typed
// it: the managers' alert names « développement web », as the digest
// beside it does, not the mentee's « Developpement web ». It reads only
// the offers filed under the topic.
func (b *Bot) topicAsOffered(ctx context.Context, t Tenant, topic string) string {
	offers, err := b.store.offers.OffersFor(ctx, t, b.lookupKeys(ctx, t, topic))
	if err != nil || len(offers) == 0 {
		return topic
	}
	syn := b.synonyms(ctx, t)
	if label, ok := topicLabels(syn, offersTopics(offers))[syn.Normalize(topic)]; ok {
		return label
	}
	return topic
}
