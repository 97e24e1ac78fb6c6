package bot

import (
	"context"
	"sort"
	"strings"
	"time"
)

// FairnessWeeks is how many weeks of requests the fairness report reads:
// the weeks just before the week reported, so that every request in them
// has had its whole FairnessWindow by the end of that week.
const FairnessWeeks = 4

// Fairness says who the matching leaves out: of the requests made from
// From to To (whole days in the workspace's zone), how many were matched
// (a pair formed) within FairnessWindow, by group.
type Fairness struct {
	From, To time.Time
	All      FairGroup
	Groups   []FairGroup // by dimension (language, region, kind), lowest share first
	// Held counts the requests of those days that were held for their
	// program's kick-off when made: in no share (recordRequest).
	Held int
	// Released counts the held requests whose program kicked off in
	// those days: from then on they count in the shares, under the
	// kick-off's week (releaseHeld), whenever they were made.
	Released int
}

// FairGroup is one group of requests of the fairness report.
type FairGroup struct {
	Dim, Value     string // "lang", "fr"; "region", RegionEurope; "kind", "flash"
	Asked, Matched int
}

// share is the matched share in per cent, rounded; at most 100 even if
// the counters disagree.
func (g FairGroup) share() int {
	if g.Asked == 0 {
		return 0
	}
	return (min(g.Matched, g.Asked)*100 + g.Asked/2) / g.Asked
}

// fairnessOf adds up the counters of the weeks whose requests are read,
// the first of them starting at from.
func fairnessOf(weeks []WeekStats, from time.Time) Fairness {
	f := Fairness{From: from, To: from.AddDate(0, 0, 7*len(weeks)-1)}
	groups := map[string]*FairGroup{}
	for _, w := range weeks {
		f.Released += w.Counts[EventReleased]
		for g, n := range w.Asked {
			if g == fairHeld {
				f.Held += n
				continue
			}
			fairGroup(groups, g).Asked += n
		}
		for g, n := range w.Matched {
			fairGroup(groups, g).Matched += n
		}
	}
	for _, g := range groups {
		if g.Dim == "all" {
			f.All = *g
		} else {
			f.Groups = append(f.Groups, *g)
		}
	}
	rank := func(dim string) int {
		for i, d := range fairDims {
			if d == dim {
				return i
			}
		}
		return len(fairDims)
	}
	sort.Slice(f.Groups, func(i, j int) bool {
		a, b := f.Groups[i], f.Groups[j]
		switch {
		case rank(a.Dim) != rank(b.Dim):
			return rank(a.Dim) < rank(b.Dim)
		case a.share() != b.share():
			return a.share() < b.share()
		case a.Asked != b.Asked:
			return a.Asked > b.Asked
		}
		return a.Value < b.Value
	})
	return f
}

func fairGroup(m map[string]*FairGroup, g string) *FairGroup {
	if m[g] == nil {
		dim, value, _ := strings.Cut(g, ":")
		m[g] = &FairGroup{Dim: dim, Value: value}
	}
	return m[g]
}

// fairnessSection writes the fairness report: the matched shares of the
// requests made in the weeks read, by group, and the re-pairings that
// repeat avoidance prevented. Who waits longest, and why, is listed with
// the waiting requests (eyeSection).
func fairnessSection(lang Lang, r Report) string {
	f := r.Fairness
	lines := []string{
		T(lang, "fair.title"),
		T(lang, "fair.window", "from", Date(lang, f.From), "to", Date(lang, f.To),
			"weeks", plural(lang, FairnessWeeks, "fair.weeks"), "days", itoa(int(FairnessWindow/(24*time.Hour)))),
	}
	switch {
	case f.All.Asked == 0 && f.Held > 0:
		lines = append(lines, "• "+T(lang, "fair.none_open"))
	case f.All.Asked == 0:
		lines = append(lines, "• "+T(lang, "fair.none"))
	default:
		lines = append(lines, T(lang, "digest.item", "label", T(lang, "fair.all"), "value", fairValue(lang, f.All)))
		if f.Released > 0 {
			// Counted from their kick-off: said, since they were made
			// before it, perhaps before these weeks.
			lines = append(lines, T(lang, "digest.item", "label", T(lang, "fair.released"), "value", Number(lang, f.Released)))
		}
		for _, dim := range fairDims {
			var items []string
			for _, g := range f.Groups {
				if g.Dim == dim {
					items = append(items, T(lang, "fair.group", "group", groupName(lang, g), "value", fairValue(lang, g)))
				}
			}
			if len(items) > maxDigestItems {
				items = append(items[:maxDigestItems], T(lang, "digest.more", "count", itoa(len(items)-maxDigestItems)))
			}
			if len(items) > 0 {
				lines = append(lines, T(lang, "digest.item", "label", T(lang, "fair.by_"+dim), "value", strings.Join(items, ", ")))
			}
		}
	}
	if f.Held > 0 {
		// A held request counts from its kick-off: in these weeks only
		// if the kick-off came in them, which with no release in them
		// it did not.
		key := "fair.held"
		if f.Released == 0 {
			key = "fair.held_later"
		}
		lines = append(lines, T(lang, "digest.item", "label", T(lang, key), "value", Number(lang, f.Held)))
	}
	lines = append(lines, T(lang, "digest.item", "label", T(lang, "fair.repeats"),
		"value", trend(lang, itoa(r.Week.RepeatAvoided), itoa(r.Before.RepeatAvoided))))
	return strings.Join(lines, "\n")
}

func fairValue(lang Lang, g FairGroup) string {
	return T(lang, "fair.value", "matched", Number(lang, g.Matched), "asked", Number(lang, g.Asked), "percent", Number(lang, g.share()))
}

// groupName names a group in lang: "French", "Europe and Africa (UTC−2
// to +3)", "one-to-one".
func groupName(lang Lang, g FairGroup) string {
	switch {
	case g.Value == "":
		return T(lang, "fair.unknown")
	case g.Dim == "lang":
		return languageName(lang, g.Value)
	case g.Dim == "region" && HasKey(lang, "fair.region."+g.Value):
		return T(lang, "fair.region."+g.Value)
	case g.Dim == "kind" && HasKey(lang, "kind."+g.Value):
		return T(lang, "kind."+g.Value)
	}
	return g.Value
}

// countPairedSinceRelease counts in the fairness report, once, each
// request a program held until its release (kick-off) and that a mentor
// took since, before the kick-off job counted the program's released
// requests (releaseHeld, run by the job due at the release: a tick later,
// or longer if the job waits for a retry). That job counts only the
// requests still waiting or proposed when it runs: one whose proposal
// was accepted in between, from the kick-off round sent by a manager,
// was in no share, and its match was lost with it (EventMatched finds
// no fairness marker of a held request), while a declined one was
// counted, unmatched. Each such request is counted here as releaseHeld
// counts the others, under the same mark ("released:<request>": once,
// whoever comes first), from the release; its match, if its pair was
// introduced, is recorded again at the introduction, which counts it
// when that came within FairnessWindow of the release. A request paired
// before its release (by a manager) stays out, as releaseHeld leaves it
// out. It reads the programs released from from to now: those whose
// requests count in the weeks the report reads. A failure is logged:
// figures never block the digest.
func (b *Bot) countPairedSinceRelease(ctx context.Context, t Tenant, from, now time.Time) {
	programs, err := b.store.programs.Programs(ctx, t)
	if err != nil {
		b.log.Warn("fairness: programs not read", "tenant", t.String(), "code", string(ErrorCode(err)))
		return
	}
	loc := b.workspaceLoc(ctx, t)
	for _, p := range programs {
		if p.KickedOff.IsZero() && p.State != ProgramOpen {
			continue // closed unreleased: its requests were never released
		}
		released := p.releasedAt(loc)
		if released.Before(from) || released.After(now) {
			continue
		}
		ids, err := b.store.programs.ProgramRequests(ctx, t, p.ID)
		if err != nil {
			b.log.Warn("fairness: program requests not read", "tenant", t.String(), "program", string(p.ID), "code", string(ErrorCode(err)))
			continue
		}
		for _, id := range ids {
			if err := b.countIfPairedSince(ctx, t, id, released); err != nil {
				b.log.Warn("fairness: released request not counted", "tenant", t.String(), "request", id, "code", string(ErrorCode(err)))
			}
		}
	}
}

// countIfPairedSince counts request id as released at released, with its
// match, if it was made before released and its first pair formed at or
// after it (countPairedSinceRelease).
func (b *Bot) countIfPairedSince(ctx context.Context, t Tenant, id string, released time.Time) error {
	r, err := b.store.requests.GetRequest(ctx, t, id)
	if err != nil || !r.Created.Before(released) {
		return ignoreGone(err)
	}
	pairs, err := b.store.pairs.PairsOf(ctx, r.Mentee)
	if err != nil {
		return ignoreGone(err)
	}
	var first *Pair
	var matched time.Time // the first introduction of a pair of it
	for i := range pairs {
		pair := &pairs[i]
		if pair.Request != r.ID || pair.Mentee != r.Mentee {
			continue
		}
		if pair.Created.Before(released) {
			return nil // paired before its release: in no share
		}
		if first == nil || pair.Created.Before(first.Created) {
			first = pair
		}
		if !pair.Official.IsZero() && (matched.IsZero() || pair.Official.Before(matched)) {
			matched = pair.Official
		}
	}
	if first == nil {
		return nil // waiting or proposed: releaseHeld counts it
	}
	err = b.once(ctx, t, "released:"+r.ID, b.lease(), func(ctx context.Context) error {
		mentee, err := b.member(ctx, r.Mentee)
		if err != nil {
			return ignoreGone(err)
		}
		b.record(ctx, Event{Kind: EventReleased, At: released, Member: r.Mentee, Ref: r.ID, Topic: r.Topic,
			Groups: fairnessGroups(r, mentee, released), Duration: FairnessWindow})
		if !matched.IsZero() {
			// Its introduction was observed already: the store alone
			// counts the match now that the marker is there.
			loc := b.location(ctx, t)
			e := Event{Kind: EventMatched, At: matched.In(loc), Member: r.Mentee, Ref: r.ID}
			if err := b.store.reports.Record(ctx, t, e.ForStore()); err != nil {
				b.log.Warn("event not recorded", "kind", string(e.Kind), "ref", e.Ref, "code", string(ErrorCode(err)))
			}
		}
		return nil
	})
	if ErrorCode(err) == ESTALE {
		return nil // being counted by releaseHeld or another report
	}
	return err
}
