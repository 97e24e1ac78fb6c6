package matching

import "math"

const (
	secondsPerHour = 3600
	secondsPerDay  = 24 * secondsPerHour
)

// TZDistanceHours returns the distance between two UTC offsets (seconds east
// of UTC) on the 24-hour clock, in whole hours, rounded half away from zero:
// min(|a-b|, 24h-|a-b|) after reducing |a-b| modulo 24h. It is in [0,12].
// UTC+13 and UTC-11 are 0 hours apart: their clocks show the same time.
func TZDistanceHours(a, b int) int {
	d := int64(a) - int64(b)
	if d < 0 {
		d = -d
	}
	d %= secondsPerDay
	if other := secondsPerDay - d; other < d {
		d = other
	}
	return int(math.Round(float64(d) / secondsPerHour))
}

// timeZoneScore is 1 - hours/12, clamped to [0,1].
func timeZoneScore(hours int) float64 {
	return clamp01(1 - float64(hours)/12)
}

func clamp01(x float64) float64 {
	return math.Max(0, math.Min(1, x))
}
