package matching

// Internals that the black-box tests check.
var (
	TopicsFile     = topicsFile
	FoldChars      = foldChars
	Stem           = stem
	ParseAliases   = func(data string) (map[string]string, error) { t, err := parseAliases(data); return t.to, err }
	DamerauLevensh = damerauLevenshtein
)

// MatchTopic scores the topic want against the one offered topic.
func MatchTopic(want, offered string) (float64, string, bool) {
	return matchTopic(newTopic(want), []topic{newTopic(offered)})
}
