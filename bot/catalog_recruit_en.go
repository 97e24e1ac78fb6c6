package bot

// catalogRecruitEN holds the sentences of recruitment (recruit.go): past
// mentors re-invited to a new program, mentees invited to mentor in turn,
// in English.
var catalogRecruitEN = map[string]string{
	"cmd.admin.invite-mentors.summary": "invite mentees whose mentoring went well, or the members you name, to mentor in a program",
	"cmd.admin.invite-mentors.example": "/mentor admin invite-mentors program:mentorat-2027 years:5",
	"opt.invite_program":               "the program they would mentor in",
	"opt.invite_members":               "the members to invite, instead of those whose mentoring went well",
	"opt.invite_years":                 "the least years of experience of those invited (5 unless you say)",
	"opt.invite_confirm":               "yes: invite again those who already got an invitation to this program",
	"optname.members":                  "the members",
	"err.recruit.which":                "Which program? Write `/mentor admin invite-mentors program:` and its name, as `/mentor admin program list` shows it.",
	"err.recruit.no_members":           "I can't find {names} in this workspace, so I have invited nobody yet. Mention each member (type @ and pick their name) or give their user ID, then send the command again.",
	"err.recruit.no_members.discord":   "I can't find {names} in this server, so I have invited nobody yet. Mention each member (type @ and pick their name) or give their user ID, then send the command again.",

	"recruit.reinvite_will":           "The mentors of earlier pairs, if there are any, get a personal re-invitation now; if so, a message will show you its progress.",
	"recruit.reinvite_count":          "I am re-inviting {count} {count|mentor|mentors} of earlier pairs to “{name}”, by a personal message each. I will show you the progress in a direct message.",
	"recruit.reinvite_opted_out":      "I am not re-inviting {n} other {n|mentor|mentors} of earlier pairs, who asked for no such messages.",
	"recruit.reinvite_none_opted_out": "No mentor of earlier pairs to re-invite: {n} {n|mentor|mentors} of earlier pairs asked for no such messages, and there is no other.",
	"recruit.reinvite_title":          "Mentor again in {name}?",
	"recruit.reinvite":                "You mentored {count} {count|person|people} in “{program}”{satisfaction}. Thank you! Would you mentor again in “{name}”, from {start} to {end}?",
	"recruit.reinvite_here":           "You have mentored {count} {count|person|people} here{satisfaction}. Thank you! Would you mentor again in “{name}”, from {start} to {end}?",
	"recruit.satisfaction":            " (satisfaction {rating}/5)",
	"btn.reinvite_yes":                "Yes, same topics",
	"btn.reinvite_change":             "Change my topics",
	"btn.reinvite_no":                 "Not this time",
	"recruit.change_how":              "Change your topics in the form; your offer stays in “{name}”.",
	"recruit.form_how":                "Tell me what you could mentor on in the form, and your offer joins “{name}”. Or type `/mentor offer TOPICS program:{id}`.",
	"recruit.reinvite_no":             "Thank you for telling me. Your offer stays as it is; if you change your mind, `/mentor offer program:{id}` puts it in “{name}”.",
	"recruit.reinvite_yes":            "Thank you: you are a mentor in “{name}”.",
	"recruit.reinvite_answered":       "You already answered this invitation to “{name}”: nothing changed. `/mentor status` shows your offer and its programs; `/mentor offer program:{id}` puts it in “{name}” if it is not there yet.",
	"recruit.closed":                  "The program “{name}” is closed: it takes no more offers.",
	"recruit.already_in":              "You already mentor in “{name}”: nothing changed. `/mentor status` shows your offer and its programs.",
	"recruit.already_in_change":       "You already mentor in “{name}”: change your topics in the form; your offer stays in “{name}”.",

	"recruit.giveback_title":          "Mentor in turn in {name}?",
	"recruit.giveback_well":           "Your mentoring on “{topic}” went well, and you could now guide someone in turn. Would you mentor in “{name}”, from {start} to {end}?",
	"recruit.giveback_well_years":     "Your mentoring on “{topic}” went well, and with {years} {years|year|years} of experience you could now guide someone in turn. Would you mentor in “{name}”, from {start} to {end}?",
	"recruit.giveback_chosen":         "{manager} thinks you would make a good mentor. Would you mentor in “{name}”, from {start} to {end}?",
	"recruit.a_manager":               "A manager of the program",
	"btn.giveback_yes":                "Yes, I'll mentor",
	"btn.giveback_no":                 "Not now",
	"recruit.giveback_no":             "Thank you for telling me. If you change your mind, `/mentor offer` makes you a mentor at any time.",
	"recruit.giveback_yes":            "Thank you: your offer is in “{name}”.",
	"recruit.giveback_already":        "Thank you: your offer is in “{name}”. It was there already: nothing changed.",
	"recruit.giveback_answered":       "You already answered this invitation to mentor in “{name}”: nothing changed. `/mentor offer program:{id}` makes you a mentor there at any time.",
	"recruit.giveback_started":        "I am inviting {count} {count|member|members} to mentor in “{name}”, each by a personal message. I will show you the progress in a direct message.",
	"recruit.giveback_none":           "Nobody to invite: among the mentees whose mentoring went well (they met, and rated it 4 or 5), none has {years} {years|year|years} of experience or more without being a mentor already. Name members with `members:` to invite them anyway.",
	"recruit.giveback_invited_before": "I already invited {names} to mentor in “{name}” (on {date}), so I have not invited {count|this member|these members} again; add `confirm:yes` to do so.",
	"recruit.giveback_in_already":     "No invitation for {names}, who already {count|offers|offer} mentoring in “{name}”.",

	"opt.announce_program":          "the program the call is for: its offers join it",
	"opt.announce_years":            "send the call by direct message to the members with at least this many years of experience, such as 5+",
	"opt.announce_confirm":          "yes: send the call again to those who already got it",
	"err.announce.years":            "“{value}” is not a number of years: write `years:5+` for 5 years or more.",
	"err.announce.where":            "Where should I post the call? Name a channel (`/mentor admin announce #general`), or add `years:5+` to send it by direct message to experienced members.",
	"admin.announce.nobody":         "Nobody to send it to: no member without an offer has {years} {years|year|years} of experience or more.",
	"admin.announce.again":          "This call was already sent, or is being sent, to some of these members (started on {date}). Add `confirm:yes` to send it again.",
	"admin.announce.dm_started":     "I am sending your call for mentors to {count} {count|member|members} with {years} {years|year|years} of experience or more, each by a direct message in their language. I will show you the progress in a direct message.",
	"admin.announce.dm_started_all": "I am sending your call for mentors to {count} {count|member|members}, each by a direct message in their language. I will show you the progress in a direct message.",
	"admin.announce.reinvited":      "{names} {count|has|have} already received, or {count|is|are} receiving now, a personal re-invitation to “{name}”.",
	"announce.program":              "“{name}” runs from {start} to {end}.",
	"announce.program_text":         "Our mentoring program is looking for mentors. If you have a few years of experience, what you learned is exactly what newer members need: one short session or a few conversations over some months, online, at your pace. If you have mentored here before, we'd love to have you back. Click the button, or type `/mentor offer`, your topics and `program:{id}`, for example `/mentor offer go, career change program:{id}`.",

	"campaign.progress.title.reinvite": "Re-invitations of past mentors to {program}",
	"campaign.progress.done.reinvite":  "Finished. Those who said yes are counted in `/mentor admin program show \"{program}\"`.",
	"campaign.progress.title.giveback": "Invitations to mentor in {program}",
	"campaign.progress.title.call":     "Call for mentors, by direct message",
}

func init() {
	for k, v := range catalogRecruitEN {
		catalogEN[k] = v
	}
}
