package bot

// catalogTypedEN holds the sentences of what members and managers type
// (commands, settings, programs), in English.
var catalogTypedEN = map[string]string{
	"admin.digest_channel.was_off": "No managers' channel was set, so no digest was posted: nothing changes. To have one, set a channel with `/mentor admin digest-channel #channel`.",
	"err.date_no_such_day":         "The date “{value}” does not exist: {month} has {days} days.",
	"program.created_no_channel":   "Program “{name}” created (`{id}`), from {start} to {end}. Members join it with `program:{id}` on `/mentor offer` and `/mentor request`. No managers' channel is set, so I cannot post its kick-off round for you to check: its requests wait until {start}, then are proposed to mentors as usual, within a day. To check the round first, type `/mentor admin match program:{id}` on {start}, or set a channel before then with `/mentor admin digest-channel #channel`.",
}

func init() {
	for k, v := range catalogTypedEN {
		addSentence(catalogEN, k, v)
	}
}
