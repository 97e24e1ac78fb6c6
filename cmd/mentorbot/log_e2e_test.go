package main_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
	main "github.com/mentorbot/mentorbot/cmd/mentorbot"
)

// TestLogs runs commands that succeed and fail, as members with
// distinctive names typing distinctive text, with the program's own
// logger at debug level: LOG_FORMAT=json gives one JSON object a line, and
// the log holds neither a name, nor what was typed, nor a secret.
func TestLogs(t *testing.T) {
	zed := slackfake.User{ID: "UZED", Name: "quetzalhandle", RealName: "Quetzalia Brontosaure", TZ: "Europe/Paris", Locale: "fr-FR"}
	yan := slackfake.User{ID: "UYAN", Name: "yanhandle", RealName: "Yannick Ornithorynque", TZ: "Europe/Paris", Locale: "en-US"}
	secrets := []string{zed.Name, zed.RealName, "Quetzalia", "Brontosaure", yan.Name, "Ornithorynque",
		"zanzibarology", "whispering", "elephant", "xylophonic", testSecret, "xoxb-test"}
	for _, tt := range []struct{ format, first string }{{"json", "{"}, {"text", "time="}} {
		t.Run(tt.format, func(t *testing.T) {
			buf := &lockedBuffer{}
			w := MustStartSlack(t, func(m *main.Main, fake *slackfake.Server) {
				fake.AddUser(zed, yan)
				m.Log, m.LogOutput = nil, buf
				m.Config.LogLevel, m.Config.LogFormat = "debug", tt.format
			})
			MustContain(t, w.MustCommand(yan, "offer zanzibarology capacity:1"), en("offer.saved", "topics", "zanzibarology"))
			MustContain(t, w.MustCommand(zed, "request zanzibarology languages:fr,en goal:whispering to the orange elephant"), bot.T(bot.French, "request.proposed", "topic", "zanzibarology"))
			proposal := w.dms(yan, 1, hasButton("proposal.accept"))[0]
			w.click(yan, proposal, "proposal.accept")
			w.updated(proposal)
			w.MustCommand(zed, "offer xylophonic capcity:3")  // an unknown option
			w.MustCommand(zed, "xylophonic elephant")         // an unknown command
			w.MustCommand(zed, "request xylophonic kind:zzz") // a bad value

			log := buf.String()
			if !strings.Contains(log, "command") || !strings.Contains(log, "UZED") {
				t.Fatalf("got log without the commands or the member's ID:\n%s", log)
			}
			for _, s := range secrets {
				if strings.Contains(strings.ToLower(log), strings.ToLower(s)) {
					t.Errorf("got %q in the log, want IDs only:\n%s", s, log)
				}
			}
			for _, line := range strings.Split(strings.TrimSpace(log), "\n") {
				var v map[string]any
				if isJSON := json.Unmarshal([]byte(line), &v) == nil; !strings.HasPrefix(line, tt.first) || isJSON != (tt.format == "json") {
					t.Fatalf("got line %q, want a %s line", line, tt.format)
				}
			}
		})
	}
}
