package matching

import "math"

// Weights are the relative importance of each part score in Score.Total.
// Negative, NaN and infinite weights count as zero.
type Weights struct{ Topic, Language, TimeZone, Kind float64 }

// Options tune Rank, Explain and Assign.
type Options struct {
	Weights Weights
	// MaxTZHours is a hard limit on the time-zone distance in whole hours
	// (see TZDistanceHours); 0 or less means no limit.
	MaxTZHours int
}

// DefaultOptions returns weights Topic .4, Language .2, TimeZone .2,
// Kind .2 and no time-zone limit.
func DefaultOptions() Options {
	return Options{Weights: Weights{Topic: 0.4, Language: 0.2, TimeZone: 0.2, Kind: 0.2}}
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

func sane(w float64) float64 {
	if w < 0 || math.IsNaN(w) || math.IsInf(w, 0) {
		return 0
	}
	return w
}
