package bot

import (
	"slices"

	"github.com/mentorbot/mentorbot/matching"
)

// broaderLanguagesReasonOf is broaderReasonOf for a request that only
// mentors of other languages could take: the member is told "1
// English-speaking mentor offers “finance”: ask them instead?"
// (suggestTopic, suggestionText), so the manager reads the same: "Nobody
// offers “corporate finance” yet; 1 English-speaking mentor offers
// “finance”, a broader topic." broaderReasonOf looks only at the mentors
// who could take the request as it is, its languages included, and so
// says nothing of them. As suggestTopic does, the typo and the broader
// topic are looked for among the offers of both, the mentors who could
// take the request and those who could but for their languages; those
// who could take it are counted first. False when the request lists no
// language, when the member is offered a typo's correction, or when no
// such mentor offers a broader topic.
func broaderLanguagesReasonOf(lang Lang, need matching.Need, topic string, mentors []matching.Mentor, opt matching.Options) (string, bool) {
	if len(need.Languages) == 0 {
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
		case couldTakeMentor(anyLanguage, m, opt):
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
