package bot

import (
	"strings"

	"github.com/mentorbot/mentorbot/meeting"
)

// A form is prefilled with the member's values written as they would type
// them in their language, and as the form's submission reads them back:
// submitted unchanged, a form changes nothing and is refused nothing.

// languageValue is a language code as a form shows it to readers of
// lang: its name (“French”, « français ») when the parser reads that
// name back as the code, else the code.
func languageValue(lang Lang, code string) string {
	name := languageName(lang, code)
	if back, ok := parseLanguage(name); ok && back == code {
		return name
	}
	return code
}

// frenchDays are the days as a French form writes them, Monday first
// (meeting.ParseHours reads them).
var frenchDays = [7]string{"lun", "mar", "mer", "jeu", "ven", "sam", "dim"}

// hoursValue is working hours as a form shows them to readers of lang:
// "9-17:30 mon,tue,thu" in English (meeting.Hours.String), « 8h30-17h
// lun-jeu,sam » in French, as the French help and errors write them
// (`9h30-17h`, `10-16 lun-jeu`): three days or more in a row as a span;
// "" for the default hours, as the field is left empty for them.
func hoursValue(lang Lang, h meeting.Hours) string {
	if lang != French || h.IsZero() {
		return h.String()
	}
	n := h.Norm()
	s := frenchClockValue(n.From) + "-" + frenchClockValue(n.To)
	if n.Days == meeting.Weekdays {
		return s
	}
	var parts []string
	for _, r := range dayRuns(n.Days) { // Monday first, as frenchDays
		if r[1]-r[0] >= 2 {
			parts = append(parts, frenchDays[r[0]]+"-"+frenchDays[r[1]])
		} else {
			parts = append(parts, frenchDays[r[0]:r[1]+1]...)
		}
	}
	return s + " " + strings.Join(parts, ",")
}

// frenchClockValue writes minutes after midnight as a French member
// types them: « 9h », « 17h30 ».
func frenchClockValue(m int) string {
	s := itoa(m/60) + "h"
	if m%60 != 0 {
		s += meeting.Clock(m)[len(itoa(m/60))+1:]
	}
	return s
}
