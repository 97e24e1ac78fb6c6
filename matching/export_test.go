package matching

// Internals that the black-box tests check.
var (
	TopicsFile   = topicsFile
	FoldChars    = foldChars
	Stem         = stem
	ParseAliases = func(data string) (map[string]string, error) { t, err := parseAliases(data); return t.to, err }
)

// MatchTopic scores the topic want against the one offered topic.
func MatchTopic(want, offered string) (float64, string, bool) {
	return matchTopic(newTopic(want), []topic{newTopic(offered)}, false)
}

// ArcWeights returns, for each need, the weight Assign maximises for each
// eligible mentor, by mentor ID, as Assign computes them.
func ArcWeights(needs []Need, mentors []Mentor, opt Options) []map[string]int64 {
	nps := make([]needProfile, len(needs))
	for i, n := range needs {
		nps[i] = newNeedProfile(n, opt.Synonyms)
	}
	mps, _ := byID(mentors, opt.Synonyms)
	t := eligibleArcs(nps, mps, opt)
	w := arcWeights(&t, len(nps), mps, opt.AvoidRepeats)
	out := make([]map[string]int64, len(needs))
	for i := range needs {
		out[i] = map[string]int64{}
		for x := t.start[i]; x < t.end[i]; x++ {
			out[i][mps[t.arcs[x].mentor].ID] = w[x]
		}
	}
	return out
}

// EligibleArcs counts the eligible (need, mentor) pairs of a round.
func EligibleArcs(needs []Need, mentors []Mentor, opt Options) int {
	nps := make([]needProfile, len(needs))
	for i, n := range needs {
		nps[i] = newNeedProfile(n, opt.Synonyms)
	}
	mps, _ := byID(mentors, opt.Synonyms)
	return len(eligibleArcs(nps, mps, opt).arcs)
}

// Typo reports whether the folded topic a reads as a typo of the folded
// topic b, by distance alone.
func Typo(a, b string) bool { return typo(NormalizeTopic(a), NormalizeTopic(b)) }
