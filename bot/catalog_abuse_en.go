package bot

// catalogAbuseEN holds the sentences about abuse and bad input, in
// English.
var catalogAbuseEN = map[string]string{
	"err.slow_down": "You're going a little fast. Please wait a minute, then try again.",
}

func init() {
	for k, v := range catalogAbuseEN {
		addSentence(catalogEN, k, v)
	}
}
