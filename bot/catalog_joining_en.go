package bot

// catalogJoiningEN holds the sentences of joining a program from a form,
// and of moving a request to the program where its mentors are
// (waiting_programs.go, form_request.go), in English.
var catalogJoiningEN = map[string]string{
	"waiting.program_in":    "{count|A mentor offers|Mentors offer} “{topic}”, but only in {programs} for now.",
	"waiting.program_move":  "{count|This mentor is|These mentors are} in {programs}: to move your request there, type `/mentor cancel`, then {commands}.",
	"escalate.text_program": "{name}'s request on “{topic}”{program} has waited {days} {days|day|days} without a mentor. The {count|mentor|mentors} of this topic who could take it {count|is|are} in {programs}, not in {here}: {name} can move the request there with `/mentor cancel`, then {commands}; or you can pair them by hand with `/mentor admin pair`.",
	"program.default_id":    "default",

	// The request form's program field (form_request.go): the open
	// programs, as typed, and what an empty field joins.
	"form.request.program": "{programs}, or leave empty for {current}",

	// The program form's questions (admin_program.go).
	"label.program_questions":           "Questions of its own (optional)",
	"form.program.charter_no_questions": "The charter; its own survey questions go in the command's questions field: no room here",
}

func init() {
	for k, v := range catalogJoiningEN {
		addSentence(catalogEN, k, v)
	}
}
