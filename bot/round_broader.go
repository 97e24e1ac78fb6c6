package bot

import (
	"slices"

	"github.com/mentorbot/mentorbot/matching"
)

// broaderReasonOf is the reason, told to a manager, why a request whose
// topic nobody offers waits, with the broader topic that mentors who
// could take it offer, as the member is told (suggestTopic): "Nobody
// offers “social networks” yet; 2 mentors offer “networks”, a broader
// topic." It is false when none of mentors offers one, or when the
// member is offered a typo's correction instead.
func broaderReasonOf(lang Lang, need matching.Need, topic string, mentors []matching.Mentor, opt matching.Options) (string, bool) {
	var could []matching.Mentor
	var offered []string
	for _, m := range mentors {
		if !m.Paused && couldTakeMentor(need, m, opt) {
			could = append(could, m)
			offered = append(offered, m.Topics...)
		}
	}
	syn := opt.Synonyms
	if _, typo := syn.Suggest(topic, offered); typo {
		return "", false
	}
	best, ok := syn.Broader(topic, offered)
	if !ok {
		return "", false
	}
	want, n := syn.Normalize(best), 0
	for _, m := range could {
		if slices.ContainsFunc(m.Topics, func(t string) bool { return syn.Normalize(t) == want }) {
			n++
		}
	}
	return T(lang, "round.broader", "topic", topic, "broader", best, "count", itoa(n)), true
}
