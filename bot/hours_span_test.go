package bot_test

import (
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestHoursDaySpan: working days in a row read as a span (« du lundi au
// jeudi », "Monday to Thursday"), others as a list.
func TestHoursDaySpan(t *testing.T) {
	h := MustHarness(t)
	MustContain(t, fields(h.Run("dan", "profile hours:9-17 mon-thu")), "9:00–17:00, Monday to Thursday")
	MustContain(t, fields(h.Run("dan", "profile hours:9-17 mon,wed,fri")), "Monday, Wednesday and Friday")
	h.Run("dan", "lang fr")
	MustContain(t, fields(h.Run("dan", "profil heures:9h-17h lun-jeu")), "de 9\u00a0h à 17\u00a0h, du lundi au jeudi")
	MustContain(t, fields(h.Run("dan", "profil heures:9h-17h sam-dim")), "samedi et dimanche")
}

// fields is a reply with its fields' values as its text, for MustContain.
func fields(r bot.Reply) bot.Reply {
	var vs []string
	for _, f := range r.Message.Fields {
		vs = append(vs, f.Value)
	}
	r.Message.Text = strings.Join(vs, "\n")
	return r
}
