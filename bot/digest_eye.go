package bot

import (
	"strings"
	"time"
)

// eyeSection lists what needs a manager's eye: who waits and why, oldest
// first; stalled pairs; low ratings.
func eyeSection(lang Lang, r Report) string {
	lines := []string{T(lang, "digest.eye")}
	if len(r.Waiting)+len(r.Stalled)+len(r.LowRatings)+r.AutoPaused+r.Week.AutoPaused+r.Current.AutoPaused+r.Unreachable == 0 {
		return strings.Join(append(lines, T(lang, "digest.eye_none")), "\n")
	}
	loc := r.At.Location()
	if len(r.Waiting) > 0 {
		lines = append(lines, T(lang, "digest.waiting", "count", itoa(len(r.Waiting))))
		for _, w := range r.Waiting[:min(maxDigestItems, len(r.Waiting))] {
			days := int(r.At.Sub(w.Since) / (24 * time.Hour))
			why := waitingReasonFor(lang, w.Topic, w.Request, w.Mentee, w.Why)
			if key, n := waitingKey(w.Why); key == "waiting.program" && len(w.Others) > 0 {
				why = T(lang, "waiting.program_in", "count", itoa(n), "topic", w.Topic, "programs", programsNamed(lang, w.Others))
			}
			if w.Held != nil {
				why = T(lang, "digest.waiting_held", "name", w.Held.Name, "start", Date(lang, w.Held.Start))
			}
			if w.Paused != nil {
				why = pausedReasonOf(lang, *w.Paused, loc)
			}
			lines = append(lines, "• "+T(lang, "digest.waiting_item", "name", w.Mentee.displayName(), "topic", w.Topic,
				"waited", waited(lang, days), "why", AfterColon(lang, why)))
		}
		lines = append(lines, more(lang, len(r.Waiting))...)
	}
	if len(r.Stalled) > 0 {
		lines = append(lines, T(lang, "digest.stalled", "count", itoa(len(r.Stalled))))
		for _, f := range r.Stalled[:min(maxDigestItems, len(r.Stalled))] {
			// With its true reason: two "not yet", or silence since the
			// check-in nobody answered (stalled.go).
			key := "digest.stalled_item"
			if f.Pair.NotYet < StalledAfter {
				key = "digest.stalled_silent_item"
			}
			lines = append(lines, "• "+T(lang, key, "mentor", f.Mentor.displayName(), "mentee", f.Mentee.displayName(),
				"topic", f.Pair.Topic, "date", Date(lang, f.Flag.At.In(loc))))
		}
		lines = append(lines, more(lang, len(r.Stalled))...)
	}
	if len(r.LowRatings) > 0 {
		lines = append(lines, T(lang, "digest.low", "count", itoa(len(r.LowRatings))))
		for _, f := range r.LowRatings[:min(maxDigestItems, len(r.LowRatings))] {
			lines = append(lines, "• "+T(lang, "digest.low_item", "mentor", f.Mentor.displayName(), "mentee", f.Mentee.displayName(),
				"topic", f.Pair.Topic, "rating", itoa(f.Flag.Rating), "date", Date(lang, f.Flag.At.In(loc))))
		}
		lines = append(lines, more(lang, len(r.LowRatings))...)
	}
	if r.AutoPaused > 0 || r.Week.AutoPaused > 0 || r.Current.AutoPaused > 0 {
		lines = append(lines, T(lang, "digest.auto_paused", "week", itoa(r.Week.AutoPaused), "current", itoa(r.Current.AutoPaused), "count", itoa(r.AutoPaused)))
	}
	if r.Unreachable > 0 {
		lines = append(lines, plural(lang, r.Unreachable, "digest.unreachable_paused"))
	}
	return strings.Join(lines, "\n")
}

// more counts the items a list leaves out.
func more(lang Lang, n int) []string {
	if n <= maxDigestItems {
		return nil
	}
	return []string{T(lang, "digest.more", "count", itoa(n-maxDigestItems))}
}

// waited says how long a request has waited, in whole days.
func waited(lang Lang, days int) string {
	if days < 1 {
		return T(lang, "fair.days_none")
	}
	return plural(lang, days, "fair.days")
}
