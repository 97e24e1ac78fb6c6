package bot

// catalogPrograms2EN holds sentences of speed-mentoring registration, of a
// manager's round preview, of the call for mentors and of the charter,
// in English.
var catalogPrograms2EN = map[string]string{
	// A registration whose member shares no language with anyone
	// registered on the other side (speedStranded): no room is promised.
	"event.registered_stranded_mentor": "You are registered for “{name}” as a mentor. The first round starts on {when}.",
	"event.registered_stranded_mentee": "You are registered for “{name}” as a mentee. The first round starts on {when}.",
	"event.stranded_mentor":            "But no mentee registered so far speaks {languages}: as things stand, you would meet nobody. Mentees can still register until the last round starts: if one who speaks {languages} does, I will send you the video room of each of your sessions.",
	"event.stranded_mentee":            "But no mentor registered so far speaks {languages}: as things stand, you would meet nobody. Mentors can still register until the last round starts: if one who speaks {languages} does, I will send you the video room of each of your sessions.",
}

func init() {
	for k, v := range catalogPrograms2EN {
		addSentence(catalogEN, k, v)
	}
}

// A manager's round: a request that only mentors of other languages
// could take on a broader topic (broaderReasonOf with otherLanguages).
var catalogPrograms2RoundEN = map[string]string{
	"round.broader_languages":      "Nobody offers “{topic}” yet; {count} {languages}-speaking {count|mentor offers|mentors offer} “{broader}”, a broader topic.",
	"round.broader_languages_many": "Nobody offers “{topic}” yet; {count} {count|mentor who speaks|mentors who speak} {languages} {count|offers|offer} “{broader}”, a broader topic.",
}

func init() {
	for k, v := range catalogPrograms2RoundEN {
		addSentence(catalogEN, k, v)
	}
}

// The call for mentors of a program, by its kind (programCallText).
var catalogPrograms2AnnounceEN = map[string]string{
	"announce.kind_text":        "Our mentoring program is looking for mentors. {pitch} If you have mentored here before, we'd love to have you back. Click the button, or type `/mentor offer`, your topics and `program:{id}`, for example `/mentor offer go, career change program:{id}`.",
	"announce.pitch.one-to-one": "If you have a few years of experience, what you learned is exactly what newer members need: in one-to-one mentoring, you accompany one mentee through the program, in regular conversations online, at your pace.",
	"announce.pitch.flash":      "If you have a few years of experience, what you learned is exactly what newer members need: in flash mentoring (Meet & Share), a single short session with each mentee you meet, online, at a time that suits you both.",
	"announce.pitch.peer":       "In peer mentoring, members of similar experience and different expertise help each other: regular conversations through the program, online, at your pace.",
	"announce.pitch.reverse":    "In reverse mentoring, a younger or less senior member guides a more senior one on what they know best, such as a new tool or practice: regular conversations through the program, online, at your pace.",
}

func init() {
	for k, v := range catalogPrograms2AnnounceEN {
		addSentence(catalogEN, k, v)
	}
}

// The charter of a pair from a speed-mentoring event on no topic of its
// own names the other member (charterMessageTo).
var catalogPrograms2CharterEN = map[string]string{
	"charter.intro_open_mentee": "Before your pair from the speed-mentoring event becomes official (with {name} as your mentor), please read and accept the program's charter:",
	"charter.intro_open_mentor": "Before your pair from the speed-mentoring event becomes official (as {name}'s mentor), please read and accept the program's charter:",
}

func init() {
	for k, v := range catalogPrograms2CharterEN {
		addSentence(catalogEN, k, v)
	}
}
