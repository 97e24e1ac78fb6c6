package bot

// catalogReportEN holds the sentences of a program's end-of-program report
// (/mentor admin report), in English.
var catalogReportEN = map[string]string{
	"cmd.admin.report.summary": "a program's end-of-program report: pairs, satisfaction, renewal, topics, with a chart and a CSV",
	"cmd.admin.report.example": "/mentor admin report program:\"Mentorat 2027\"",
	"opt.report_program":       "the program to report on, as `/mentor admin program list` names it",
	"err.report.which":         "Which program? Write `/mentor admin report program:` and its name, as `/mentor admin program list` shows it.",

	"digest.waiting_held":      "The request waits for the kick-off round of “{name}”, on {start}.",
	"report.title":             "End-of-program report: {name}",
	"report.period":            "From {start} to {end}.",
	"report.compared":          "In brackets, the program before: {name}.",
	"report.trend":             "{value} ({before})",
	"report.pairs":             "Pairs that started (charter accepted)",
	"report.met":               "Pairs who met",
	"report.completed":         "Pairs who completed the program",
	"report.rating":            "Satisfaction at the end",
	"report.rating_value":      "{rating}/5 ({count} {count|answer|answers})",
	"report.answered":          "Mentees whose questions the mentor answered",
	"report.answered_value":    "{yes}% yes, {partly}% partly ({count} {count|answer|answers})",
	"report.renewal":           "Mentors who mentor again in the next program",
	"report.no_next":           "no next program yet",
	"report.became":            "Mentees who became mentors",
	"report.first_meeting":     "Time to a first meeting (median)",
	"report.topics":            "Topic balance",
	"report.topic":             "{topic} {count} ({percent}%)",
	"report.topics_more":       "{count} more {count|topic|topics}",
	"report.share":             "{part} of {whole} ({percent}%)",
	"report.no_answer":         "no answer yet",
	"report.no_meeting":        "no meeting yet",
	"report.no_topic":          "no pair yet",
	"report.no_pairs":          "No pair was formed in this program.",
	"report.chart_title":       "{name}: pairs, meetings and ratings by week",
	"report.file_png":          "The chart of {name}, week by week.",
	"report.file_csv":          "The figures of {name}, for a spreadsheet.",
	"opt.testimonials_program": "only the testimonials of this program",
	"report.coming":            "Its end-of-program report comes here on {date}, once the final surveys are in; `/mentor admin report program:{id}` shows it at any time.",
}

func init() {
	for k, v := range catalogReportEN {
		addSentence(catalogEN, k, v)
	}
}
