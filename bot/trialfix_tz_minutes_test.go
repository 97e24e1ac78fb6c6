package bot_test

import (
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestTrialfixTimeZoneMinutes: Kolkata (UTC+5:30) and Tokyo (UTC+9) are
// 3 hours 30 minutes apart, not 4 hours, in the proposal, the introduction and the
// introduction of a manager's pair on a topic the mentor does not offer;
// in English and French.
func TestTrialfixTimeZoneMinutes(t *testing.T) {
	for _, c := range []struct{ lang, want string }{
		{"en", "3 hours 30 minutes apart"},
		{"fr", "3\u00a0h\u00a030 de décalage"},
	} {
		t.Run(c.lang, func(t *testing.T) {
			h := MustAdminHarness(t)
			for _, u := range []string{"erin", "dan", "alice"} {
				h.Run(u, "lang "+c.lang)
			}
			h.Run("erin", "offer kubernetes tz:Asia/Tokyo")
			h.Run("dan", "request kubernetes tz:Asia/Kolkata")
			why := func(m bot.Message) string {
				var all []string
				for _, f := range m.Fields {
					all = append(all, f.Value)
				}
				return m.Text + "\n" + strings.Join(all, "\n")
			}
			msgs := h.Platform.To("erin")
			if got := why(msgs[len(msgs)-1]); !strings.Contains(got, c.want) {
				t.Errorf("proposal: got %q, want %q", got, c.want)
			}
			h.Click("erin", "erin", bot.ActionProposalAccept)
			clickAll(h, "erin", bot.ActionCharterAccept)
			clickAll(h, "dan", bot.ActionCharterAccept)
			msgs = h.Platform.To("dan")
			if got := why(msgs[len(msgs)-1]); !strings.Contains(got, c.want) {
				t.Errorf("introduction: got %q, want %q", got, c.want)
			}
			// A manager's pair on a topic erin does not offer: the
			// reasons are the facts that hold, the time zones among them.
			h.Run("alice", "admin pair erin dan python confirm:yes")
			clickAll(h, "erin", bot.ActionCharterAccept)
			clickAll(h, "dan", bot.ActionCharterAccept)
			msgs = h.Platform.To("dan")
			if got := why(msgs[len(msgs)-1]); !strings.Contains(got, c.want) {
				t.Errorf("manager's pair: got %q, want %q", got, c.want)
			}
		})
	}
}
