package bot

import (
	"strings"
	"time"
)

// maxDigestItems bounds each list of the digest, so that it fits one chat
// message; the rest is counted.
const maxDigestItems = 10

// digestMessage writes a report in lang: the week in numbers, the topics,
// what needs a manager's eye and retention, in that order, as text (fields
// would come after the text on some platforms).
func digestMessage(lang Lang, r Report) Message {
	lines := append([]string{T(lang, "digest.numbers")}, weekNumbers(lang, r.Week, &r.Before)...)
	retention := T(lang, "digest.retention", "returned", itoa(r.Week.Returned), "returned_all", itoa(r.Returned), "became", itoa(r.Week.Became), "became_all", itoa(r.Became))
	sections := []string{strings.Join(lines, "\n"), topicsSection(lang, r), eyeSection(lang, r), fairnessSection(lang, r)}
	if goals := goalsSection(lang, r); goals != "" {
		sections = append(sections, goals)
	}
	return Message{
		Title: T(lang, "digest.title", "date", Date(lang, r.Start), "week", r.Week.Week),
		Text:  strings.Join(append(sections, retention), "\n\n"),
	}
}

// weekNumbers writes a week's numbers, one line each, with the week
// before as the trend when there is one.
func weekNumbers(lang Lang, w WeekFigures, before *WeekFigures) []string {
	p := WeekFigures{}
	if before != nil {
		p = *before
	}
	numbers := [][3]string{
		{"digest.requests", itoa(w.Requests), itoa(p.Requests)},
		{"digest.offers", itoa(w.Offers), itoa(p.Offers)},
		{"digest.pairs", itoa(w.Pairs), itoa(p.Pairs)},
		{"digest.manager_pairs", itoa(w.ManagerPairs), itoa(p.ManagerPairs)},
		{"digest.speed_pairs", itoa(w.SpeedPairs), itoa(p.SpeedPairs)},
		{"digest.charter_cancelled", itoa(w.CharterCancelled), itoa(p.CharterCancelled)},
		{"digest.proposals", proposals(lang, w), proposals(lang, p)},
		{"digest.intros", intros(lang, w), intros(lang, p)},
		{"digest.meetings", itoa(w.Meetings), itoa(p.Meetings)},
		{"digest.surveys", itoa(w.Surveys), itoa(p.Surveys)},
		{"digest.rating", rating(lang, w), rating(lang, p)},
		{"digest.answered", answered(lang, w), answered(lang, p)},
	}
	var lines []string
	for _, n := range numbers {
		if (n[0] == "digest.speed_pairs" || n[0] == "digest.charter_cancelled") && n[1] == "0" && n[2] == "0" {
			continue // none this week or the week before: no line
		}
		value := n[1]
		if before != nil {
			value = trend(lang, n[1], n[2])
		}
		lines = append(lines, T(lang, "digest.item", "label", T(lang, n[0]), "value", value))
	}
	return lines
}

func trend(lang Lang, now, before string) string {
	return T(lang, "digest.trend", "value", now, "before", before)
}

func proposals(lang Lang, w WeekFigures) string {
	return T(lang, "digest.proposals_value", "accepted", itoa(w.Accepted), "declined", itoa(w.Declined), "expired", itoa(w.Expired))
}

func intros(lang Lang, w WeekFigures) string {
	switch {
	case w.Intros == 0:
		return "0"
	case w.IntroRequests == 0: // none has a time from request
		return T(lang, "digest.intros_none_requested", "count", itoa(w.Intros))
	}
	// A request held for its program's kick-off is timed from the
	// kick-off (introTimedFrom): said when the week may have one.
	some, all := "digest.intros_some_requested", "digest.intros_value"
	if w.KickoffTimed {
		some, all = "digest.intros_some_requested_kickoff", "digest.intros_value_kickoff"
	}
	if w.IntroRequests < w.Intros {
		return T(lang, some, "count", itoa(w.Intros), "requested", itoa(w.IntroRequests), "median", humanDuration(lang, w.MedianIntro))
	}
	return T(lang, all, "count", itoa(w.Intros), "median", humanDuration(lang, w.MedianIntro))
}

func rating(lang Lang, w WeekFigures) string {
	avg, ok := w.AverageRating()
	if !ok {
		return T(lang, "digest.none")
	}
	return T(lang, "digest.rating_value", "rating", Decimal(lang, rounded(avg)))
}

func answered(lang Lang, w WeekFigures) string {
	n := w.Answered()
	if n == 0 {
		return T(lang, "digest.answers_none")
	}
	return T(lang, "digest.answered_value", "yes", percent(w.AnsweredYes, n), "partly", percent(w.AnsweredPartly, n), "count", itoa(n))
}

// percent is part of whole as a whole percentage.
func percent(part, whole int) string { return itoa((part*100 + whole/2) / whole) }

// humanDuration writes a duration in days and hours, or hours and
// minutes under a day.
func humanDuration(lang Lang, d time.Duration) string {
	d = d.Round(time.Minute)
	switch h, m := int(d/time.Hour), int(d%time.Hour/time.Minute); {
	case h >= 24 && h%24 == 0:
		return T(lang, "digest.dur_days_only", "days", itoa(h/24))
	case h >= 24:
		return T(lang, "digest.dur_days", "days", itoa(h/24), "hours", itoa(h%24))
	case h >= 1 && m == 0:
		return T(lang, "digest.dur_hours_only", "hours", itoa(h))
	case h >= 1:
		return T(lang, "digest.dur_hours", "hours", itoa(h), "minutes", itoa(m))
	}
	return T(lang, "digest.dur_minutes", "minutes", itoa(int(d/time.Minute)))
}

// topicsSection compares demand with supply and names the unmet topics.
func topicsSection(lang Lang, r Report) string {
	return strings.Join([]string{
		T(lang, "digest.topics"),
		T(lang, "digest.demand", "list", topicList(lang, r.Demand, "digest.topic_requests")),
		T(lang, "digest.supply", "list", topicList(lang, r.Supply, "digest.topic_mentors")),
		T(lang, "digest.unmet", "list", topicList(lang, r.Unmet, "digest.topic_unmet")),
	}, "\n")
}

// topicList writes topic counts with the item key, the first
// maxDigestItems of them.
func topicList(lang Lang, tc []TopicCount, key string) string {
	if len(tc) == 0 {
		return T(lang, "digest.topics_none")
	}
	var parts []string
	for _, c := range tc[:min(maxDigestItems, len(tc))] {
		parts = append(parts, T(lang, key, "topic", c.Topic, "count", Number(lang, c.Count), "waiting", Number(lang, c.Waiting)))
	}
	// The rest is counted, as every list of the digest does.
	return strings.Join(append(parts, more(lang, len(tc))...), ", ")
}
