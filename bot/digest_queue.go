package bot

import (
	"context"
	"sort"
	"strings"

	"github.com/mentorbot/mentorbot/matching"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// reportQueue fills in the topics and the waiting requests: the offers
// and the waiting queue are read (both are small; the matcher reads them
// on every request), and the week's demand comes from the counters.
func (b *Bot) reportQueue(ctx context.Context, t Tenant, r *Report, demand map[string]int) error {
	offers, err := b.store.offers.Offers(ctx, t)
	if err != nil {
		return err
	}
	waiting, err := b.store.requests.Waiting(ctx, t)
	if err != nil {
		return err
	}
	pool, err := b.poolOf(ctx, t, waiting, offers)
	if err != nil {
		return err
	}
	held, err := b.heldPrograms(ctx, t)
	if err != nil {
		return err
	}
	pauses, err := b.store.pauses.Pauses(ctx, t)
	if err != nil {
		return err
	}
	r.AutoPaused, r.Unreachable = autoPaused(pauses)
	mentors, opt := pool.mentors, pool.opt
	// One topic, one name: the topics are folded as the matcher folds
	// them (the workspace's aliases too), and each is named as the
	// mentors spell it when one offers it, so that a mentee's
	// "Developpement web" reads as the "développement web" on offer.
	syn := opt.Synonyms
	labels := topicLabels(syn, offersTopics(unpaused(offers)), offersTopics(offers), requestTopics(waiting))
	var programs []Program // read once, for the first request whose mentors are in another program
	for i, req := range waiting {
		why := matching.Explain(pool.needs[i], mentors, opt)
		var others []Program
		if why.OtherProgram > 0 && outsideProgram(pool.needs[i], mentors) {
			// Counted and named as the member and the alert have it
			// (explainRanking): only mentors who could take it there.
			if programs == nil {
				if programs, err = b.store.programs.Programs(ctx, t); err != nil {
					return err
				}
			}
			why, others = otherPrograms(pool.needs[i], mentors, opt, why, programs)
		}
		// Its days count from when it began to wait for a mentor: for a
		// request held for its program's kick-off, from the kick-off, as
		// the alert and the fairness report count them.
		since, err := b.waitingSince(ctx, t, req)
		if err != nil {
			return err
		}
		w := WaitingRequest{Request: req, Mentee: pool.mentees[req.ID], Why: why, Others: others, Since: since, Topic: req.Topic}
		if l, ok := labels[syn.Normalize(req.Topic)]; ok {
			w.Topic = l
		}
		if p, ok := held[req.InProgram()]; ok {
			w.Held = &p
		}
		if p, ok := pauses[req.Mentee.User]; ok {
			w.Paused = &p
		}
		r.Waiting = append(r.Waiting, w)
	}
	// Oldest first: the longest wait for a mentor first.
	sort.SliceStable(r.Waiting, func(i, j int) bool { return r.Waiting[i].Since.Before(r.Waiting[j].Since) })
	demand = refold(syn, demand)
	r.Demand = sortedCounts(demand)
	r.Supply = sortedCounts(supply(offers, syn))
	r.Unmet = unmet(demand, waiting, mentors, opt)
	// Every list names a topic alike: as the mentors who offer it spell
	// it (never as a mentee did: "data science" for a mentee's "Data
	// Sciences"), else as the waiting requests do.
	relabel(labels, r.Demand, r.Supply, r.Unmet)
	return nil
}

// refold folds the counters' topics (matching.NormalizeTopic) with the
// workspace's aliases too, as the matcher reads them, adding up the
// counts of the topics that become one.
func refold(syn matching.Synonyms, counts map[string]int) map[string]int {
	if len(syn) == 0 {
		return counts
	}
	out := make(map[string]int, len(counts))
	for topic, n := range counts {
		out[syn.Normalize(topic)] += n
	}
	return out
}

// offersTopics lists the topics of the offers, as typed.
func offersTopics(offers []Offer) []string {
	var out []string
	for _, o := range offers {
		out = append(out, o.Topics...)
	}
	return out
}

// requestTopics lists the topics of the requests, as typed.
func requestTopics(requests []Request) []string {
	out := make([]string, 0, len(requests))
	for _, r := range requests {
		out = append(out, r.Topic)
	}
	return out
}

// relabel replaces the folded topics of counts by their labels.
func relabel(labels map[string]string, lists ...[]TopicCount) {
	// Names sorted as a dictionary does, accents and case aside, in
	// English and French alike; a Collator is not safe to share.
	labelOrder := collate.New(language.French, collate.Loose)
	for _, counts := range lists {
		for i := range counts {
			if l, ok := labels[counts[i].Topic]; ok {
				counts[i].Topic = l
			}
		}
		// Ties in the order a reader expects of the names shown, not of
		// the folded keys: « développement web » (web development)
		// before « réseaux » (network).
		sort.SliceStable(counts, func(i, j int) bool {
			if counts[i].Count != counts[j].Count {
				return counts[i].Count > counts[j].Count
			}
			return labelOrder.CompareString(counts[i].Topic, counts[j].Topic) < 0
		})
	}
}

// unpaused keeps the offers that are not paused: those supply counts.
func unpaused(offers []Offer) []Offer {
	var out []Offer
	for _, o := range offers {
		if !o.Paused {
			out = append(out, o)
		}
	}
	return out
}

// topicLabels names each folded topic (the counters' keys, which can read
// oddly: "cach" for "cache"), folded as the matcher folds it with the
// workspace's aliases, by a spelling a member typed: from the first of
// the layers that has the topic (the offers counted, then all the
// offers, then the waiting requests), the most common spelling in it,
// the alphabetically first on a tie, kept as typed but for surrounding
// spaces.
func topicLabels(syn matching.Synonyms, layers ...[]string) map[string]string {
	out := map[string]string{}
	for _, layer := range layers {
		seen := map[string]map[string]int{}
		for _, raw := range layer {
			raw = strings.TrimSpace(raw)
			n := syn.Normalize(raw)
			if _, named := out[n]; n == "" || named {
				continue
			}
			if seen[n] == nil {
				seen[n] = map[string]int{}
			}
			seen[n][raw]++
		}
		for n, spellings := range seen {
			best, count := "", 0
			for raw, c := range spellings {
				if c > count || (c == count && raw < best) {
					best, count = raw, c
				}
			}
			out[n] = best
		}
	}
	return out
}

// supply counts the unpaused mentors offering each topic, folded as the
// matcher folds it (syn), whether or not they have a free slot.
func supply(offers []Offer, syn matching.Synonyms) map[string]int {
	out := map[string]int{}
	for _, o := range offers {
		if o.Paused {
			continue
		}
		seen := map[string]bool{}
		for _, topic := range o.Topics {
			if n := syn.Normalize(topic); n != "" && !seen[n] {
				seen[n] = true
				out[n]++
			}
		}
	}
	return out
}

// unmet lists the topics requested in the week or waiting now that no
// available mentor offers, by the matcher's own reading of topics (so
// "k8s" is covered by "kubernetes").
func unmet(demand map[string]int, waiting []Request, mentors []matching.Mentor, opt matching.Options) []TopicCount {
	counts := map[string]*TopicCount{}
	add := func(topic string) *TopicCount {
		if counts[topic] == nil {
			counts[topic] = &TopicCount{Topic: topic}
		}
		return counts[topic]
	}
	for topic, n := range demand {
		add(topic).Count += n
	}
	for _, w := range waiting {
		add(opt.Synonyms.Normalize(w.Topic)).Waiting++
	}
	var out []TopicCount
	for topic, c := range counts {
		why := matching.Explain(matching.Need{ID: "digest", Topic: topic}, mentors, opt)
		if why.NoTopic == len(mentors) {
			out = append(out, *c)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Count+a.Waiting != b.Count+b.Waiting {
			return a.Count+a.Waiting > b.Count+b.Waiting
		}
		return a.Topic < b.Topic
	})
	return out
}

// sortedCounts orders topic counts, most first, then by name.
func sortedCounts(m map[string]int) []TopicCount {
	out := make([]TopicCount, 0, len(m))
	for topic, n := range m {
		if n > 0 {
			out = append(out, TopicCount{Topic: topic, Count: n})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Topic < out[j].Topic
	})
	return out
}

// reportFlags loads the stalled pairs that are still active without a
// meeting, and the low ratings since the start of the week reported.
func (b *Bot) reportFlags(ctx context.Context, t Tenant, r *Report) error {
	stalled, low, err := b.store.reports.Flags(ctx, t, r.Start)
	if err != nil {
		return err
	}
	for _, f := range stalled {
		fp, err := b.flagged(ctx, t, f)
		if err == nil && fp.Pair.State == PairActive && fp.Pair.Met.IsZero() {
			r.Stalled = append(r.Stalled, fp)
		} else if err != nil && ErrorCode(err) != ENOTFOUND {
			return err
		}
	}
	for _, f := range low {
		fp, err := b.flagged(ctx, t, f)
		if err == nil {
			r.LowRatings = append(r.LowRatings, fp)
		} else if ErrorCode(err) != ENOTFOUND {
			return err
		}
	}
	return nil
}

func (b *Bot) flagged(ctx context.Context, t Tenant, f Flag) (FlaggedPair, error) {
	p, err := b.store.pairs.GetPair(ctx, t, f.Pair)
	if err != nil {
		return FlaggedPair{}, err
	}
	mentor, err := b.member(ctx, p.Mentor)
	if err != nil {
		return FlaggedPair{}, err
	}
	mentee, err := b.member(ctx, p.Mentee)
	return FlaggedPair{Pair: p, Mentor: mentor, Mentee: mentee, Flag: f}, err
}
