package bot

// catalogStatsEN holds the sentences of the managers' figures that say
// exactly what they count: retention since the beginning, said as a live
// figure under /mentor admin stats' "Right now" and the last week's own
// under its title, and the introductions timed from a program's kick-off
// for a request held for it, in English.
var catalogStatsEN = map[string]string{
	"admin.stats.retention_now":            "Retention since the beginning, up to now\nMentors back for a new mentee after finishing with one: {returned}.\nMentees who became mentors: {became}.",
	"admin.stats.retention_week":           "Retention\nMentors back for a new mentee after finishing with one: {returned} in the week.\nMentees who became mentors: {became} in the week.",
	"digest.intros_value_kickoff":          "{count}, median {median} from request, or from the kick-off for a request held for its program",
	"digest.intros_some_requested_kickoff": "{count}, of which {requested} from a request (median {median} from it, or from the kick-off for a request held for its program)",
}

func init() {
	for k, v := range catalogStatsEN {
		addSentence(catalogEN, k, v)
	}
}
