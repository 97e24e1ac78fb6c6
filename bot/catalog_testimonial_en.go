package bot

// catalogTestimonialEN holds the sentences of the testimonials: the final
// survey's question, /mentor testimonial, the consent buttons and
// /mentor admin testimonials, in English.
var catalogTestimonialEN = map[string]string{
	"cmd.testimonial.summary":     "write one sentence about your mentoring, at the end of your final survey",
	"cmd.testimonial.example":     "/mentor testimonial Ada helped me ship my first service in a month.",
	"opt.sentence":                "one sentence about your mentoring (300 characters at most)",
	"label.sentence":              "Your sentence",
	"optname.sentence":            "the sentence",
	"form.testimonial.title":      "Your testimonial",
	"btn.testimonial_write":       "Write a testimonial",
	"testimonial.ask":             "One more thing: in one sentence, what did your mentoring on “{topic}” bring you? Once you have written it, you choose whether other members may read it in the network's newsletter.",
	"testimonial.how":             "Type `/mentor testimonial` followed by your sentence.",
	"testimonial.saved":           "Thank you, your sentence about “{topic}” is saved.",
	"testimonial.left":            "Please finish your survey on “{topic}” first, with its buttons: I ask for your testimonial after its last question. Still to answer: {questions}",
	"testimonial.replaced":        "Thank you: this sentence about “{topic}” replaces the one you wrote before, so please choose again whether it may be shared.",
	"testimonial.consent":         "May we share it with other members? With your first name, only if {name} also agrees to show theirs; otherwise it is shared without a name. Until you choose, it is not shared.",
	"btn.testimonial_anonymous":   "Yes, anonymously",
	"btn.testimonial_name":        "Yes, with my first name",
	"btn.testimonial_no":          "No, do not share it",
	"testimonial.share.anonymous": "Thank you: your sentence may be shared, without your name.",
	"testimonial.share.name":      "Thank you: your sentence may be shared with your first name, {first}, if {name} also agrees to show theirs; otherwise without a name.",
	"testimonial.share.no":        "Understood: your sentence will never be shared. It stays in your data until you erase it with `/mentor forget`.",
	"testimonial.share_same":      "That was already your answer.",
	"testimonial.share_changed":   "Your new answer replaces the previous one.",
	"err.testimonial_no_survey":   "There is nothing to write a testimonial about yet: you are asked for one at the end of the final survey of a mentoring.",
	"err.testimonial_gone":        "That mentoring's data has been erased, so there is no sentence to write or share for it any more.",
	"testimonial.how_pair":        "Type `/mentor testimonial` followed by your sentence, then `pair:{pair}`: it is about your pair with {name} (“{topic}”).",
	"testimonial.saved_pair":      "Thank you, your sentence about your pair with {name} (“{topic}”) is saved.",
	"testimonial.replaced_pair":   "Thank you: this sentence about your pair with {name} (“{topic}”) replaces the one you wrote before, so please choose again whether it may be shared.",
	"testimonial.no_match":        "None of your pairs that reached their final survey is with “{query}”: yours are {pairs}. After `pair:`, give the other member's first name or the topic.",
	"testimonial.choose":          "Your sentence could be about several pairs, with {pairs}: which one? Click its button to write it in a form, or type your sentence again followed by `pair:` and the other member's first name or the topic: `/mentor testimonial … pair:{pair}`. Nothing is saved until then.",
	"btn.testimonial_pair":        "{name} (“{topic}”)",
	"opt.testimonial_pair":        "the other member's first name, or the topic, when your sentence could be about several pairs",
	"label.pair":                  "Pair (first name or topic)",

	// A program's own questions, for a member with several pairs
	// (program_questions.go).
	"answers.for_pair":   "These answers are for your pair with {name} (“{topic}”).",
	"answers.saved_pair": "Thank you: your answers to the questions of {program} for your pair with {name} (“{topic}”) are saved.",
	"answers.done_pair":  "You already answered these questions for your pair with {name} (“{topic}”). Thank you!",
	"answers.others":     "The questions also wait for your answers for your {n|pair|pairs} with {pairs}: click the pair's button, then answer as before, in its form or with `/mentor answers`.",
	"btn.answers_pair":   "{name} (“{topic}”)",

	"cmd.admin.testimonials.summary": "list the testimonials members agreed to share, or send them as a CSV or Markdown file",
	"cmd.admin.testimonials.example": "/mentor admin testimonials format:markdown",
	"opt.format":                     "csv or markdown: send them all as a file",
	"label.format":                   "Format",
	"optname.format":                 "the format",
	"admin.testimonials.none":        "No testimonial may be shared yet: members are asked for one at the end of their final survey, and choose whether it may be shared.",
	"admin.testimonials.none_in":     "No testimonial from “{program}” may be shared yet.",
	"admin.testimonials.elsewhere":   "{n} {n|testimonial|testimonials} from outside it may be: `/mentor admin testimonials` without `program:` lists them.",
	"admin.testimonials.title":       "{n} {n|testimonial|testimonials} you may share",
	"admin.testimonials.intro":       "A first name appears only where both members of the pair agreed to show theirs.",
	"admin.testimonials.quote":       "“{text}” — {by}",
	"admin.testimonials.by_name":     "{name}, {role} ({topic})",
	"admin.testimonials.role_mentor": "mentor",
	"admin.testimonials.role_mentee": "mentee",
	"admin.testimonials.by_mentor":   "a mentor ({topic})",
	"admin.testimonials.by_mentee":   "a mentee ({topic})",
	"admin.testimonials.more":        "… and {n} more: `/mentor admin testimonials format:csv` or `format:markdown` sends them all.",
	"admin.testimonials.file_title":  "mentorbot testimonials",
	"admin.testimonials.file":        "{n} shareable {n|testimonial|testimonials}, as the members allowed: a first name only where both members of the pair agreed to show theirs.",
	"admin.testimonials.done":        "Your testimonials are on their way ({n} in the file).",
	"admin.testimonials.md_title":    "What our members say",
}

func init() {
	for k, v := range catalogTestimonialEN {
		addSentence(catalogEN, k, v)
	}
}
