package chart

import "github.com/mentorbot/mentorbot/bot"

// Draw draws the weekly digest's chart: what cmd wires as bot.Config.Chart.
func Draw(c bot.Chart) ([]byte, error) {
	if c.Bars {
		b := Bars{Title: c.Title, Labels: c.Weeks}
		for _, s := range c.Counts {
			b.Series = append(b.Series, Series(s))
		}
		return b.PNG()
	}
	w := Weekly{Title: c.Title, Weeks: c.Weeks, Rating: Series(c.Rating)}
	for _, s := range c.Counts {
		w.Counts = append(w.Counts, Series(s))
	}
	return w.PNG()
}
