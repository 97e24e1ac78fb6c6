package bot

import (
	"slices"

	"github.com/mentorbot/mentorbot/matching"
)

// broaderReasonOf is the reason, told to a manager, why a request whose
// topic nobody offers waits, with the broader topic that mentors offer,
// as the member is told (suggestTopic): "Nobody offers “social networks”
// yet; 2 mentors offer “networks”, a broader topic." It is false when no
// mentor offers one, or when the member is offered a typo's correction
// instead.
//
// With otherLanguages, it looks too at the mentors who could take the
// request but for its languages, as suggestTopic does, and counts those
// who could take it first: "Nobody offers “corporate finance” yet; 1
// English-speaking mentor offers “finance”, a broader topic." Without,
// it looks only at the mentors who could take the request as it is. A
// request that lists no language has no other language to look at.
func broaderReasonOf(lang Lang, need matching.Need, topic string, mentors []matching.Mentor, opt matching.Options, otherLanguages bool) (string, bool) {
	if otherLanguages && len(need.Languages) == 0 {
		return "", false
	}
	anyLanguage := need
	anyLanguage.Languages = nil // a need that lists none accepts every language
	var live, other []matching.Mentor
	var offered []string
	for _, m := range mentors {
		switch {
		case m.Paused:
			continue
		case couldTakeMentor(need, m, opt):
			live = append(live, m)
		case otherLanguages && couldTakeMentor(anyLanguage, m, opt):
			other = append(other, m)
		default:
			continue
		}
		offered = append(offered, m.Topics...)
	}
	syn := opt.Synonyms
	if _, typo := syn.Suggest(topic, offered); typo {
		return "", false
	}
	best, ok := syn.Broader(topic, offered)
	if !ok {
		return "", false
	}
	want := syn.Normalize(best)
	offers := func(m matching.Mentor) bool {
		return slices.ContainsFunc(m.Topics, func(t string) bool { return syn.Normalize(t) == want })
	}
	if n := len(slices.DeleteFunc(slices.Clone(live), func(m matching.Mentor) bool { return !offers(m) })); n > 0 {
		return T(lang, "round.broader", "topic", topic, "broader", best, "count", itoa(n)), true
	}
	theirs := slices.DeleteFunc(slices.Clone(other), func(m matching.Mentor) bool { return !offers(m) })
	corrected := need
	corrected.Topic = best
	gap := matching.Languages(corrected, theirs, opt)
	if gap.Mentors == 0 {
		return "", false
	}
	codes := suggestionLanguages(topicSuggestion{others: gap.Others})
	key := "round.broader_languages"
	if len(codes) > 1 {
		key += "_many"
	}
	return T(lang, key, "topic", topic, "broader", best, "count", itoa(gap.Mentors), "languages", languageList(lang, codes)), true
}
