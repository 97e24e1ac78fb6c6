package bot

// programCallText is the call for mentors of a program, in lang: its
// name and dates, then what mentoring in it asks of a mentor, as its kind
// has it, named (in one-to-one mentoring, one mentee through the
// program; in flash mentoring, a single short session with each), and
// the command that offers in it. A kind the catalog has no words for
// gets the words that fit every kind.
func programCallText(lang Lang, p *Program) string {
	head := T(lang, "announce.program", "name", p.Name, "start", Date(lang, p.Start), "end", Date(lang, p.End))
	if pitch := "announce.pitch." + string(p.Kind); p.Kind != "" && HasKey(lang, pitch) {
		return head + " " + T(lang, "announce.kind_text", "pitch", T(lang, pitch), "id", string(p.ID))
	}
	return head + " " + T(lang, "announce.program_text", "id", string(p.ID))
}
