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
// "9-17:30 mon,tue,thu" in English (meeting.Hours.String), « 9-17:30
// lun,mar,jeu » in French, as the form's placeholder writes them (`10-16
// lun-jeu`); "" for the default hours, as the field is left empty for
// them.
func hoursValue(lang Lang, h meeting.Hours) string {
	s := h.String()
	if lang != French || h.IsZero() {
		return s
	}
	n := h.Norm()
	if n.Days == meeting.Weekdays {
		return s
	}
	times, _, _ := strings.Cut(s, " ")
	var days []string
	for i, d := range []int{1, 2, 3, 4, 5, 6, 0} {
		if n.Days&(1<<d) != 0 {
			days = append(days, frenchDays[i])
		}
	}
	return times + " " + strings.Join(days, ",")
}
