package matching

import "math"

// Weights are the relative importance of each part score in Score.Total.
// Negative, NaN and infinite weights count as zero.
type Weights struct{ Topic, Language, TimeZone, Kind float64 }

// Options tune Rank, Explain and Assign. Negative, NaN and infinite
// bonuses count as zero.
type Options struct {
	Weights Weights
	// MaxTZHours is a hard limit on the time-zone distance in whole hours
	// (see TZDistanceHours); 0 or less means no limit.
	MaxTZHours int
	// WaitPerDay is the bonus Score.Wait per day a need has waited
	// (Need.Waited), counted in fractions of a day up to MaxWaitDays (so
	// a MaxWaitDays of 0 gives no bonus).
	WaitPerDay  float64
	MaxWaitDays float64
	// LoadSpread is the bonus Score.Load of an idle mentor; a mentor with
	// Active/Capacity = r gets LoadSpread·(1-r).
	LoadSpread float64
	// AvoidRepeats ranks every mentor in Need.Met below every other
	// eligible mentor of that need (see Assign).
	AvoidRepeats bool
	// NarrowerOffers lets an offered topic whose words are all among the
	// need's match it as related, the other way round from the rule
	// (matchTopic): for a speed-mentoring round, where every mentor offers
	// "any" and a mentee's topic is read as "<topic> any". Off for
	// requests: "networks" is no mentor for "social networks".
	NarrowerOffers bool
	// Synonyms are the workspace's own topic aliases, applied to every
	// topic of needs and mentors after NormalizeTopic's (see
	// Synonyms.Normalize). Nil applies none.
	Synonyms Synonyms
}

// DefaultOptions returns weights Topic .4, Language .2, TimeZone .2,
// Kind .2, no time-zone limit, a waiting bonus of .02 a day up to 14 days
// (at most .28), a load spread of .01, and repeat avoidance.
//
// Two days of waiting (.04) outweigh the largest load-spread difference
// (.01), so a request passed over twice is served before a newer one of
// equal fit; a bonus of .02 a day also outweighs a fit .02 better.
func DefaultOptions() Options {
	return Options{
		Weights:    Weights{Topic: 0.4, Language: 0.2, TimeZone: 0.2, Kind: 0.2},
		WaitPerDay: 0.02, MaxWaitDays: 14, LoadSpread: 0.01, AvoidRepeats: true,
	}
}

// total returns the weighted mean of the part scores of s, or 0 when all
// weights are zero.
func (w Weights) total(s Score) float64 {
	wt, wl, wz, wk := sane(w.Topic), sane(w.Language), sane(w.TimeZone), sane(w.Kind)
	sum := wt + wl + wz + wk
	if sum == 0 {
		return 0
	}
	return clamp01((wt*s.Topic + wl*s.Language + wz*s.TimeZone + wk*s.Kind) / sum)
}

// waitBonus is the Score.Wait of a need.
func (o Options) waitBonus(n *Need) float64 {
	days := math.Min(n.Waited.Hours()/24, sane(o.MaxWaitDays))
	if days <= 0 {
		return 0
	}
	return sane(o.WaitPerDay) * days
}

// loadBonus is the Score.Load of an eligible mentor (Active < Capacity).
func (o Options) loadBonus(m *Mentor) float64 {
	if m.Capacity <= 0 {
		return 0
	}
	return sane(o.LoadSpread) * (1 - float64(max(m.Active, 0))/float64(m.Capacity))
}

func sane(w float64) float64 {
	if w < 0 || math.IsNaN(w) || math.IsInf(w, 0) {
		return 0
	}
	return w
}
