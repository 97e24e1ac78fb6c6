package meeting

import (
	"testing"
	"time"
)

// TestParseHoursAsWritten: the hours are read as the bot writes them
// back (« de 9 h à 18 h, du lundi au jeudi », "9:00–18:00, Monday to
// Thursday") and as members write them in either language.
func TestParseHoursAsWritten(t *testing.T) {
	monThu := Weekdays &^ (1 << time.Friday)
	for in, want := range map[string]Hours{
		"9 h-18 h":                         {},
		"9 h - 18 h":                       {},
		"de 9h à 18h":                      {},
		"de 9\u00a0h à 18\u00a0h":          {},
		"9h-18h du lundi au jeudi":         {From: 540, To: 1080, Days: monThu},
		"de 9 h à 18 h, du lundi au jeudi": {From: 540, To: 1080, Days: monThu},
		"de 9\u00a0h 30 à 17\u00a0h 30, lundi, mardi et jeudi": {From: 570, To: 1050, Days: 1<<time.Monday | 1<<time.Tuesday | 1<<time.Thursday},
		"de 9 h à 18 h, du lundi au vendredi":                  {},
		"9am-6pm":                                              {},
		"9 am - 5:30 pm":                                       {From: 540, To: 1050},
		"from 9 to 18":                                         {},
		"from 8am to 4pm on Mon-Thu":                           {From: 480, To: 960, Days: monThu},
		"9:00–18:00, Monday to Thursday":                       {From: 540, To: 1080, Days: monThu},
		"9-18 Mon-Thu":                                         {From: 540, To: 1080, Days: monThu},
		"Mon-Thu 9-18":                                         {From: 540, To: 1080, Days: monThu},
		"9:00–13:00, Monday, Wednesday and Friday":             {From: 540, To: 780, Days: 1<<time.Monday | 1<<time.Wednesday | 1<<time.Friday},
		"12pm-8pm":                                             {From: 720, To: 1200},
	} {
		got, err := ParseHours(in)
		if err != nil || got != want {
			t.Errorf("ParseHours(%q) = %+v, %v; want %+v", in, got, err, want)
		}
	}
}
