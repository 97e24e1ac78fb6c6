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
	return int(math.Round(float64(tzDistance(a, b)) / secondsPerHour))
}

// TZDistanceMinutes is the distance of TZDistanceHours in whole minutes,
// not rounded to the hour: UTC+5:30 and UTC+9 are 210 minutes apart (3 h
// 30), where TZDistanceHours says 4. It is in [0,720].
func TZDistanceMinutes(a, b int) int {
	return int(tzDistance(a, b) / 60)
}

// TZGapMinutes returns the true difference between two UTC offsets (seconds
// east of UTC), in whole minutes: |a-b|, with no reduction around the
// clock. Los Angeles (UTC-8) and Kolkata (UTC+5:30) are 810 minutes apart
// (13 h 30), where TZDistanceMinutes says 630: their days overlap as
// badly as 10 h 30 would, which the score measures, but their clocks
// differ by 13 h 30, which is what a member reads. It is in [0,1560] for
// real offsets (UTC-12 to UTC+14).
func TZGapMinutes(a, b int) int {
	d := int64(a) - int64(b)
	if d < 0 {
		d = -d
	}
	return int(d / 60)
}

// tzDistance is the distance between two UTC offsets on the 24-hour
// clock, in seconds.
func tzDistance(a, b int) int64 {
	d := int64(a) - int64(b)
	if d < 0 {
		d = -d
	}
	d %= secondsPerDay
	if other := secondsPerDay - d; other < d {
		d = other
	}
	return d
}

// timeZoneScore is 1 - hours/12, clamped to [0,1].
func timeZoneScore(hours int) float64 {
	return clamp01(1 - float64(hours)/12)
}

func clamp01(x float64) float64 {
	return math.Max(0, math.Min(1, x))
}
